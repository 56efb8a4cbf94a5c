import assert from 'node:assert/strict';
import { AdaptiveCard } from '../../src/cards/render';
import { en } from '../../src/i18n/en';
import { Catalogue, Words, wordsFor } from '../../src/i18n';
import { everyCard } from '../support/card-samples';
import { showcaseCards } from '../support/showcase-samples';
import { leaves } from '../support/catalogue';

const zone = 'Europe/Stockholm';
const english = wordsFor('en-GB', zone);
const swedish = wordsFor('sv-SE', zone);

const englishStrings = leaves(en);
/** strings the same in both languages: each language's own name */
const sameInBoth = new Set<string>([en.language.en, en.language.sv]);
/** a text this short ("OK", "1–5") may well be the same in both */
const minLength = 4;

/** what a catalogue key looks like in a text, e.g. `prompt.title`: a section name, a dot, a name */
const keyLike = /(?<![\p{L}\p{N}.])[a-z][A-Za-z]*\.[A-Za-z][\w.]*[A-Za-z]/gu;
const sections = new Set(Object.keys(en));

/** `string` as a whole phrase in a text: "programme" is not in "programmet" */
const wholePhrase = (string: string) =>
  new RegExp(`(^|[^\\p{L}\\p{N}])${string.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u');
const englishPhrases = [...englishStrings]
  .filter(([, string]) => string.length >= minLength && !sameInBoth.has(string))
  .map(([key, string]) => [key, wholePhrase(string)] as const);

/**
 * Words that put a marker in place of every catalogue string: a card text rendered with them that
 * holds no marker is sample data (a name, a programme, a time), the same in every language.
 */
function markerWords(): Words {
  const marked = (node: unknown, path: string): unknown =>
    typeof node === 'string'
      ? `⟦${path}⟧`
      : Object.fromEntries(
          Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, marked(v, `${path}.${k}`)]),
        );
  return {
    ...english,
    t: (key) => `⟦${key}⟧`,
    section: <S extends keyof Catalogue>(name: S) => marked(en[name], name) as Catalogue[S],
  };
}

/**
 * Every text a person sees in a card, by where it is: text blocks and runs, facts, input labels,
 * placeholders and error messages, choice titles, button titles, chart titles and labels, fallbacks.
 * What a button submits (`data`) is not seen, nor are ids and input values.
 */
function visibleTexts(card: AdaptiveCard): Map<string, string> {
  const seen = ['text', 'title', 'label', 'placeholder', 'errorMessage', 'fallbackText', 'altText'];
  const out = new Map<string, string>();
  const walk = (node: unknown, at: string, parentKey: string) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}[${i}]`, parentKey));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      const where = `${at}.${key}`;
      if (typeof value === 'string') {
        const shown =
          seen.includes(key) ||
          key.endsWith('AxisTitle') ||
          (parentKey === 'facts' && key === 'value') ||
          (parentKey === 'data' && key === 'x');
        if (shown) out.set(where, value);
      } else if (key === 'data' && !Array.isArray(value)) {
        continue; // an action's submitted data, or a people picker's query
      } else {
        walk(value, where, key);
      }
    }
  };
  walk(card, '', '');
  return out;
}

/**
 * The checks of one card in both languages: `markedCard` is the card rendered with `markerWords`, to
 * tell the texts from the catalogue from sample data.
 */
function checkSwedish(
  name: string,
  englishCard: AdaptiveCard,
  swedishCard: AdaptiveCard,
  markedCard: AdaptiveCard,
): void {
  describe(name, () => {
    const texts = visibleTexts(swedishCard);
    const englishTexts = visibleTexts(englishCard);
    const markedTexts = visibleTexts(markedCard);
    /** the places where a text comes (at least partly) from the catalogue, not only from sample data */
    const fromCatalogue = (where: string) => (markedTexts.get(where) ?? '').includes('⟦');

    it('shows text in Swedish', () => {
      assert.ok(texts.size > 0, 'the card shows something');
      assert.ok([...texts.keys()].some(fromCatalogue), 'the card shows something from the catalogue');
    });

    it('has no text left in English: no English catalogue string, and nothing the same as in English', () => {
      const problems: string[] = [];
      for (const [where, text] of texts) {
        if (!fromCatalogue(where)) continue;
        for (const [key, phrase] of englishPhrases) {
          if (phrase.test(text)) problems.push(`${where}: "${text}" holds the English ${key}`);
        }
        if (text === englishTexts.get(where) && text.length >= minLength && !sameInBoth.has(text)) {
          problems.push(`${where}: "${text}" is the same as in English`);
        }
      }
      assert.deepEqual(problems, []);
    });

    it('has every string filled in: no catalogue key and no {placeholder} left', () => {
      const problems: string[] = [];
      for (const [where, text] of texts) {
        const placeholder = /\{\w+\}/.exec(text);
        if (placeholder) problems.push(`${where}: "${text}" leaves ${placeholder[0]} unfilled`);
        for (const [key] of text.matchAll(keyLike)) {
          if (sections.has(key.split('.')[0]!)) problems.push(`${where}: "${text}" shows the key ${key}`);
        }
      }
      assert.deepEqual(problems, []);
    });

    it('writes dates the Swedish way: no English month or weekday', () => {
      const problems = [...texts]
        .filter(([where]) => fromCatalogue(where) || englishTexts.get(where) !== texts.get(where))
        .filter(([, text]) =>
          /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b/.test(text),
        )
        .map(([where, text]) => `${where}: "${text}"`);
      assert.deepEqual(problems, []);
    });
  });
}

