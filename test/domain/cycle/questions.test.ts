import assert from 'node:assert/strict';
import { checkAnswers, questionsFor } from '../../../src/domain/cycle/questions';

describe('checkAnswers: what someone typed into a prompt card', () => {
  it('keeps known questions only, trimmed', () => {
    assert.deepEqual(checkAnswers('followUp', { 'fu.tried': ' partly ', 'fu.happened': '', other: 'x' }), {
      ok: true,
      answers: { 'fu.tried': 'partly' },
    });
  });

  it('names every problem at once: a required answer missing, one too long, a rating out of range', () => {
    const tooLong = 'x'.repeat(questionsFor('afterHost').find((q) => q.id === 'ah.noticed')!.maxLength + 1);
    assert.deepEqual(checkAnswers('afterHost', { 'ah.plan': ' ', 'ah.noticed': tooLong, 'ah.safety': '6' }), {
      ok: false,
      errors: { 'ah.plan': 'required', 'ah.noticed': 'tooLong', 'ah.safety': 'invalid' },
    });
    assert.deepEqual(checkAnswers('followUp', { 'fu.tried': 'maybe' }), {
      ok: false,
      errors: { 'fu.tried': 'invalid' },
    });
  });
});
