import { DateTime } from 'luxon';
import { isTimeZone } from '../domain/time-zone';
import { Catalogue, isPlural, MessageKey, PluralForms } from './catalogue';
import { en } from './en';
import { sv } from './sv';

export { isPlural, pluralCategories } from './catalogue';
export type { Catalogue, MessageKey, PluralCategory, PluralForms } from './catalogue';

const catalogues = { en, sv } satisfies Record<string, Catalogue>;
export type Language = keyof typeof catalogues;
export const supportedLanguages = Object.keys(catalogues) as Language[];

export function isSupportedLocale(locale: string): boolean {
  return (supportedLanguages as string[]).includes(locale);
}

/** 'sv-SE' → 'sv' when Swedish exists, otherwise English */
export function languageOf(locale: string | undefined): Language {
  const lang = (locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (supportedLanguages as string[]).includes(lang) ? (lang as Language) : 'en';
}

export type Params = Readonly<Record<string, string | number>>;

/** strings, dates and times for one reader: their language, their locale's formats, their time zone */
export interface Words {
  readonly language: Language;
  /** the BCP 47 locale used for formatting, e.g. en-GB */
  readonly locale: string;
  readonly timeZone: string;
  /** the message, its {placeholders} filled; a plural message takes the form `params.count` calls for */
  t(key: MessageKey | string, params?: Params): string;
  /** the static strings of one section, for a card template */
  section<S extends keyof Catalogue>(name: S): Catalogue[S];
  /** a calendar date (yyyy-MM-dd), e.g. "26 Nov 2026" */
  date(isoDate: string): string;
  /** an instant, in the reader's time zone */
  dateTime(instant: Date): string;
  /**
   * from `start` to `end` (not before it) in one format, the date written once when both fall on one
   * day: "Wed, 2 Sept 2026, 10:00–11:00"
   */
  range(start: Date, end: Date): string;
  /** a number the reader's way, e.g. 19.3 in English and 19,3 in Swedish; `fractionDigits` fixes the decimals */
  number(n: number, fractionDigits?: number): string;
  /** a list joined the reader's way: "Ann, Bo and Cy" */
  list(items: readonly string[]): string;
  weekday(isoWeekday: number): string;
}

/** a dotted path; a key may itself hold dots (question ids such as `questions.bh.focus`) */
function lookup(node: unknown, key: string): string | PluralForms | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const record = node as Record<string, unknown>;
  const found = record[key];
  if (typeof found === 'string' || isPlural(found)) return found;
  const dot = key.indexOf('.');
  return dot < 0 ? undefined : lookup(record[key.slice(0, dot)], key.slice(dot + 1));
}

/**
 * The locale dates, numbers and lists are written in: the reader's own where we speak its language
 * ('sv-SE', 'en-US'); for a language we do not have, English the European way (en-GB: day before
 * month, a 24-hour clock) rather than the words of one language in the formats of another.
 */
function formattingLocale(locale: string | undefined, language: Language): string {
  const primary = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  if (primary !== language) return language === 'en' ? 'en-GB' : language;
  return locale!.includes('-') ? locale! : language;
}

/**
 * Words made so far, by locale and time zone. Each holds Intl formatters, which are slow to make
 * (~0.1 ms each) and are used on every turn; words depend only on their locale and zone, so they are
 * shared. Bounded, since a locale can come straight from an activity.
 */
const made = new Map<string, Words>();
const most = { words: 500, localeLength: 35, ranges: 100 };

/** the words for someone who reads `locale` in `timeZone` */
export function wordsFor(locale: string | undefined, timeZone: string): Words {
  if ((locale?.length ?? 0) > most.localeLength) return makeWords(locale, timeZone);
  const key = JSON.stringify([locale ?? '', timeZone]);
  let words = made.get(key);
  if (!words) {
    if (made.size >= most.words) made.clear();
    words = makeWords(locale, timeZone);
    made.set(key, words);
  }
  return words;
}

/** the value `make` returns, made at its first use (a bad locale throws where it is used, as before) */
function once<T>(make: () => T): () => T {
  let value: { readonly made: T } | undefined;
  return () => (value ??= { made: make() }).made;
}

function makeWords(locale: string | undefined, timeZone: string): Words {
  const language = languageOf(locale);
  const catalogue: Catalogue = catalogues[language];
  const formatLocale = formattingLocale(locale, language);
  const plurals = once(() => new Intl.PluralRules(language));
  const lists = once(() => new Intl.ListFormat(formatLocale, { style: 'long', type: 'conjunction' }));
  const numbers = new Map<number | undefined, Intl.NumberFormat>();
  // luxon's DATETIME_MED_WITH_WEEKDAY, as `dateTime` writes one instant
  const ranges = once(() =>
    isTimeZone(timeZone)
      ? new Intl.DateTimeFormat(formatLocale, { ...DateTime.DATETIME_MED_WITH_WEEKDAY, timeZone })
      : undefined,
  );
  // formatRange takes ~30 µs, and an observation's time is on every card of its cycle
  const written = new Map<string, string>();
  const words: Words = {
    language,
    locale: formatLocale,
    timeZone,
    t(key, params) {
      const message = lookup(catalogue, key) ?? lookup(en, key) ?? key;
      const template =
        typeof message === 'string'
          ? message
          : (message[plurals().select(Number(params?.count))] ?? message.other);
      return template.replace(/\{(\w+)\}/g, (m, name: string) =>
        params && name in params ? String(params[name]) : m,
      );
    },
    section: (name) => catalogue[name],
    date: (isoDate) =>
      DateTime.fromISO(isoDate, { zone: timeZone }).setLocale(formatLocale).toLocaleString(DateTime.DATE_MED),
    dateTime: (instant) =>
      DateTime.fromJSDate(instant)
        .setZone(timeZone)
        .setLocale(formatLocale)
        .toLocaleString(DateTime.DATETIME_MED_WITH_WEEKDAY),
    range(start, end) {
      const key = `${start.getTime()}/${end.getTime()}`;
      let text = written.get(key);
      if (text === undefined) {
        text = ranges()?.formatRange(start, end) ?? words.dateTime(start);
        if (written.size >= most.ranges) written.clear();
        written.set(key, text);
      }
      return text;
    },
    number: (n, fractionDigits) => {
      let format = numbers.get(fractionDigits);
      if (!format) {
        format = new Intl.NumberFormat(formatLocale, {
          minimumFractionDigits: fractionDigits ?? 0,
          maximumFractionDigits: fractionDigits ?? 3,
        });
        numbers.set(fractionDigits, format);
      }
      return format.format(n);
    },
    list: (items) => lists().format(items),
    weekday: (d) =>
      DateTime.fromObject({ weekday: d as 1 | 2 | 3 | 4 | 5 | 6 | 7 }, { zone: 'UTC' })
        .setLocale(formatLocale)
        .toFormat('cccc'),
  };
  return Object.freeze(words);
}
