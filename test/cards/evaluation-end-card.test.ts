import assert from 'node:assert/strict';
import { EndCardData, renderEndCard } from '../../src/cards/evaluation-end-card';
import { statementIds } from '../../src/domain/evaluation/statements';
import { Words } from '../../src/i18n';
import { english, inputIdsOf, inputOf, swedish } from '../support/card-samples';
import { textOf, verbsOf } from '../support/test-bot';

const view = { programmeId: 'p-1', programmeName: 'Autumn', personId: 'person-b', lastDay: '2026-10-13' };
const card = (data: Partial<EndCardData> = {}, words: Words = english) =>
  renderEndCard({ view, state: 'open', ...data }, words);
const values = (c: object, id: string) =>
  (inputOf(c as Record<string, unknown>, id)!.choices as { value: string }[]).map((x) => x.value);

describe('cards/evaluation-end-card', () => {
  it('asks the six statements, the three overall questions on their scales, and an optional comment', () => {
    const open = card();
    assert.deepEqual(inputIdsOf(open), [
      ...statementIds.map((id) => `s.${id}`),
      'o.safety',
      'o.usefulness',
      'o.recommend',
      'comment',
    ]);
    assert.deepEqual(values(open, 'o.safety'), ['1', '2', '3', '4', '5']);
    assert.deepEqual(values(open, 'o.recommend'), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    assert.equal(inputOf(open, 'comment')!.maxLength, 1000);
    assert.deepEqual(verbsOf(open), ['evaluation.end.answer', 'evaluation.end.decline']);
    assert.match(textOf(open), /A comment to your coordinator \(optional\)/);
    assert.match(textOf(open), /Your coordinator will read this — without your name — only if five or more/);
    assert.match(textOf(open), /Open until 13 Oct 2026/);
    assert.doesNotMatch(textOf(open), /A reminder/);
    assert.match(textOf(card({ reminder: true })), /A reminder: this is still open/);
  });

  it('keeps what was typed through a refusal, with the comment’s problem under it', () => {
    const again = card({
      typed: { 's.strategies': '4', 'o.recommend': '9', 'o.safety': '7', comment: 'kept' },
      commentError: 'This looks like a phone number',
    });
    assert.equal(inputOf(again, 's.strategies')!.value, '4');
    assert.equal(inputOf(again, 'o.recommend')!.value, '9');
    assert.equal(inputOf(again, 'o.safety')!.value, '', 'a value off the scale is not echoed');
    assert.equal(inputOf(again, 'comment')!.value, 'kept');
    assert.match(textOf(again), /This looks like a phone number/);
  });

  it('is read-only once answered or closed, and speaks Swedish', () => {
    assert.deepEqual(verbsOf(card({ state: 'answered' })), []);
    assert.deepEqual(inputIdsOf(card({ state: 'refused', message: 'closed' })), []);
    assert.match(textOf(card({}, swedish)), /Din samordnare läser detta – utan ditt namn/);
  });
});
