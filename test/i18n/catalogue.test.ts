import assert from 'node:assert/strict';
import { commands, CommandName, parseCommand } from '../../src/bot/inbound/commands';
import { en } from '../../src/i18n/en';
import { isPlural, languageOf, PluralForms, supportedLanguages, wordsFor } from '../../src/i18n';
import { sv } from '../../src/i18n/sv';
import { leaves } from '../support/catalogue';

/**
 * Swedish strings that may be the same as the English ones: the languages' own names (each language
 * is listed by its own name in both), and words that are the same in both languages.
 */
const sameInBoth = new Set(['language.en', 'language.sv']);
const sameWords = new Set(['OK', 'CSV']);

const english = leaves(en);
const swedish = leaves(sv);

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const bold = (s: string) => [...s.matchAll(/\*\*(.+?)\*\*/g)].map((m) => m[1]!);
const boldMarkers = (s: string) => (s.match(/\*\*/g) ?? []).length;

/** every plural message of a catalogue by its dotted path */
function plurals(node: unknown, prefix = ''): Map<string, PluralForms> {
  const out = new Map<string, PluralForms>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlural(value)) out.set(path, value);
    else if (value && typeof value === 'object') for (const [k, v] of plurals(value, path)) out.set(k, v);
  }
  return out;
}

/** keys where `check` finds a problem, each with what it found, for a failure that names them all */
function offenders(check: (key: string, en: string, sv: string) => string | undefined): string[] {
  const found: string[] = [];
  for (const [key, e] of english) {
    const s = swedish.get(key);
    if (s === undefined) continue;
    const problem = check(key, e, s);
    if (problem) found.push(`${key}: ${problem}`);
  }
  return found;
}

