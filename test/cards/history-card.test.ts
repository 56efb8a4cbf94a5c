import assert from 'node:assert/strict';
import { renderHistoryCard } from '../../src/cards/history-card';
import { buttonsOf, english, sampleSummary, swedish } from '../support/card-samples';
import { textOf, verbsOf } from '../support/test-bot';

const history = (count: number, words = english, viewerId = 'host') =>
  renderHistoryCard({ viewerId, summaries: Array.from({ length: count }, () => sampleSummary()) }, words);

describe('cards/history-card', () => {
  it('lists each past summary by when it was and with whom, with a button to open it', () => {
    const card = history(1);
    assert.match(textOf(card), /Your past summaries\nWed, 2 Sept 2026, 10:00–11:00 — Chris Dahl\nOpen/);
    assert.match(textOf(history(1, english, 'observer')), /— Blake Berg/);
    assert.deepEqual(buttonsOf(card)[0]!.data, {
      verb: 'summary.open',
      pairId: 'pair:1',
      observationId: 'observation:1',
    });
  });

  it('never shows what anyone wrote: that is in the summary it opens', () => {
    assert.doesNotMatch(textOf(history(1)), /Went as planned|Clear questions|Count to five/);
  });

  it('lists at most 30 summaries', () => {
    assert.equal(verbsOf(history(50)).length, 30);
  });

  it('says when there are none yet', () => {
    assert.match(textOf(history(0)), /Your past summaries\nNo summaries yet/);
  });

  it('lists the summaries in Swedish', () => {
    assert.match(
      textOf(history(1, swedish)),
      /Dina tidigare sammanfattningar\nons 2 sep\. 2026 10:00–11:00 — Chris Dahl\nÖppna/,
    );
  });
});
