import assert from 'node:assert/strict';
import sinon from 'sinon';
import { HttpServer, MessageEndpoint, Readiness, startHttpServer } from '../../src/http/server';
import { silentLogger } from '../../src/log';

/** what /api/messages was handed, and a turn that finishes when the test says so */
function fakeEndpoint() {
  const bodies: unknown[] = [];
  let finish = () => {};
  const endpoint: MessageEndpoint = {
    process: sinon.spy(async (req, res) => {
      bodies.push(req.body);
      await new Promise<void>((resolve) => (finish = resolve));
      res.send(200, { ok: true });
    }),
  };
  return { endpoint, bodies, finish: () => finish() };
}

const postJson = (server: HttpServer, body: unknown, contentType = 'application/json') =>
  fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: JSON.stringify(body),
  });

describe('http server: /api/messages, /healthz and /readyz over restify', () => {
  let server: HttpServer | undefined;
  afterEach(async () => {
    await server?.close(100);
    server = undefined;
  });

  const alwaysReady = async (): Promise<Readiness> => ({ ok: true });
  const start = async (ready: () => Promise<Readiness>, endpoint = fakeEndpoint().endpoint, host?: string) =>
    (server = await startHttpServer({ port: 0, host, endpoint, ready, log: silentLogger }));

  it('says it is alive on /healthz, and on /readyz whether it is ready or why not', async () => {
    let readiness: Readiness = { ok: false, reason: 'store unreachable' };
    const s = await start(async () => readiness);
    const alive = await fetch(`${s.url}/healthz`);
    assert.deepEqual([alive.status, await alive.json()], [200, { status: 'alive' }]);
    const starting = await fetch(`${s.url}/readyz`);
    assert.deepEqual([starting.status, await starting.json()], [503, { status: 'store unreachable' }]);
    readiness = { ok: false, reason: 'scheduler stalled' };
    const stalled = await fetch(`${s.url}/readyz`);
    assert.deepEqual([stalled.status, await stalled.json()], [503, { status: 'scheduler stalled' }]);
    readiness = { ok: true };
    const ready = await fetch(`${s.url}/readyz`);
    assert.deepEqual([ready.status, await ready.json()], [200, { status: 'ready' }]);
  });

  it('answers 404 on a route it does not serve', async () => {
    const s = await start(alwaysReady);
    assert.equal((await fetch(`${s.url}/api/other`)).status, 404);
    assert.equal((await fetch(`${s.url}/healthz`, { method: 'POST' })).status, 405);
  });

  it('hands the parsed activity to the bot, and refuses a body that is not JSON in UTF-8 unread', async () => {
    const fake = fakeEndpoint();
    const s = await start(alwaysReady, fake.endpoint);
    const answered = postJson(s, { type: 'message', text: 'help' });
    await waitFor(() => fake.bodies.length === 1);
    fake.finish();
    assert.equal((await answered).status, 200);
    assert.deepEqual(fake.bodies, [{ type: 'message', text: 'help' }]);

    assert.equal((await postJson(s, { type: 'message' }, 'text/plain')).status, 415);
    assert.equal((await postJson(s, { type: 'message' }, 'application/json; charset=latin1')).status, 415);
    const broken = await fetch(`${s.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{ not json',
    });
    assert.deepEqual([broken.status, await broken.json()], [400, { error: 'body is not JSON' }]);
    assert.equal(fake.bodies.length, 1, 'the bot saw none of the refused bodies');
  });

  it('answers 500 when the bot fails a turn, and keeps serving', async () => {
    const endpoint: MessageEndpoint = { process: () => Promise.reject(new Error('boom')) };
    const s = await start(alwaysReady, endpoint);
    assert.equal((await postJson(s, { type: 'message' })).status, 500);
    assert.equal((await fetch(`${s.url}/healthz`)).status, 200);
  });

  it('on close finishes the turn in flight, then stops listening', async () => {
    const fake = fakeEndpoint();
    const s = await start(alwaysReady, fake.endpoint);
    const inFlight = postJson(s, { type: 'message' });
    await waitFor(() => fake.bodies.length === 1);
    const closed = s.close();
    fake.finish();
    assert.equal((await inFlight).status, 200);
    await closed;
    await assert.rejects(fetch(`${s.url}/healthz`), 'the listener is closed');
  });

  it('closes after the grace period even when a turn never finishes', async () => {
    const endpoint: MessageEndpoint = { process: () => new Promise(() => {}) };
    const s = await start(alwaysReady, endpoint);
    void postJson(s, { type: 'message' }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await s.close(100);
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
  });

  it('is reached on loopback when it listens on every address', async () => {
    const everywhere = await start(alwaysReady);
    assert.equal(everywhere.url, `http://127.0.0.1:${everywhere.port}`);
    await everywhere.close();
    const ipv6 = await start(alwaysReady, undefined, '::1').catch(() => undefined);
    if (ipv6) assert.equal(ipv6.url, `http://[::1]:${ipv6.port}`);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(condition(), 'timed out');
}
