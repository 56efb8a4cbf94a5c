import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import * as sinon from 'sinon';
import { blake, message } from '../support/activities';
import { startTestBot, TestBot } from '../support/test-bot';

const MB = 1024 * 1024;
const KB = 1024;

/** a bot with an app id: nobody here has a token, so nothing may be read that a token would guard */
const authenticated = {
  BOT_ANONYMOUS: '',
  MicrosoftAppId: '6d1f3a52-8c4e-4b7a-9f21-3e5d7c9a0b14',
  MicrosoftAppPassword: 'not-a-real-secret',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: '00000000-0000-4000-8000-0000000000aa',
};

/** what one request got: its status, and how much of the body the client managed to send */
interface Outcome {
  readonly status: number;
  /** bytes the client had handed to the socket when the answer arrived */
  readonly sentAtAnswer: number;
  /** bytes the client had handed over in all */
  readonly sent: number;
  /** true if every byte the client meant to send went out */
  readonly finished: boolean;
}

/** a body, sent piece by piece; `pause` between pieces makes a slow drip */
interface Body {
  readonly chunks: () => Iterable<Buffer>;
  readonly pauseMs?: number;
}

const once = (buffer: Buffer): Body => ({ chunks: () => [buffer] });
const text = (s: string): Body => once(Buffer.from(s));
/** `count` copies of `chunk`, never held in memory at once */
const repeated = (chunk: Buffer, count: number, pauseMs?: number, head = '', tail = ''): Body => ({
  chunks: function* () {
    if (head) yield Buffer.from(head);
    for (let i = 0; i < count; i++) yield chunk;
    if (tail) yield Buffer.from(tail);
  },
  pauseMs,
});

/** resolves when the request can take more, or is gone */
function drained(req: http.ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      req.off('drain', done);
      req.off('close', done);
      resolve();
    };
    req.on('drain', done);
    req.on('close', done);
  });
}

/**
 * Sends a request over raw HTTP, so the test chooses every header (a lying Content-Length, none at
 * all, any encoding) and streams the body. Stops sending when the answer arrives, unless told to go
 * on, in which case it keeps sending until the server stops taking bytes or the body is done. No
 * answer within `answerWithinMs` is status 0.
 */
function send(
  url: string,
  request: { method?: string; path?: string; headers: Record<string, string>; body?: Body },
  keepSending = false,
  answerWithinMs = 15_000,
): Promise<Outcome> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let sentAtAnswer = -1;
    let status = 0;
    let finished = false;
    let stopped = false;
    const req = http.request({
      host: hostname,
      port,
      method: request.method ?? 'POST',
      path: request.path ?? '/api/messages',
      headers: request.headers,
      agent: false,
    });
    const settle = () => {
      stopped = true;
      clearTimeout(deadline);
      if (status) resolve({ status, sentAtAnswer, sent, finished });
      else reject(new Error(`no answer after ${sent} bytes`));
    };
    // a server that waits for the whole of a slow body shows up as status 0, not as a hung test
    const deadline = setTimeout(() => {
      if (!status) resolve({ status: 0, sentAtAnswer, sent, finished });
      stopped = true;
      req.destroy();
    }, answerWithinMs);
    req.on('response', (res) => {
      status = res.statusCode ?? 0;
      sentAtAnswer = sent;
      res.resume();
      if (!keepSending) {
        stopped = true;
        res.on('end', () => {
          req.destroy();
          settle();
        });
      }
    });
    req.on('error', () => settle());
    req.on('close', () => {
      if (status && (keepSending || !stopped)) settle();
    });
    void (async () => {
      for (const chunk of request.body?.chunks() ?? []) {
        if (stopped || req.destroyed) return;
        sent += chunk.length;
        const flushed = req.write(chunk);
        if (!flushed) await drained(req);
        if (request.body?.pauseMs) await new Promise((r) => setTimeout(r, request.body!.pauseMs));
      }
      if (stopped || req.destroyed) return;
      finished = true;
      req.end();
    })();
  });
}

