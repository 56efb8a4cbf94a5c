import assert from 'node:assert/strict';
import { parseRatings, statementIds } from '../../../src/domain/evaluation/statements';

describe('evaluation statements', () => {
  it('are six, one per theme, in the order the card shows them', () => {
    assert.deepEqual(statementIds, [
      'strategies',
      'complexity',
      'reflection',
      'feedback',
      'learnerPerspective',
      'sharedConcern',
    ]);
  });

  it('reads 1–5 per statement from a card, skipping what was left empty and the card’s own data', () => {
    assert.deepEqual(parseRatings({ programmeId: 'p', 's.feedback': '4', 's.reflection': '', verb: 'x' }), {
      ok: true,
      ratings: { feedback: 4 },
    });
  });

  it('refuses the whole answer for a value off the scale or a statement it does not know', () => {
    for (const bad of <Record<string, string>[]>[
      { 's.feedback': '6' },
      { 's.feedback': '0' },
      { 's.feedback': '4.0' },
      { 's.mood': '3' },
    ])
      assert.deepEqual(parseRatings({ 's.reflection': '3', ...bad }), { ok: false }, JSON.stringify(bad));
  });
});
