import assert from 'node:assert/strict';
import { parseEndAnswers } from '../../../src/domain/evaluation/end-answers';

const today = new Date('2026-09-30T08:00:00Z');

describe('end-answers', () => {
  it('reads the statements, the overall questions on their own scales, and the comment', () => {
    const parsed = parseEndAnswers(
      {
        's.reflection': '5',
        'o.safety': '1',
        'o.usefulness': '',
        'o.recommend': '10',
        comment: '  Keep it.  ',
      },
      today,
    );
    assert.deepEqual(parsed, {
      ok: true,
      answers: { ratings: { reflection: 5 }, overall: { safety: 1, recommend: 10 }, comment: 'Keep it.' },
    });
    assert.deepEqual(parseEndAnswers({ 'o.recommend': '0' }, today), {
      ok: true,
      answers: { ratings: {}, overall: { recommend: 0 } },
    });
  });

  it('refuses a tampered card whole', () => {
    for (const fields of <Record<string, string>[]>[
      { 'o.safety': '6' },
      { 'o.usefulness': '0' },
      { 'o.recommend': '11' },
      { 'o.recommend': '-1' },
      { 'o.recommend': '3.5' },
      { 'o.mood': '3' },
      { 's.reflection': '9', 'o.safety': '3' },
    ])
      assert.deepEqual(
        parseEndAnswers(fields, today),
        { ok: false, status: 'invalid' },
        JSON.stringify(fields),
      );
  });

  it('asks for something when nothing was chosen or written', () => {
    assert.deepEqual(parseEndAnswers({ comment: '   ', 'o.safety': '' }, today), {
      ok: false,
      status: 'empty',
    });
  });

  it('refuses a comment over 1000 characters, and one holding an identifier, masked', () => {
    assert.deepEqual(parseEndAnswers({ comment: 'x'.repeat(1001) }, today), { ok: false, status: 'tooLong' });
    assert.equal((parseEndAnswers({ comment: 'x'.repeat(1000) }, today) as { ok: boolean }).ok, true);
    const found = parseEndAnswers({ comment: 'Ring me on 070-123 45 67' }, today);
    assert.equal(found.ok, false);
    assert.ok(!found.ok && found.status === 'identifier');
    assert.equal(found.identifier.kind, 'phone');
    assert.doesNotMatch(found.identifier.found, /123 45 67/);
    // an invisible character does not hide an e-mail address from the check
    const hidden = parseEndAnswers({ comment: 'write to anna\u200b@example.se' }, today);
    assert.ok(!hidden.ok && hidden.status === 'identifier' && hidden.identifier.kind === 'email');
  });
});
