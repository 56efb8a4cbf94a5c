import assert from 'node:assert/strict';
import { renderProgrammeFormCard } from '../../src/cards/programme-form-card';
import { AdaptiveCard } from '../../src/cards/render';
import { renderScheduleCard } from '../../src/cards/schedule-card';
import { supportedLanguages, wordsFor } from '../../src/i18n';
import { everyCard } from '../support/card-samples';
import { showcaseCards } from '../support/showcase-samples';

/** every Input.Number of a card, by id */
function numberInputs(card: AdaptiveCard): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'Input.Number') out.set(String(o.id), o);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}

const words = wordsFor('en-GB', 'Europe/Stockholm');
const schedule = (durationMinutes?: string) =>
  renderScheduleCard(
    { mode: 'new', editable: true, pairs: [], members: [], input: { durationMinutes }, errors: {} },
    words,
  );

describe('Input.Number values', () => {
  for (const language of supportedLanguages) {
    const languageWords = wordsFor(language === 'en' ? 'en-GB' : 'sv-SE', 'Europe/Stockholm');
    const cards = { ...everyCard(languageWords), ...showcaseCards(languageWords, language) };
    it(`every Input.Number in every ${language} sample card has a number as its value, or none`, () => {
      const problems: string[] = [];
      let seen = 0;
      for (const [name, card] of Object.entries(cards)) {
        for (const [id, input] of numberInputs(card)) {
          seen++;
          const ok = !('value' in input) || (typeof input.value === 'number' && Number.isFinite(input.value));
          if (!ok) problems.push(`${name}: ${id} = ${JSON.stringify(input.value)}`);
        }
      }
      assert.ok(seen >= 7, `only ${seen} Input.Number fields in the samples`);
      assert.deepEqual(problems, []);
    });
  }

  it("shows what was typed as a number, kept through the form's round trips", () => {
    assert.equal(numberInputs(schedule('45')).get('durationMinutes')?.value, 45);
    assert.equal(numberInputs(schedule(' 60 ')).get('durationMinutes')?.value, 60);
    const form = renderProgrammeFormCard(
      {
        input: {
          targetObservations: '2',
          evaluationDays: '21',
          beforeDays: '0',
          afterMinutes: '90',
          reminderDays: '1',
          deadlineDays: '7',
        },
        errors: {},
      },
      words,
    );
    assert.deepEqual(Object.fromEntries([...numberInputs(form)].map(([id, input]) => [id, input.value])), {
      targetObservations: 2,
      evaluationDays: 21,
      beforeDays: 0,
      afterMinutes: 90,
      reminderDays: 1,
      deadlineDays: 7,
    });
  });

  it('leaves an empty or unreadable field empty: no value, never 0 or NaN', () => {
    for (const typed of [undefined, '', '  ', 'abc', '1e3', 'NaN', 'Infinity']) {
      assert.equal(numberInputs(schedule(typed)).get('durationMinutes')?.value, undefined, `${typed}`);
      assert.ok(!('value' in numberInputs(schedule(typed)).get('durationMinutes')!), `${typed}`);
    }
    const form = renderProgrammeFormCard({ input: {}, errors: {} }, words);
    for (const [id, input] of numberInputs(form)) assert.ok(!('value' in input), id);
    assert.doesNotMatch(JSON.stringify(form), /null|NaN/);
  });
});
