import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import sinon from 'sinon';
import {
  consentContext,
  fileConsentCard,
  fileConsentContentType,
  fileInfoCard,
  fileInfoContentType,
  uploadAccepted,
} from '../../../src/bot/inbound/file-delivery';
import { programmeCsv } from '../../../src/domain/report/csv';
import { csvLabels } from '../../../src/bot/handlers/report-handlers';
import { wordsFor } from '../../../src/i18n';
import { LocalConnector } from '../../support/local-connector';

const fileName = 'Peer Coach - Vår 2026 - 2026-03-04.csv';

function csvBytes(): Buffer {
  return Buffer.from(
    programmeCsv({
      labels: csvLabels(wordsFor('en-GB', 'UTC')),
      programmeName: 'Vår 2026',
      generatedAt: new Date('2026-03-04T09:15:00Z'),
      timeZone: 'Europe/Stockholm',
      figures: [{ label: 'Supervisors enrolled', value: '12' }],
      pairs: [{ names: 'Åsa Öberg & Björn Ärlig', completed: 2, target: 4, stage: 'scheduled' }],
      practised: [{ context: 'Setting', category: 'Ward round', value: '12' }],
    }),
    'utf8',
  );
}

/** a server that takes the request and never answers */
async function silentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe('file delivery', () => {
  const sandbox = sinon.createSandbox();
  let connector: LocalConnector;
  /** the local store's host, which stands in for OneDrive only where a test names it */
  const local = () => [new URL(connector.url).host];

  beforeEach(async () => {
    connector = new LocalConnector();
    await connector.start();
  });
  afterEach(async () => {
    sandbox.restore();
    await connector.stop();
  });

  describe('fileConsentCard', () => {
    it('asks for the file with its name, size, description and the context to make it again', () => {
      const context = { programmeId: 'prog-1' };
      const card = fileConsentCard({
        name: fileName,
        bytes: 321,
        description: 'Participation figures — counts only, no reflections',
        context,
      });
      assert.deepEqual(card, {
        contentType: 'application/vnd.microsoft.teams.card.file.consent',
        name: fileName,
        content: {
          description: 'Participation figures — counts only, no reflections',
          sizeInBytes: 321,
          acceptContext: { programmeId: 'prog-1' },
          declineContext: { programmeId: 'prog-1' },
        },
      });
      assert.equal(card.contentType, fileConsentContentType);
      assert.notEqual((card.content as { acceptContext: object }).acceptContext, context, 'a copy');
    });

    it('carries no file content', () => {
      const card = fileConsentCard({
        name: fileName,
        bytes: 9,
        description: 'd',
        context: { programmeId: 'p' },
      });
      assert.doesNotMatch(JSON.stringify(card), /Supervisors enrolled|Åsa/);
    });
  });

  describe('consentContext', () => {
    it('reads back the strings the card carried and nothing else', () => {
      assert.deepEqual(
        consentContext({ action: 'accept', context: { programmeId: 'prog-1', n: 3, x: { y: 'z' } } }),
        { programmeId: 'prog-1' },
      );
      assert.deepEqual(consentContext({ action: 'decline' }), {});
      assert.deepEqual(consentContext(undefined), {});
    });
  });

  describe('uploadAccepted', () => {
    /** the CSV put where the local connector says, within 10 s, to a host it runs on */
    const uploadCsv = () =>
      uploadAccepted(connector.uploadInfo(fileName), csvBytes(), fetch, 10_000, local());

    it('puts the exact bytes, with Content-Length and Content-Range for the whole file', async () => {
      const bytes = csvBytes();
      const outcome = await uploadAccepted(connector.uploadInfo(fileName), bytes, fetch, 10_000, local());
      assert.deepEqual(outcome, { status: 'uploaded' });
      assert.equal(connector.uploads.length, 1);
      const upload = connector.uploads[0]!;
      assert.equal(upload.name, fileName);
      assert.ok(upload.body.equals(bytes), 'the bytes arrive unchanged, byte order mark and all');
      assert.deepEqual([...upload.body.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.equal(upload.contentLength, String(bytes.length));
      assert.equal(upload.contentRange, `bytes 0-${bytes.length - 1}/${bytes.length}`);
      assert.equal(upload.status, 201);
    });

    it('is checked by a store that refuses a Content-Range that does not match the bytes', async () => {
      const res = await fetch(connector.uploadInfo(fileName).uploadUrl, {
        method: 'PUT',
        headers: { 'content-range': 'bytes 0-9/10' },
        body: 'abc',
      });
      assert.equal(res.status, 416);
      assert.equal(connector.uploads[0]?.status, 416);
    });

    it('reports a store that answers 500 as failed', async () => {
      connector.uploadFailures.set(fileName, 500);
      const outcome = await uploadCsv();
      assert.deepEqual(outcome, { status: 'failed', reason: 'HTTP 500' });
      assert.equal(connector.uploads.length, 1, 'tried once, not retried');
    });

    it('reports a store still waiting for more of the file as failed', async () => {
      connector.uploadFailures.set(fileName, 202);
      const outcome = await uploadCsv();
      assert.deepEqual(outcome, { status: 'failed', reason: 'upload incomplete' });
    });

    it('reports a store that cannot be reached as failed, without the URL in the reason', async () => {
      const info = connector.uploadInfo(fileName);
      const hosts = local();
      await connector.stop();
      const outcome = await uploadAccepted(info, csvBytes(), fetch, 10_000, hosts);
      assert.deepEqual(outcome, { status: 'failed', reason: 'network error' });
      await connector.start();
    });

    it('gives up on a store that does not answer in time', async () => {
      const silent = await silentServer();
      try {
        const outcome = await uploadAccepted(
          { ...connector.uploadInfo(fileName), uploadUrl: `${silent.url}/upload/x` },
          csvBytes(),
          fetch,
          100,
          [new URL(silent.url).host],
        );
        assert.deepEqual(outcome, { status: 'failed', reason: 'timed out' });
      } finally {
        await silent.close();
      }
    });

    it('sends nothing without an upload URL, to a URL that is not https, or for an empty file', async () => {
      const fetchStub = sandbox.stub().rejects(new Error('must not be called'));
      const fetchImpl = fetchStub as unknown as typeof fetch;
      const info = connector.uploadInfo(fileName);
      assert.deepEqual(await uploadAccepted(undefined, csvBytes(), fetchImpl), {
        status: 'failed',
        reason: 'no upload URL',
      });
      assert.deepEqual(await uploadAccepted({ ...info, uploadUrl: 'not a url' }, csvBytes(), fetchImpl), {
        status: 'failed',
        reason: 'no upload URL',
      });
      assert.deepEqual(
        await uploadAccepted({ ...info, uploadUrl: 'http://files.example/upload' }, csvBytes(), fetchImpl),
        { status: 'failed', reason: 'upload host not allowed', host: 'files.example' },
      );
      assert.deepEqual(await uploadAccepted(info, Buffer.alloc(0), fetchImpl, 10_000, local()), {
        status: 'failed',
        reason: 'empty file',
      });
      assert.equal(fetchStub.callCount, 0);
    });

    it('sends to an https upload URL', async () => {
      const fetchStub = sandbox.stub().resolves(new Response(null, { status: 201 }));
      const outcome = await uploadAccepted(
        { uploadUrl: 'https://contoso-my.sharepoint.com/upload?token=t' },
        Buffer.from('a,b\r\n'),
        fetchStub as unknown as typeof fetch,
      );
      assert.deepEqual(outcome, { status: 'uploaded' });
      const [url, init] = fetchStub.firstCall.args as [string, RequestInit];
      assert.equal(url, 'https://contoso-my.sharepoint.com/upload?token=t');
      assert.equal(init.method, 'PUT');
      assert.deepEqual(init.headers, { 'content-length': '5', 'content-range': 'bytes 0-4/5' });
    });
  });

  describe('uploadAccepted: only to the hosts Teams uses for file consent', () => {
    const bytes = () => Buffer.from('a,b\r\n');
    const refused = [
      // not a SharePoint host at all, with the name somewhere else in the URL
      'https://evil.example/.sharepoint.com',
      'https://evil.example/contoso.sharepoint.com/upload',
      'https://evil.example?.sharepoint.com',
      'https://evil.example#.sharepoint.com',
      'https://evil.example\\.sharepoint.com/upload',
      // the name as a prefix of another host
      'https://contoso.sharepoint.com.evil.example/upload',
      'https://contoso.sharepoint.com%2eevil.example/upload',
      'https://contoso.sharepoint.com\u3002evil.example/upload',
      // the name as a user name
      'https://user@contoso.sharepoint.com@evil.example/upload',
      'https://contoso.sharepoint.com@evil.example/upload',
      'https://user:secret@contoso.sharepoint.com/upload',
      // addresses instead of names
      'https://13.107.136.9/upload',
      'https://0x0d.0x6b.0x88.0x09/upload',
      'https://[2603:1061::1]/upload',
      'https://127.0.0.1/upload',
      // near misses
      'https://contoso.sharepoint.com./upload',
      'https://sharepoint.com/upload',
      'https://a.b.sharepoint.com/upload',
      'https://contoso.sharepoınt.com/upload',
      'https://xn--cntoso-8ua.sharepoint.com/upload',
      'https://contoso.sharepoint.com:8443/upload',
      'https://contoso.sharepoint-df.com/upload',
      'https://contoso.sharepoint.us/upload',
      'http://contoso.sharepoint.com/upload',
      'http://localhost/upload',
      'http://127.0.0.1/upload',
      'ftp://contoso.sharepoint.com/upload',
    ];
    for (const uploadUrl of refused) {
      it(`puts nothing to ${uploadUrl}`, async () => {
        const fetchStub = sandbox.stub().resolves(new Response(null, { status: 201 }));
        const outcome = await uploadAccepted({ uploadUrl }, bytes(), fetchStub as unknown as typeof fetch);
        assert.equal(outcome.status, 'failed');
        assert.equal(fetchStub.callCount, 0);
        assert.doesNotMatch(JSON.stringify(outcome), /upload$|\/upload|secret/, 'no path or credentials');
      });
    }

    for (const uploadUrl of [
      'https://contoso-my.sharepoint.com/personal/avery_contoso_com/_api/v2.0/drive/items/1/uploadSession?guid=g&tempauth=t',
      'https://contoso.sharepoint.com/upload?tempauth=t',
      'HTTPS://CONTOSO-MY.SHAREPOINT.COM/personal/upload?tempauth=t',
      'https://contoso-my.sharepoint.com:443/personal/upload?tempauth=t',
    ]) {
      it(`puts the file to ${uploadUrl}`, async () => {
        const fetchStub = sandbox.stub().resolves(new Response(null, { status: 201 }));
        const outcome = await uploadAccepted({ uploadUrl }, bytes(), fetchStub as unknown as typeof fetch);
        assert.deepEqual(outcome, { status: 'uploaded' });
        assert.equal(fetchStub.callCount, 1);
      });
    }

    it('says which host was refused, and nothing of the path or query', async () => {
      const outcome = await uploadAccepted(
        { uploadUrl: 'https://files.evil.example/secret-path?tempauth=s3cret' },
        bytes(),
        sandbox.stub().rejects(new Error('must not be called')) as unknown as typeof fetch,
      );
      assert.deepEqual(outcome, {
        status: 'failed',
        reason: 'upload host not allowed',
        host: 'files.evil.example',
      });
    });

    it("puts to a host the caller allows (the tests' local store) over http, and to no other port or host", async () => {
      const info = connector.uploadInfo(fileName);
      const allowed = [new URL(info.uploadUrl).host];
      assert.deepEqual(await uploadAccepted(info, bytes(), fetch, 10_000, allowed), { status: 'uploaded' });
      const fetchStub = sandbox.stub().resolves(new Response(null, { status: 201 }));
      const other = new URL(info.uploadUrl);
      other.port = String(Number(other.port) + 1);
      for (const uploadUrl of [other.href, info.uploadUrl.replace('127.0.0.1', 'localhost')]) {
        const outcome = await uploadAccepted(
          { uploadUrl },
          bytes(),
          fetchStub as unknown as typeof fetch,
          10_000,
          allowed,
        );
        assert.equal(outcome.status, 'failed', uploadUrl);
      }
      assert.equal(fetchStub.callCount, 0);
    });
  });

  describe('fileInfoCard', () => {
    it('points at the uploaded file with its id and type', () => {
      const info = connector.uploadInfo(fileName);
      assert.deepEqual(fileInfoCard(info), {
        contentType: 'application/vnd.microsoft.teams.card.file.info',
        contentUrl: info.contentUrl,
        name: fileName,
        content: { uniqueId: info.uniqueId, fileType: 'csv' },
      });
      assert.equal(fileInfoCard(info).contentType, fileInfoContentType);
    });
  });
});
