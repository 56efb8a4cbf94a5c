import assert from 'node:assert/strict';
import { renderPromptCard } from '../../src/cards/prompt-card';
import { renderSummaryCard } from '../../src/cards/summary-card';
import { wordsFor } from '../../src/i18n';
import { everyCard, sampleObservation, samplePrompt, sampleSummary } from '../support/card-samples';

const words = wordsFor('en-GB', 'Europe/Stockholm');

/** [where, action] for every Action.Execute a person can click (not a card's refresh) */
function buttons(card: unknown): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = [];
  const walk = (node: unknown, at: string) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}[${i}]`));
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute') out.push([at, o]);
    for (const [k, v] of Object.entries(o)) if (k !== 'fallback' && k !== 'refresh') walk(v, `${at}.${k}`);
  };
  walk(card, '');
  return out;
}

describe('Universal Actions in every card', () => {
  it('every button of every card falls back to an Action.Submit with the same title and data, verb included', () => {
    let checked = 0;
    for (const [name, card] of Object.entries(everyCard(words))) {
      for (const [at, action] of buttons(card)) {
        const fallback = action.fallback as Record<string, unknown> | undefined;
        assert.equal(fallback?.type, 'Action.Submit', `${name} ${at}`);
        assert.equal(fallback?.title, action.title, `${name} ${at}`);
        assert.deepEqual(fallback?.data, { ...(action.data as object), verb: action.verb }, `${name} ${at}`);
        checked++;
      }
    }
    assert.ok(checked > 50, `only ${checked} buttons found`);
  });

  it('prompt and summary cards refresh for the one reader named; with nobody known, for whoever is in the 1:1 chat', () => {
    const prompt = samplePrompt('beforeHost');
    const view = { observation: sampleObservation(), programmeName: 'Autumn', names: {} };
    const named = renderPromptCard({ prompt, view, refreshFor: '29:someone' }, words);
    assert.deepEqual(named.refresh, {
      action: {
        type: 'Action.Execute',
        verb: 'prompt.view',
        data: { verb: 'prompt.view', pairId: prompt.pairId, promptId: prompt.id },
      },
      userIds: ['29:someone'],
    });
    const anonymous = renderPromptCard({ prompt, view }, words);
    assert.equal((anonymous.refresh as { userIds?: unknown }).userIds, undefined);
    const summary = renderSummaryCard({ view: sampleSummary(true), refreshFor: '29:someone' }, words);
    assert.equal((summary.refresh as { action: { verb: string } }).action.verb, 'summary.view');
    assert.deepEqual((summary.refresh as { userIds: string[] }).userIds, ['29:someone']);
  });
});