const englishCards = everyCard(english);
const swedishCards = everyCard(swedish);
const markedCards = everyCard(markerWords());

describe('every card in English and Swedish', () => {
  it('renders the same cards, with the same texts in the same places, in both languages', () => {
    assert.deepEqual(Object.keys(swedishCards), Object.keys(englishCards));
    for (const name of Object.keys(englishCards)) {
      assert.deepEqual(
        [...visibleTexts(swedishCards[name]!).keys()],
        [...visibleTexts(englishCards[name]!).keys()],
        name,
      );
    }
  });

  for (const name of Object.keys(englishCards))
    checkSwedish(name, englishCards[name]!, swedishCards[name]!, markedCards[name]!);

  it('shows dates with Swedish month and day names where a card shows a date', () => {
    const all = (name: string) => [...visibleTexts(swedishCards[name]!).values()].join('\n');
    // the sample observation is on Wednesday 2 September 2026, 10:00–11:00 in Stockholm
    assert.match(all('prompt (beforeHost)'), /ons 2 sep\. 2026 10:00–11:00/);
    assert.match(all('upcoming'), /ons 2 sep\. 2026/);
    assert.match(all('summary'), /2 sep\. 2026/);
    // the sample programme runs 1 September – 20 December 2026, Monday to Friday
    assert.match(all('programme (200 enrolled)'), /1 sep\. 2026 – 20 dec\. 2026/);
    assert.match(all('programme (200 enrolled)'), /måndag, tisdag, onsdag, torsdag och fredag/);
    assert.match(all('programme-list'), /20 dec\. 2026/);
    // and English stays English
    assert.match([...visibleTexts(englishCards['upcoming']!).values()].join('\n'), /Wed, 2 Sept 2026/);
  });
});

describe('the showcase in English and Swedish', () => {
  const englishShowcase = showcaseCards(english, 'en');
  const swedishShowcase = showcaseCards(swedish, 'sv');
  const markedShowcase = showcaseCards(markerWords(), 'sv');

  it('shows the same cards, with the same texts in the same places, in both languages', () => {
    assert.deepEqual(Object.keys(swedishShowcase), Object.keys(englishShowcase));
    for (const name of Object.keys(englishShowcase) as (keyof typeof englishShowcase)[]) {
      assert.deepEqual(
        [...visibleTexts(swedishShowcase[name]).keys()],
        [...visibleTexts(englishShowcase[name]).keys()],
        name,
      );
    }
  });

  for (const name of Object.keys(englishShowcase) as (keyof typeof englishShowcase)[])
    checkSwedish(name, englishShowcase[name], swedishShowcase[name], markedShowcase[name]);

  it('has what the supervisors wrote in the language of the card', () => {
    const swedishWords = /\b(och|att|jag|det|som|inte|hur|när)\b/i;
    const englishWords = /\b(the|and|you|with|what|when|how)\b/i;
    for (const [language, cards, own, other] of [
      ['sv', swedishShowcase, swedishWords, englishWords],
      ['en', englishShowcase, englishWords, swedishWords],
    ] as const) {
      const written: string[] = [];
      for (const name of Object.keys(cards) as (keyof typeof cards)[]) {
        const marked = visibleTexts(markedShowcase[name]);
        for (const [where, text] of visibleTexts(cards[name])) {
          // sample data, not the catalogue's, and long enough to be a sentence someone wrote
          if (!(marked.get(where) ?? '').includes('⟦') && text.length >= 40) written.push(text);
        }
      }
      assert.ok(written.length >= 10, `${language}: only ${written.length} written answers`);
      for (const text of written) {
        assert.match(text, own, `${language}: "${text}"`);
        assert.doesNotMatch(text, other, `${language}: "${text}"`);
      }
    }
  });
});