describe('i18n catalogues', () => {
  it('speaks English and Swedish', () => {
    assert.deepEqual([...supportedLanguages].sort(), ['en', 'sv']);
  });

  it('has every English string in Swedish, and nothing English lacks', () => {
    const missing = [...english.keys()].filter((k) => !swedish.has(k));
    const extra = [...swedish.keys()].filter((k) => !english.has(k));
    assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
  });

  it('has no empty string in either language', () => {
    const empty = [
      ...[...english].filter(([, v]) => !v.trim()).map(([k]) => `en ${k}`),
      ...[...swedish].filter(([, v]) => !v.trim()).map(([k]) => `sv ${k}`),
    ];
    assert.deepEqual(empty, []);
  });

  it('keeps every {placeholder} of each English string, and adds none', () => {
    const wrong = offenders((_k, e, s) =>
      placeholders(e).join() === placeholders(s).join()
        ? undefined
        : `en {${placeholders(e).join('}, {')}} but sv {${placeholders(s).join('}, {')}}`,
    );
    assert.deepEqual(wrong, []);
  });

  it('gives each plural message the forms its language’s Intl.PluralRules knows, each with its {count}', () => {
    const wrong: string[] = [];
    for (const [language, catalogue] of [
      ['en', en],
      ['sv', sv],
    ] as const) {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const [key, forms] of plurals(catalogue)) {
        if (Object.keys(forms).sort().join() !== [...categories].sort().join())
          wrong.push(`${language} ${key}: ${Object.keys(forms).join()} but ${categories.join()}`);
        for (const [category, form] of Object.entries(forms))
          if (!placeholders(form).includes('count')) wrong.push(`${language} ${key}.${category}: no {count}`);
      }
    }
    assert.ok(plurals(en).size > 0 && plurals(en).size === plurals(sv).size);
    assert.deepEqual(wrong, []);
  });

  it('keeps the same placeholders in every form of a plural message', () => {
    const wrong = [...plurals(en), ...plurals(sv)]
      .filter(([, forms]) => new Set(Object.values(forms).map((f) => placeholders(f).join())).size > 1)
      .map(([key]) => key);
    assert.deepEqual(wrong, []);
  });

  it('puts a count before a noun only in a plural message, never as "1 people"', () => {
    const counted =
      /\{(count|n)\} (people|persons?|observations?|supervisors?|pairs?|messages?|answers?|prompts?|personer|observationer|handledare|par|meddelanden|svar|frågekort)\b/;
    const plain = [
      ...[...english].map(([k, v]): [string, string] => [`en ${k}`, v]),
      ...[...swedish].map(([k, v]): [string, string] => [`sv ${k}`, v]),
    ]
      .filter(([key]) => !/\.(zero|one|two|few|many|other)$/.test(key))
      .filter(([, v]) => counted.test(v))
      .map(([key, v]) => `${key}: ${v}`);
    assert.deepEqual(plain, []);
  });

  it('keeps the **bold** of each English string', () => {
    const wrong = offenders((_k, e, s) =>
      boldMarkers(e) === boldMarkers(s)
        ? undefined
        : `${boldMarkers(e)} ** in English, ${boldMarkers(s)} in Swedish`,
    );
    assert.deepEqual(wrong, []);
  });

  it('translates every string: none is the English one, but for a short allow-list', () => {
    const untranslated = offenders((key, e, s) =>
      e === s && !sameInBoth.has(key) && !sameWords.has(s) ? `still "${s}"` : undefined,
    );
    assert.deepEqual(untranslated, []);
  });

  it('has no English words left inside a Swedish string', () => {
    const englishWords =
      /\b(the|and|your|you|with|please|this|that|what|will|have|has|been|not|are|of|to|is)\b/i;
    // product and place names that stay as they are
    const names = /Peer Coach|Teams|OneDrive|CSV|Europe\/Stockholm|America\/New_York/g;
    const mixed = [...swedish]
      .filter(([key]) => !sameInBoth.has(key))
      .filter(([, s]) => englishWords.test(s.replace(names, '')))
      .map(([key, s]) => `${key}: ${s}`);
    assert.deepEqual(mixed, []);
  });

  it('names both languages in both catalogues, each by its own name', () => {
    assert.deepEqual(en.language, { en: 'English', sv: 'Svenska' });
    assert.deepEqual(sv.language, { en: 'English', sv: 'Svenska' });
  });

  it('tells Swedish readers the Swedish command words where English names an English one', () => {
    const wrong = offenders((_key, e, s) => {
      const ens = bold(e);
      const svs = bold(s);
      for (const [i, word] of ens.entries()) {
        const command = parseCommand(word);
        if (!command) continue;
        const swedishWord = svs[i] ?? '';
        if (parseCommand(swedishWord) !== command) return `**${word}** became **${swedishWord}**`;
        const sv = commands[command].sv as readonly string[];
        if (!sv.includes(swedishWord)) return `**${swedishWord}** is not a Swedish spelling of ${command}`;
      }
      return undefined;
    });
    assert.deepEqual(wrong, []);
  });

  it('puts in bold only commands the bot understands, in both languages', () => {
    const notCommands = [
      ...[...english].flatMap(([k, v]) => bold(v).map((b) => [`en ${k}`, b] as const)),
      ...[...swedish].flatMap(([k, v]) => bold(v).map((b) => [`sv ${k}`, b] as const)),
    ]
      .filter(([, word]) => parseCommand(word) === undefined)
      .map(([key, word]) => `${key}: **${word}**`);
    assert.deepEqual(notCommands, []);
  });

  it('shows the Swedish help with the Swedish word of every command', () => {
    for (const name of Object.keys(commands) as CommandName[]) {
      assert.equal(parseCommand(commands[name].sv[0]), name);
    }
  });

  describe('wordsFor', () => {
    const words = wordsFor('sv-SE', 'Europe/Stockholm');

    it('reads the language from the Teams locale, whatever its region or case', () => {
      assert.equal(languageOf('sv-SE'), 'sv');
      assert.equal(languageOf('sv'), 'sv');
      assert.equal(languageOf('SV_fi'), 'sv');
      assert.equal(languageOf('en-US'), 'en');
      assert.equal(languageOf('de-DE'), 'en');
      assert.equal(languageOf(undefined), 'en');
    });

    it('writes Swedish for a Swedish locale, with every parameter filled', () => {
      assert.equal(words.language, 'sv');
      assert.equal(words.t('welcome.hello', { name: 'Avery' }), 'Hej Avery!');
      assert.equal(words.t('common.unknownCommand'), sv.common.unknownCommand);
    });

    it('chooses a plural message’s form by the count, the way Intl.PluralRules sorts it', () => {
      const english = wordsFor('en-US', 'UTC');
      assert.equal(english.t('nudge.reach', { count: 1 }), 'This nudge reaches 1 person.');
      assert.equal(english.t('nudge.reach', { count: 0 }), 'This nudge reaches 0 people.');
      assert.equal(english.t('nudge.reach', { count: 2 }), 'This nudge reaches 2 people.');
      assert.equal(words.t('nudge.send', { count: 1 }), 'Skicka till 1 person');
      assert.equal(words.t('nudge.send', { count: 2 }), 'Skicka till 2 personer');
      assert.equal(words.t('programme.facts.targetValue', { count: 1 }), '1 observation per handledare');
      assert.equal(english.t('programme.facts.targetValue', { count: 4 }), '4 observations per supervisor');
    });

    it('formats dates, times, lists, weekdays and numbers the Swedish way', () => {
      assert.equal(words.locale, 'sv-SE');
      assert.equal(words.date('2026-11-26'), '26 nov. 2026');
      assert.equal(words.dateTime(new Date('2026-09-02T08:00:00Z')), 'ons 2 sep. 2026 10:00');
      assert.equal(words.list(['Ann', 'Bo', 'Cy']), 'Ann, Bo och Cy');
      assert.equal(words.weekday(1), 'måndag');
      assert.equal(words.number(19.3), '19,3');
      assert.equal(words.number(4, 1), '4,0');
    });

    it('formats Swedish dates for a bare "sv" too (a language chosen in the profile)', () => {
      const bare = wordsFor('sv', 'Europe/Stockholm');
      assert.equal(bare.locale, 'sv');
      assert.equal(bare.date('2026-11-26'), '26 nov. 2026');
    });

    it('leaves English formats as they were', () => {
      const english = wordsFor('en-GB', 'Europe/Stockholm');
      assert.equal(english.date('2026-11-26'), '26 Nov 2026');
      assert.equal(english.number(19.3), '19.3');
      assert.equal(english.list(['Ann', 'Bo', 'Cy']), 'Ann, Bo and Cy');
    });
  });
});

describe('wordsFor: a language we do not have', () => {
  it('reads English, with dates and numbers the European way rather than in the formats of their own language', () => {
    for (const locale of ['de-DE', 'fi-FI', 'fr']) {
      const w = wordsFor(locale, 'Europe/Stockholm');
      assert.equal(w.language, 'en', locale);
      assert.equal(w.locale, 'en-GB', locale);
      assert.equal(w.date('2026-09-03'), '3 Sept 2026', locale);
      assert.equal(w.number(4.25), '4.25', locale);
    }
  });

  it('keeps the reader’s own locale where we speak its language', () => {
    assert.equal(wordsFor('en-US', 'UTC').locale, 'en-US');
    assert.equal(wordsFor('sv-SE', 'UTC').locale, 'sv-SE');
    assert.equal(wordsFor('sv', 'UTC').locale, 'sv');
    assert.equal(wordsFor('en', 'UTC').locale, 'en');
  });
});
