import assert from 'node:assert/strict';
import { BaselineCardData, renderBaselineCard } from '../../src/cards/evaluation-card';
import { statementIds } from '../../src/domain/evaluation/statements';
import { Words } from '../../src/i18n';
import { english, inputIdsOf, inputOf, swedish } from '../support/card-samples';
import { textOf, verbsOf } from '../support/test-bot';

const view = { programmeId: 'p-1', programmeName: 'Autumn', personId: 'person-b' };
const card = (data: Partial<BaselineCardData> = {}, words: Words = english) =>
  renderBaselineCard({ view, state: 'open', ...data }, words);

describe('cards/evaluation-card', () => {
  it('asks the six statements, each as 1–5 radio buttons, with Send and Not now', () => {
    const open = card();
    assert.deepEqual(
      inputIdsOf(open),
      statementIds.map((id) => `s.${id}`),
    );
    for (const id of inputIdsOf(open)) {
      const input = inputOf(open, id)!;
      assert.equal(input.type, 'Input.ChoiceSet');
      assert.equal(input.style, 'expanded');
      assert.deepEqual(
        (input.choices as { value: string }[]).map((c) => c.value),
        ['1', '2', '3', '4', '5'],
      );
    }
    assert.deepEqual(verbsOf(open), ['evaluation.answer', 'evaluation.decline']);
    assert.match(textOf(open), /Optional, about two minutes/);
    assert.match(
      textOf(open),
      /your coordinator sees only totals over five or more people, never your answers/,
    );
    assert.match(textOf(open), /1 – Strongly disagree[\s\S]*5 – Strongly agree/);
  });

  it('says it in Swedish, in the same shape', () => {
    const sv = card({}, swedish);
    assert.match(textOf(sv), /Frivilligt, cirka två minuter/);
    assert.match(textOf(sv), /din samordnare ser bara summor för fem eller fler personer, aldrig dina svar/);
    assert.match(textOf(sv), /5 – Instämmer helt/);
    assert.deepEqual(inputIdsOf(sv), inputIdsOf(card()));
  });

  it('keeps what was chosen and says why, when an answer is refused', () => {
    const refused = card({
      message: english.t('evaluation.invalid'),
      typed: { 's.feedback': '4', 's.reflection': '9' },
    });
    assert.match(textOf(refused), /nothing was saved/);
    assert.equal(inputOf(refused, 's.feedback')!.value, '4');
    assert.equal(inputOf(refused, 's.reflection')!.value, '');
  });

  it('is read-only once answered, declined or refused', () => {
    for (const state of ['answered', 'declined', 'refused'] as const) {
      const done = card({ state, message: english.t('evaluation.closed') });
      assert.deepEqual(verbsOf(done), [], state);
      assert.deepEqual(inputIdsOf(done), [], state);
    }
    assert.match(textOf(card({ state: 'answered' })), /Thank you/);
    assert.match(textOf(card({ state: 'answered' }, swedish)), /Tack/);
  });
});
