import assert from 'node:assert/strict';
import { renderResultsCard } from '../../src/cards/evaluation-results-card';
import { english, sampleResults, swedish } from '../support/card-samples';
import { textOf, verbsOf } from '../support/test-bot';

const programme = { id: 'p-1', name: 'Autumn term, Medicine', timeZone: 'Europe/Stockholm' };

/** every chart in a card, with the table its fallback shows elsewhere */
function chartsOf(card: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Chart.')) found.push(o);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}

describe('cards/evaluation-results-card', () => {
  it('says that nothing can be shown when fewer than five answered at the end', () => {
    const card = renderResultsCard({ programme, results: sampleResults(false) }, english);
    assert.match(textOf(card), /Fewer than 5 answered: nothing can be shown/);
    assert.equal(chartsOf(card).length, 0);
    assert.doesNotMatch(textOf(card), /I explore different|Exploring teaching/);
    assert.deepEqual(verbsOf(card), ['programme.open']);
  });

  it('shows each statement before and at the end, as a chart with a table where Teams draws none', () => {
    const card = renderResultsCard({ programme, results: sampleResults() }, english);
    const text = textOf(card);
    assert.match(text, /Evaluation — Autumn term, Medicine/);
    assert.match(text, /13 answered at the end/);
    assert.match(text, /Exploring teaching strategies[\s\S]*Talking about supervision with colleagues/);
    assert.match(text, /Median: before 2, at the end 4/);
    // one statement was rated by too few before: its column says so, never a count
    assert.match(text, /Median: before fewer than 5, at the end 4/);
    assert.match(text, /Of 13 who rated it both times: higher 6 · the same or lower 7/);
    assert.match(text, /Fewer than 5 rated it both times/);
    const charts = chartsOf(card);
    const grouped = charts.filter((c) => c.type === 'Chart.VerticalBar.Grouped');
    assert.equal(grouped.length, 6);
    assert.deepEqual(
      (grouped[0]!.data as { legend: string; values: { x: string; y: number }[] }[]).map((s) => [
        s.legend,
        s.values.map((v) => v.y),
      ]),
      [
        ['Before', [0, 5, 0, 0, 0]],
        ['At the end', [0, 0, 0, 5, 0]],
      ],
    );
    for (const chart of charts) assert.equal((chart.fallback as { type: string }).type, 'Table');
    assert.match(JSON.stringify(grouped[0]!.fallback), /"Before".*"At the end"/);
    assert.deepEqual(verbsOf(card), ['evaluation.results.export', 'programme.open']);
  });

  it('shows the overall ratings, "recommend" from 0 to 10, and the comments as plain text', () => {
    const card = renderResultsCard({ programme, results: sampleResults() }, english);
    const text = textOf(card);
    assert.match(
      text,
      /How safe being observed felt \(1–5\)[\s\S]*Would recommend it to a colleague \(0–10\)/,
    );
    const recommend = chartsOf(card).find(
      (c) => c.type === 'Chart.VerticalBar' && /recommend/.test(String(c.title)),
    );
    assert.deepEqual(
      (recommend!.data as { x: string }[]).map((d) => d.x),
      ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
    );
    assert.match(text, /Comments, in no particular order, without names or dates/);
    assert.match(text, /\[a link\]\(https:\/\/example\.com\)/);
    assert.match(JSON.stringify(card), /"type":"TextRun","text":"\[a link\]/);
  });

  it('says that no comment can be shown when fewer than five wrote one', () => {
    const card = renderResultsCard({ programme, results: sampleResults(true, false) }, english);
    assert.match(textOf(card), /Fewer than 5 wrote a comment: none can be shown/);
  });

  it('says it in Swedish, in the same shape', () => {
    const en = renderResultsCard({ programme, results: sampleResults() }, english);
    const sv = renderResultsCard({ programme, results: sampleResults() }, swedish);
    assert.match(textOf(sv), /Utvärdering — Autumn term, Medicine/);
    assert.match(textOf(sv), /Av 13 som skattade båda gångerna: högre 6 · lika eller lägre 7/);
    assert.equal(chartsOf(sv).length, chartsOf(en).length);
    assert.deepEqual(verbsOf(sv), verbsOf(en));
  });
});
