import assert from 'node:assert/strict';
import { field } from '../../src/bot/turn';

describe('field', () => {
  it('reads a card input as typed', () => {
    assert.equal(field({ name: 'Autumn' }, 'name'), 'Autumn');
  });

  it('cuts an input longer than the field allows', () => {
    assert.equal(field({ name: 'x'.repeat(50) }, 'name', 10), 'x'.repeat(10));
    assert.equal(field({ note: 'y'.repeat(5000) }, 'note').length, 4000);
  });

  it('reads a missing or non-text input as blank, so a tampered card cannot pass objects on', () => {
    assert.equal(field({}, 'name'), '');
    assert.equal(field({ name: { x: 1 } } as unknown as Record<string, string>, 'name'), '');
  });
});
