import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { allVerbs } from '../../src/bot/verbs';
import { wordsFor } from '../../src/i18n';
import { everyCard } from '../support/card-samples';
import { showcaseCards } from '../support/showcase-samples';
import { verbsOf } from '../support/test-bot';

// the renderer's main entry crashes under Node; its UMD bundle parses and validates fine
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

const maxCardBytes = 28 * 1024;
const words = wordsFor('en-GB', 'Europe/Stockholm');
const cards = everyCard(words);
/** the test samples, and the showcase of the README in both languages: each is checked alike */
const checked: Record<string, object> = {
  ...cards,
  ...Object.fromEntries(
    (['en-GB', 'sv-SE'] as const).flatMap((locale) =>
      Object.entries(showcaseCards(wordsFor(locale, 'Europe/Stockholm'))).map(([name, card]) => [
        `showcase (${locale}): ${name}`,
        card,
      ]),
    ),
  ),
};

function parseAt15(card: object) {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(new AC.Version(1, 5));
  parsed.parse(card, context);
  const errors = [];
  for (let i = 0; i < context.eventCount; i++) errors.push(context.getEventAt(i));
  return { errors, validation: parsed.validateProperties() };
}

describe('Adaptive Card templates', () => {
  it('has a rendered sample for every template in /cards', () => {
    const templates = readdirSync(path.join(__dirname, '../../cards'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''));
    const sampled = new Set(Object.keys(cards).map((k) => k.split(' ')[0]));
    for (const t of templates) assert.ok(sampled.has(t), `no sample renders cards/${t}.json`);
  });

  for (const [name, card] of Object.entries(checked)) {
    describe(name, () => {
      it('parses at schema 1.5 with the adaptivecards parser, without errors', () => {
        const { errors, validation } = parseAt15(card);
        // Teams' people picker (choices.data) is a Teams extension it renders in 1.2+ cards (Microsoft
        // Learn, "People Picker in Adaptive Cards"); the JS parser only knows it from 1.6
        // and Teams' charts, which the JS parser does not know: it renders their fallback (checked below)
        const known =
          /^Property "choices.data" is supported in version 1.6|^Unknown element type "Chart\.[\w.]+"\. Fallback will be used if present\./;
        assert.deepEqual(
          errors.map((e) => e.message).filter((m) => !known.test(m)),
          [],
        );
        assert.deepEqual(
          validation.validationEvents.map((e) => e.message),
          [],
        );
      });

      it('gives every chart a fallback for clients that cannot draw it', () => {
        const charts: Record<string, unknown>[] = [];
        const walk = (node: unknown) => {
          if (Array.isArray(node)) return node.forEach(walk);
          if (!node || typeof node !== 'object') return;
          const o = node as Record<string, unknown>;
          if (typeof o.type === 'string' && o.type.startsWith('Chart.')) charts.push(o);
          Object.values(o).forEach(walk);
        };
        walk(card);
        for (const chart of charts) assert.ok(chart.fallback, `${String(chart.type)} has no fallback`);
      });

      it('stays under 28 KB', () => {
        assert.ok(Buffer.byteLength(JSON.stringify(card)) < maxCardBytes, `${name} is too large`);
      });

      it('has every template expression expanded and every button wired to a known verb', () => {
        assert.doesNotMatch(JSON.stringify(card), /\$\{|\$data|\$when/);
        for (const verb of verbsOf(card)) assert.ok(allVerbs.includes(verb), `unknown verb ${verb}`);
      });
    });
  }

  it('every verb a template names is one the router handles', () => {
    const dir = path.join(__dirname, '../../cards');
    for (const file of readdirSync(dir)) {
      const verbs = [...readFileSync(path.join(dir, file), 'utf8').matchAll(/"verb":\s*"([^"$]+)"/g)].map(
        (m) => m[1],
      );
      for (const v of verbs) assert.ok(allVerbs.includes(v!), `${file} names unknown verb ${v}`);
    }
  });
});