/** a gzip, deflate or brotli body that inflates to `size` bytes of one long JSON string */
async function compressed(compress: 'gzip' | 'deflate' | 'br', size: number): Promise<Buffer> {
  const stream =
    compress === 'gzip'
      ? zlib.createGzip({ level: 9 })
      : compress === 'deflate'
        ? zlib.createDeflate({ level: 9 })
        : zlib.createBrotliCompress();
  const out: Buffer[] = [];
  stream.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((r) => stream.on('end', r));
  const letters = Buffer.alloc(MB, 'a');
  stream.write('{"type":"message","text":"');
  for (let i = 0; i < size / MB; i++) {
    if (!stream.write(letters)) await new Promise((r) => stream.once('drain', r));
  }
  stream.end('"}');
  await done;
  return Buffer.concat(out);
}

function rssMb(): number {
  (global as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().rss / MB);
}

describe('http: hostile request bodies are refused from their headers or at 256 KB received', () => {
  let bot: TestBot;
  let privateTmp: string;
  const savedTmp = process.env.TMPDIR;
  let small: string;
  const sandbox = sinon.createSandbox();

  before(async function () {
    this.timeout(60_000);
    // a temporary folder of our own, so that nothing another process writes is counted as ours
    privateTmp = mkdtempSync(path.join(tmpdir(), 'peer-coach-hostile-'));
    process.env.TMPDIR = privateTmp;
    bot = await startTestBot(authenticated);
    small = JSON.stringify(message(blake, bot.connector.url, 'help'));
  });
  beforeEach(() => {
    // botbuilder prints every refused request's error to the console
    sandbox.stub(console, 'error');
  });
  afterEach(() => sandbox.restore());
  after(async () => {
    await bot?.close();
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    rmSync(privateTmp, { recursive: true, force: true });
  });

  it('answers 20 hostile bodies at once with 415, 413, 400 or 401, writes no file and grows by under 50 MB', async function () {
    this.timeout(60_000);
    const [gzip, deflate, br] = await Promise.all([
      compressed('gzip', 160 * MB),
      compressed('deflate', 160 * MB),
      compressed('br', 160 * MB),
    ]);
    const json = 'application/json';
    const boundary = 'hostile-boundary';
    const multipartHead =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n';
    const chunk64k = Buffer.alloc(64 * KB, 'x');

    const hostile: { name: string; expect: number; headers: Record<string, string>; body?: Body }[] = [
      {
        name: 'multipart upload, 8 MB',
        expect: 415,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        body: repeated(chunk64k, 128, undefined, multipartHead, `\r\n--${boundary}--\r\n`),
      },
      {
        name: `gzip bomb (${gzip.length} bytes → 160 MB)`,
        expect: 415,
        headers: { 'content-type': json, 'content-encoding': 'gzip' },
        body: once(gzip),
      },
      {
        name: `deflate bomb (${deflate.length} bytes → 160 MB)`,
        expect: 415,
        headers: { 'content-type': json, 'content-encoding': 'deflate' },
        body: once(deflate),
      },
      {
        name: `brotli bomb (${br.length} bytes → 160 MB)`,
        expect: 415,
        headers: { 'content-type': json, 'content-encoding': 'br' },
        body: once(br),
      },
      {
        name: 'gzip named in capitals, with a length',
        expect: 415,
        headers: { 'content-type': json, 'content-encoding': 'GZIP', 'content-length': String(gzip.length) },
        body: once(gzip),
      },
      {
        name: 'chunked JSON without Content-Length, 1 MB',
        expect: 413,
        headers: { 'content-type': json, 'transfer-encoding': 'chunked' },
        body: repeated(chunk64k, 16, undefined, '{"type":"message","text":"', '"}'),
      },
      {
        // only the first 100 bytes are the body, and they are not JSON; the rest is no request either
        name: 'Content-Length says 100, 1 MB of JSON follows',
        expect: 400,
        headers: { 'content-type': json, 'content-length': '100' },
        body: repeated(chunk64k, 16, undefined, '{"type":"message","text":"', '"}'),
      },
      {
        name: 'Content-Length says 1 MB, 10 bytes follow',
        expect: 413,
        headers: { 'content-type': json, 'content-length': String(MB) },
        body: text('{"type":"'),
      },
      {
        name: 'slow drip of JSON, 4 KB every 5 ms up to 1 MB',
        expect: 413,
        headers: { 'content-type': json, 'transfer-encoding': 'chunked' },
        body: repeated(Buffer.alloc(4 * KB, 'x'), 256, 5, '{"text":"'),
      },
      {
        name: 'slow drip of text/plain, a byte every 50 ms',
        expect: 415,
        headers: { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' },
        body: repeated(Buffer.from('x'), 10_000, 50),
      },
      {
        name: 'text/plain',
        expect: 415,
        headers: { 'content-type': 'text/plain' },
        body: text(small),
      },
      {
        name: 'form-urlencoded',
        expect: 415,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: text(`activity=${encodeURIComponent(small)}`),
      },
      {
        name: 'no Content-Type',
        expect: 415,
        headers: {},
        body: text(small),
      },
      {
        name: 'JSON in UTF-16',
        expect: 415,
        headers: { 'content-type': 'application/json; charset=utf-16' },
        body: text(small),
      },
      {
        name: 'a type that starts like JSON',
        expect: 415,
        headers: { 'content-type': 'application/jsonx' },
        body: text(small),
      },
      {
        name: 'identity encoding, 300 KB of JSON with an honest length',
        expect: 413,
        headers: {
          'content-type': json,
          'content-encoding': 'identity',
          'content-length': String(300 * KB),
        },
        body: repeated(Buffer.alloc(KB, 'x'), 300),
      },
      {
        name: 'malformed JSON',
        expect: 400,
        headers: { 'content-type': json },
        body: text('{ this is not json'),
      },
      {
        name: 'small valid JSON, no token',
        expect: 401,
        headers: { 'content-type': json },
        body: text(small),
      },
      {
        name: 'small valid JSON in UTF-8, identity encoding, no token',
        expect: 401,
        headers: { 'content-type': 'application/json; charset=UTF-8', 'content-encoding': 'identity' },
        body: text(small),
      },
      {
        name: 'small valid JSON sent chunked, no token',
        expect: 401,
        headers: { 'content-type': json, 'transfer-encoding': 'chunked' },
        body: text(small),
      },
    ];
    assert.equal(hostile.length, 20);

    // the path a valid request takes is warmed up first, so that its first use is not counted
    assert.equal((await bot.post(JSON.parse(small) as object)).status, 401);
    const filesBefore = readdirSync(privateTmp);
    const rssBefore = rssMb();
    const outcomes = await Promise.all(
      hostile.map((h) => send(bot.app.url, { headers: h.headers, body: h.body })),
    );
    await new Promise((r) => setTimeout(r, 200));
    const rssAfter = rssMb();
    const newFiles = readdirSync(privateTmp).filter((f) => !filesBefore.includes(f));

    hostile.forEach((h, i) =>
      console.log(
        `      ${outcomes[i]!.status} (expected ${h.expect}) ${h.name}; ${outcomes[i]!.sentAtAnswer} bytes sent`,
      ),
    );
    console.log(
      `      RSS ${rssBefore} MB → ${rssAfter} MB; new files in the temp folder: ${newFiles.length}`,
    );
    assert.deepEqual(
      outcomes.map((o, i) => `${hostile[i]!.name}: ${o.status}`),
      hostile.map((h) => `${h.name}: ${h.expect}`),
    );
    assert.deepEqual(newFiles, [], 'files were left in the temp folder');
    assert.ok(rssAfter - rssBefore < 50, `RSS grew by ${rssAfter - rssBefore} MB`);
  });

  it('reads no body on /healthz or an unknown route: answers before the 50 MB are sent and stops taking them', async function () {
    this.timeout(30_000);
    const fifty = () => repeated(Buffer.alloc(64 * KB, 'x'), 800);
    const health = await send(
      bot.app.url,
      {
        method: 'GET',
        path: '/healthz',
        headers: { 'content-type': 'application/json', 'content-length': String(50 * MB) },
        body: fifty(),
      },
      true,
    );
    const unknown = await send(
      bot.app.url,
      {
        path: '/api/unknown',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        body: fifty(),
      },
      true,
    );
    for (const [name, o] of Object.entries({ health, unknown }))
      console.log(
        `      ${name}: ${o.status}, answered after ${o.sentAtAnswer} bytes, sent ${o.sent} in all`,
      );
    assert.equal(health.status, 200);
    assert.equal(unknown.status, 404);
    for (const o of [health, unknown]) {
      assert.ok(o.sentAtAnswer < 50 * MB, `answered only after ${o.sentAtAnswer} bytes`);
      assert.equal(o.finished, false, 'the server took all 50 MB');
    }
  });
});
