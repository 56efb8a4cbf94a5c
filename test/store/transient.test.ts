import assert from 'node:assert/strict';
import { isTransient, retryTransient } from '../../src/store/transient';

const failing = (codes: unknown[]) => {
  let calls = 0;
  const op = async () => {
    const code = codes[calls++];
    if (code === undefined) return 'done';
    throw Object.assign(new Error('store said no'), { code });
  };
  return { op, calls: () => calls };
};

describe('retrying store hiccups', () => {
  const waits: number[] = [];
  const policy = { delaysMs: [1, 2, 3], sleep: async (ms: number) => void waits.push(ms) };
  beforeEach(() => (waits.length = 0));

  it('treats 503, 408, 449 and dropped connections as worth another try', () => {
    for (const code of [503, 408, 449, 'ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT']) {
      assert.equal(isTransient({ code }), true, String(code));
    }
  });

  it('passes through what another try cannot fix, and 429 (the SDK has already waited it out)', () => {
    for (const code of [400, 401, 403, 404, 409, 412, 413, 429, 'EINVAL', undefined]) {
      assert.equal(isTransient({ code }), false, String(code));
    }
    assert.equal(isTransient(undefined), false);
  });

  it('tries again after each delay until the store answers', async () => {
    const store = failing([503, 'ECONNRESET']);
    assert.equal(await retryTransient(store.op, policy), 'done');
    assert.equal(store.calls(), 3);
    assert.deepEqual(waits, [1, 2]);
  });

  it('gives up after its last delay with the store’s own error', async () => {
    const store = failing([503, 503, 503, 503, 503]);
    await assert.rejects(retryTransient(store.op, policy), { code: 503 });
    assert.equal(store.calls(), 4);
  });

  it('does not retry a conflict', async () => {
    const store = failing([412]);
    await assert.rejects(retryTransient(store.op, policy), { code: 412 });
    assert.equal(store.calls(), 1);
    assert.deepEqual(waits, []);
  });
});
