import assert from 'node:assert/strict';
import { renderSummaryCard } from '../../src/cards/summary-card';
import { SummaryView } from '../../src/domain/cycle/ports';
import { Words } from '../../src/i18n';
import { buttonsOf, english, sampleSummary, swedish, typesShowing } from '../support/card-samples';
import { textOf } from '../support/test-bot';

const summary = (view: Partial<SummaryView> = {}, words: Words = english, message?: string) =>
  renderSummaryCard({ view: { ...sampleSummary(), ...view }, message }, words);

describe('cards/summary-card', () => {
  it("shows the host's reflection and the observer's feedback side by side, by theme", () => {
    const text = textOf(summary());
    assert.match(
      text,
      /^Your observation on Wed, 2 Sept 2026, 10:00–11:00: side by side\nBlake Berg's reflection and Chris Dahl's feedback/,
    );
    assert.match(
      text,
      /Exploring a teaching strategy\nBlake Berg \(host\)\nHow did it go compared with your plan\? \nWent as planned\nChris Dahl \(observer\)\n \n—\n/,
    );
    assert.match(text, /What worked\? Be specific: what did you see and hear\? \nClear questions/);
  });

  it('never shows the safety rating: that is only ever reported in aggregate', () => {
    const text = textOf(summary({ host: { 'ah.plan': 'Went as planned', 'ah.safety': '1' } }));
    assert.doesNotMatch(text, /safe/i);
    assert.ok(!text.split('\n').includes('1'));
  });

  it('lists the action points, with whether they were tried and what happened', () => {
    assert.match(
      textOf(summary()),
      /Action points\nBlake Berg: Count to five — Did you try it\? Partly — x{20}\n/,
    );
    assert.doesNotMatch(textOf(summary({ actionPoints: [] })), /Action points/);
  });

  it('names who did not answer when it was sent at the deadline', () => {
    assert.match(textOf(summary({ missing: ['observer'] })), /Chris Dahl did not answer this time/);
    assert.doesNotMatch(textOf(summary()), /did not answer/);
  });

  it('lets the pair add an action point and schedule the return visit', () => {
    assert.deepEqual(
      buttonsOf(summary()).map((b) => b.data),
      [
        { verb: 'summary.actionPoint', pairId: 'pair:1', observationId: 'observation:1' },
        { verb: 'schedule.open', pairId: 'pair:1', returnOf: 'observation:1' },
      ],
    );
    assert.match(textOf(summary({}, english, 'Action point saved.')), /Action point saved\./);
  });

  it('shows what someone wrote only as plain TextRuns, never as markdown a link or mention could hide in', () => {
    const evil = '[click](https://evil.example) **loud** <at>Avery</at> ${t.accept}';
    const card = summary({
      host: { 'ah.plan': evil },
      observers: { observer: { 'ao.worked': evil } },
      actionPoints: [{ personId: 'host', point: evil }],
    });
    assert.ok(typesShowing(card, 'evil.example').length >= 3, 'the text is shown');
    assert.deepEqual([...new Set(typesShowing(card, 'evil.example'))], ['TextRun'], 'only ever as a TextRun');
    assert.match(JSON.stringify(card), /\$\{t\.accept\}/, 'a template expression stays literal');
  });

  it('shows the summary in Swedish', () => {
    const text = textOf(summary({ missing: ['observer'] }, swedish));
    assert.match(text, /^Er observation ons 2 sep\. 2026 10:00–11:00: sida vid sida\n/);
    assert.match(text, /Blake Berg \(handledde\)/);
    assert.match(text, /Chris Dahl svarade inte den här gången/);
    assert.match(text, /Åtaganden\nBlake Berg: Count to five — Prövade du det\? Delvis/);
  });
});
