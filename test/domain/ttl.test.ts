import assert from 'node:assert/strict';
import { clampTtl, maxTtlSeconds } from '../../src/domain/ttl';

describe('clampTtl', () => {
  it('keeps a ttl in range as whole seconds', () => {
    assert.equal(clampTtl(86_400), 86_400);
    assert.equal(clampTtl(90.4), 90);
    assert.equal(clampTtl(90.6), 91);
  });

  it("never goes above Cosmos DB's largest ttl (2147483647 s)", () => {
    assert.equal(maxTtlSeconds, 2_147_483_647);
    // a programme ending on 31 December 9999, seen from 2026
    assert.equal(clampTtl(2.5e11), maxTtlSeconds);
    assert.equal(clampTtl(maxTtlSeconds + 0.4), maxTtlSeconds);
    assert.equal(clampTtl(Number.POSITIVE_INFINITY), maxTtlSeconds);
  });

  it('never goes below 1 s (0 is not a ttl, and a negative one would keep the document for ever)', () => {
    assert.equal(clampTtl(0), 1);
    assert.equal(clampTtl(0.2), 1);
    assert.equal(clampTtl(-3_600), 1);
    assert.equal(clampTtl(Number.NEGATIVE_INFINITY), 1);
  });

  it('keeps a document whose ttl cannot be computed for the longest time, not for none', () => {
    assert.equal(clampTtl(Number.NaN), maxTtlSeconds);
  });
});
