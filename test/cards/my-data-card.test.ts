import assert from 'node:assert/strict';
import { MyDataCardData, renderMyDataCards } from '../../src/cards/my-data-card';
import { Words } from '../../src/i18n';
import { english, sampleObservation, samplePrompt, swedish, typesShowing } from '../support/card-samples';
import { textOf, verbsOf } from '../support/test-bot';

/** `n` answered reflections of a host, each with one answer */
const answers = (n: number, answer = 'Went as planned'): MyDataCardData['answers'] =>
  Array.from({ length: n }, () => ({
    prompt: { ...samplePrompt('afterHost', 'answered'), answers: { 'ah.plan': answer } },
    observation: sampleObservation(),
    hostName: 'Blake Berg',
  }));
const myData = (data: Partial<MyDataCardData> = {}, words: Words = english) =>
  renderMyDataCards({ answers: answers(1), actionPoints: [], ...data }, words);

describe('cards/my-data-card', () => {
  it('shows each answer under the observation and the prompt it was given to, and the action points', () => {
    const [card, ...rest] = myData({ actionPoints: [{ point: 'Count to five' }] });
    assert.equal(rest.length, 0);
    assert.match(
      textOf(card),
      /^Everything you wrote\nOnly you and your peer see this\.[^\n]*\nWed, 2 Sept 2026, 10:00–11:00 — Your reflection\nHow did it go compared with your plan\? \nWent as planned\nYour action points\n• \nCount to five\n/,
    );
    assert.deepEqual(verbsOf(card), ['data.erase.ask']);
  });

  it('shows what they wrote only as plain TextRuns, never as markdown', () => {
    const [card] = myData({ answers: answers(1, '[click](https://evil.example)') });
    assert.deepEqual(typesShowing(card, 'evil.example'), ['TextRun']);
  });

  it('splits many answers into parts of three, and offers deletion on the last', () => {
    const cards = myData({ answers: answers(7) });
    assert.deepEqual(
      cards.map((c) => textOf(c).split('\n')[0]),
      [1, 2, 3].map((n) => `Everything you wrote (part ${n} of 3)`),
    );
    assert.deepEqual(
      cards.map((c) => verbsOf(c)),
      [[], [], ['data.erase.ask']],
    );
    assert.doesNotMatch(textOf(cards[1]), /Only you and your peer/);
  });

  it('says when they have written nothing, with nothing to delete', () => {
    const cards = myData({ answers: [] });
    assert.equal(cards.length, 1);
    assert.match(textOf(cards[0]), /You have not written anything yet\./);
    assert.deepEqual(verbsOf(cards[0]), []);
  });

  it('shows it in Swedish', () => {
    const [card] = myData({ actionPoints: [{ point: 'Räkna till fem' }] }, swedish);
    assert.match(textOf(card), /^Allt du har skrivit\nBara du och din kollega ser det här\./);
    assert.match(textOf(card), /ons 2 sep\. 2026 10:00–11:00 – Din reflektion\n/);
    assert.match(textOf(card), /Dina åtaganden\n• \nRäkna till fem/);
  });
});
