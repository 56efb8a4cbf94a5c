/**
 * Identifiers in free text (personnummer, phone numbers, record numbers, e-mail addresses), found before
 * anything a person typed is stored or sent: no patient or learner may be identifiable. The writer is shown what was found — masked, so the card does not echo the identifier back in
 * full — and asked to rephrase.
 *
 * The detector is tuned for clinical supervisors' reflections: they are full of dates, times, durations,
 * ward numbers and lab values, so every rule below says what makes a number an identifier *and* what keeps
 * an ordinary clinical number out. When in doubt the rules lean towards flagging: a false alarm costs the
 * writer a rephrase, a miss stores a patient's identity.
 *
 * Performance: every scan is a single left-to-right pass (global regexes whose repetitions are bounded or
 * unambiguous, plus hand-written scans around each '@'), and the context checks look at a bounded window,
 * so a 2,000-character answer costs a few tens of microseconds and there is no catastrophic backtracking.
 *
 * Pure: no I/O, and no wall clock — "today" is only ever what the caller passes in.
 */

export type IdentifierKind =
  'personnummer' | 'samordningsnummer' | 'reservnummer' | 'dateOfBirth' | 'phone' | 'email' | 'recordNumber';

export interface Finding {
  readonly kind: IdentifierKind;
  /** UTF-16 offsets into the text: `text.slice(start, end)` is what was found */
  readonly start: number;
  readonly end: number;
  /**
   * The found text masked for showing to the writer: every character except the last two becomes '•',
   * apart from separators (space, '-', '+', '(', ')', '.', '@', …), so "19811218-9876" shows as
   * "••••••••-••76". Never more than two letters or digits of the original are shown.
   */
  readonly shown: string;
}

export interface FindIdentifiersOptions {
  /**
   * The date the text is written (its UTC calendar day is used). Optional; with it, dates of birth and
   * 12-digit personnummer in the future are not identifiers, and the century of a 10-digit personnummer is
   * known (which only matters for 29 February). Without it, no date is too late.
   */
  readonly today?: Date;
}

/**
 * Characters that change nothing a reader sees but split a number for a matcher: zero-width spaces and
 * joiners, the word joiner and invisible operators, the soft hyphen, the byte-order mark, and the bidi
 * marks, embeddings, overrides and isolates.
 */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

/**
 * Free text as it is checked and stored: invisible characters removed, then NFKC, so full-width digits
 * ("８１１２１８"), the full-width '@' and compatibility spaces read as what they look like. Checking one
 * form and storing another would let an identifier through, so callers store this text.
 */
export function normaliseFreeText(text: string): string {
  return text.replace(INVISIBLE, '').normalize('NFKC').replace(INVISIBLE, '');
}

/**
 * The one check for free text a person types that is stored or sent to someone: the normalised text
 * (the one to store) and every identifier in it, offsets into that text.
 */
export function screenFreeText(
  text: string,
  options: FindIdentifiersOptions = {},
): { text: string; findings: Finding[] } {
  const normalised = normaliseFreeText(text);
  return { text: normalised, findings: findIdentifiers(normalised, options) };
}

/**
 * Every identifier in `text` (already normalised: see `normaliseFreeText`), sorted by position, never overlapping. Where candidates overlap the most
 * specific kind wins (see `specificity`), then the longer match.
 */
export function findIdentifiers(text: string, options: FindIdentifiersOptions = {}): Finding[] {
  const today = options.today ? calendarDay(options.today) : undefined;
  const found: Candidate[] = [];
  const push = (kind: IdentifierKind, start: number, end: number): void => {
    found.push({ kind, start, end });
  };
  // every identifier but an e-mail address has digits; answers without any are the common case
  if (/\d/.test(text)) {
    const context = new Context(text);
    const groups = digitGroups(text);
    findPersonnummer(groups, context, today, push);
    findReservnummer(text, context, push);
    findRecordNumbers(groups, context, push);
    findPhones(text, groups, push);
    findLoosePhones(text, push);
    findDatesOfBirth(text, context, today, push);
  }
  if (text.includes('@')) findEmails(text, push);
  return resolveOverlaps(found).map((c) => ({ ...c, shown: mask(text.slice(c.start, c.end)) }));
}

interface Candidate {
  readonly kind: IdentifierKind;
  readonly start: number;
  readonly end: number;
}
type Push = (kind: IdentifierKind, start: number, end: number) => void;

// ---------------------------------------------------------------------------------------------------------
// Overlaps and masking

/**
 * Which kind wins when two candidates overlap. A personnummer is checked (Luhn, real date) and is the most
 * sensitive, so it beats everything; a record number needs a cue word, a date of birth a birth cue, and
 * both are more telling than a phone-shaped run of digits; an e-mail address is a whole token and beats
 * the phone-shaped digits inside it.
 */
const specificity: Readonly<Record<IdentifierKind, number>> = {
  personnummer: 6,
  samordningsnummer: 6,
  reservnummer: 6,
  recordNumber: 5,
  dateOfBirth: 4,
  email: 3,
  phone: 2,
};

function resolveOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const ranked = [...candidates].sort(
    (a, b) =>
      specificity[b.kind] - specificity[a.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of ranked) {
    if (kept.every((k) => c.end <= k.start || k.end <= c.start)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** characters that carry no information about the identifier and help the writer recognise it */
const SHOWN_AS_IS = /[\s\-\u2010-\u2014\u2212+()./@:,_']/u;

/**
 * Masks all but the last two characters. Separators stay (the shape helps the writer find the place);
 * everything else — digits, letters, and anything unexpected, even half a surrogate pair — becomes '•'.
 * The length in UTF-16 units stays the same, so `shown` lines up with `start`/`end`.
 */
export function mask(found: string): string {
  let out = '';
  for (let i = 0; i < found.length; i++) {
    const ch = found.charAt(i);
    out += i >= found.length - 2 || SHOWN_AS_IS.test(ch) ? ch : '•';
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Digit groups: the shared view of every number in the text

const SP = ' \\u00a0\\u2009\\u202f'; // space, no-break space, thin spaces (Teams and Word insert them)
const HY = '\\-\\u2010\\u2011\\u2013\\u2014\\u2212'; // hyphen, dashes, minus (autocorrect turns '-' into '–')

/**
 * A run is digits joined by single separators: a space (or two: a slip of the thumb), a dash (optionally spaced: " - "), a '+', or
 * parentheses around a group ("(08) 123", "+46 (0)70"). Each repetition consumes one digit and the
 * separator alternatives start differently or need a digit next, so the match is linear.
 * '.', ',', ':' and '/' end a run: they make decimals ("0.5"), times ("10:00"), ratios ("120/80") and
 * dates ("12/3"), which are never part of a personnummer, phone or record number.
 */
const RUN = new RegExp(
  `[+(]?\\d(?:(?:[${SP}]{0,2}[${HY}][${SP}]{0,2}|[${SP}]{0,2}\\(|\\)[${SP}]{0,2}|[${SP}]{1,2}|\\+)?\\d)*`,
  'g',
);
const DIGITS = /\d+/g;

interface Group {
  /** offsets of the digits */
  readonly start: number;
  readonly end: number;
  readonly digits: string;
  /** the separator before this group in its run; for a run's first group, what precedes its digits ('+', '(' or '') */
  readonly sep: string;
  /** first / last group of its run */
  readonly first: boolean;
  last: boolean;
  /** the run continues a number across a '.', ',' or ':' ("3.1415…", "10:0800…"): the run's first group */
  readonly glued: boolean;
  /** … or the last group is followed by one ("0701234567,5") */
  gluedAfter: boolean;
}

function digitGroups(text: string): Group[] {
  const groups: Group[] = [];
  RUN.lastIndex = 0;
  for (let run = RUN.exec(text); run; run = RUN.exec(text)) {
    const runStart = run.index;
    const glued = isGlue(text, runStart - 1) && isDigit(text, runStart - 2);
    let previousEnd = runStart;
    DIGITS.lastIndex = 0;
    for (let d = DIGITS.exec(run[0]); d; d = DIGITS.exec(run[0])) {
      const start = runStart + d.index;
      groups.push({
        start,
        end: start + d[0].length,
        digits: d[0],
        sep: text.slice(previousEnd, start),
        first: previousEnd === runStart,
        last: false,
        glued: previousEnd === runStart && glued,
        gluedAfter: false,
      });
      previousEnd = start + d[0].length;
    }
    const last = groups[groups.length - 1];
    if (last) {
      last.last = true;
      last.gluedAfter = isGlue(text, last.end) && isDigit(text, last.end + 1);
    }
  }
  return groups;
}

function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}
function isGlue(text: string, i: number): boolean {
  const c = text.charAt(i);
  return c === '.' || c === ',' || c === ':';
}
const LETTER = /[\p{L}\p{N}]/u;
function isLetterOrDigit(text: string, i: number): boolean {
  return i >= 0 && i < text.length && LETTER.test(text.charAt(i));
}

/** the separator's significant character: '' for whitespace only, else the dash, '+' or parenthesis */
function sepChar(sep: string): string {
  const s = sep.replace(/[\s\u00a0\u2009\u202f]/g, '');
  return /^[\u2010\u2011\u2013\u2014\u2212]$/.test(s) ? '-' : s;
}

// ---------------------------------------------------------------------------------------------------------
// Cue words: what turns an ordinary number into an identifier

/**
 * Cue words, case-insensitive, Swedish and English, each a whole word (no letter or digit before; no
 * letter after). A cue may end in "nr"/"no", and an abbreviation in its '.' ("pers.nr.", "patient id no.",
 * "DOB."); a word's full stop is not taken, so "born. On 2024-03-12" is a sentence end, not a cue. Families:
 * - pnr: words for a personal identity number. Make a personnummer-shaped number that fails Luhn count
 *   (a mistyped personnummer is still one).
 * - record: words for a hospital/journal record number. Make a 6–12 digit number a recordNumber.
 *   "personal number" is in both: Swedes writing English use it for the personnummer.
 * - birth: words for being born. Make a full date a dateOfBirth. Nouns ("DOB", "födelsedatum") may also
 *   follow the date: "1998-03-12 (DOB)". Verbs ("born", "född") only precede it, so "on 2024-03-12, born
 *   at 32 weeks" does not turn the observation date into a birth date.
 * - "f." (Swedish "född") only directly before the date ("f. 1998-03-12"); elsewhere it is too common.
 */
const CUES = new RegExp(
  '(?<![\\p{L}\\p{N}])(?:' +
    [
      '(?<both>personal[\\s-](?:identity[\\s-]|id[\\s-]|identification[\\s-])?(?:number|no|nr))',
      '(?<pnr>p[.\\s-]{0,2}nr|pers(?:on)?[.\\s-]{0,2}(?:nr|nummer|numret|nummret)|personbeteckning|' +
        'samordningsn(?:ummer|umret|r)|social[\\s-]security[\\s-](?:number|no|nr)|ssn|' +
        'personal[\\s-]identity[\\s-]code|identitetsnummer)',
      '(?<record>journal[\\s-]?(?:nummer|numret|nr|number|no|id)|patient[\\s-]?(?:id|nummer|numret|nr|number|no)|' +
        '(?:medical[\\s-])?record[\\s-]?(?:number|no|nr|id)|medical[\\s-]record|mrn|pid|' +
        'hospital[\\s-]?(?:number|no|id)|case[\\s-]?(?:number|no)|ärende[\\s-]?(?:nummer|nr)|' +
        'remiss[\\s-]?(?:nummer|nr)|id[\\s-]?(?:nummer|number|nr|no)|provnummer|labbnummer)',
      '(?<reserv>reserv[\\s-]?(?:nummer|numret|nr)|temporary[\\s-]id(?:entity)?(?:[\\s-](?:number|no))?|' +
        'tillfälligt[\\s-](?:id|personnummer))',
      '(?<recordBare>journal|patient|pat|remiss)',
      '(?<birthNoun>dob|d\\.o\\.b|date[\\s-]of[\\s-]birth|birth[\\s-]?date|birthday|födelsedatum|födelsedag(?:en)?|' +
        'födelsedatumet|födelsedagen)',
      '(?<birthVerb>born|född|födde|föddes|nedkom)',
      '(?<birthTight>(?<!\\.)f\\.)',
    ].join('|') +
    ')(?:(?<!\\.)(?![\\p{L}])(?:\\s?(?:nr|no)(?![\\p{L}]))?(?:(?<=nr|no|dob|d\\.o\\.b|mrn|pid|ssn)\\.)?|(?<=\\.))',
  'giu',
);

type CueFamily = 'pnr' | 'record' | 'recordBare' | 'reserv' | 'birthBefore' | 'birthAfter' | 'birthTight';

interface Cue {
  readonly start: number;
  readonly end: number;
}

/**
 * Between a cue and its number: at most 25 characters, no digit (so "pnr 12 och 811218-9876" is not cued),
 * no line break or '!', '?', ';', and no sentence end ('.' followed by a space). "född i Stockholm den",
 * "DOB:", "journalnummer är" all pass.
 */
const GAP = /^(?:[^\d\n!?;.]|\.(?!\s)){0,25}$/u;
const TIGHT_GAP = /^[ \u00a0]{0,2}$/;
/** after a bare "journal", "patient", "remiss": only the number's own punctuation ("patient: 7654321") */
const BARE_GAP = /^[ \u00a0]{1,2}$|^[:#][ \u00a0]{0,2}$/;
const AFTER_GAP = /^[\s(,:\-\u2013]{0,3}$/u;

/** the cue words of one text, found once, on first need */
class Context {
  private cues?: Map<CueFamily, Cue[]>;

  constructor(private readonly text: string) {}

  private all(): Map<CueFamily, Cue[]> {
    if (this.cues) return this.cues;
    const cues = new Map<CueFamily, Cue[]>();
    const add = (family: CueFamily, cue: Cue): void => {
      const list = cues.get(family) ?? [];
      list.push(cue);
      cues.set(family, list);
    };
    CUES.lastIndex = 0;
    for (let m = CUES.exec(this.text); m; m = CUES.exec(this.text)) {
      const cue = { start: m.index, end: m.index + m[0].length };
      const g = m.groups ?? {};
      if (g.both || g.pnr) add('pnr', cue);
      if (g.both || g.record) add('record', cue);
      if (g.recordBare) add('recordBare', cue);
      if (g.reserv) add('reserv', cue);
      if (g.birthNoun) add('birthAfter', cue);
      if (g.birthNoun || g.birthVerb) add('birthBefore', cue);
      if (g.birthTight) add('birthTight', cue);
      if (m[0].length === 0) CUES.lastIndex++;
    }
    this.cues = cues;
    return cues;
  }

  /** a cue of `family` ends shortly before `pos`, with only a gap between */
  before(family: CueFamily, pos: number): boolean {
    const list = this.all().get(family);
    if (!list) return false;
    // the nearest cue decides: an earlier one's gap contains this one's gap, so it is no better
    const cue = lastBefore(list, pos);
    if (!cue) return false;
    const gap = this.text.slice(cue.end, pos);
    if (family === 'birthTight') return TIGHT_GAP.test(gap);
    return family === 'recordBare' ? BARE_GAP.test(gap) : GAP.test(gap);
  }

  /** a cue of `family` starts right after `pos` ("1998-03-12 (DOB)") */
  after(family: CueFamily, pos: number): boolean {
    const list = this.all().get(family);
    const cue = list?.find((c) => c.start >= pos);
    return cue !== undefined && AFTER_GAP.test(this.text.slice(pos, cue.start));
  }

  has(family: CueFamily): boolean {
    return this.all().has(family);
  }
}

function lastBefore(cues: readonly Cue[], pos: number): Cue | undefined {
  let lo = 0;
  let hi = cues.length; // answer: the last index with end <= pos
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cues[mid] as Cue).end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? cues[lo - 1] : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Calendar (no Date objects, no time zones: plain arithmetic)

interface Day {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

function calendarDay(date: Date): Day {
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysIn(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function compareDay(a: Day, b: Day): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** Years of birth we consider: nobody alive (or in a personnummer) was born before 1850. */
const EARLIEST_YEAR = 1850;
const LATEST_YEAR = 2099;

/** a real date with a four-digit year, not in the future (when today is known) */
function isRealDate(y: number, m: number, d: number, today: Day | undefined): boolean {
  if (y < EARLIEST_YEAR || y > LATEST_YEAR || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return false;
  return !today || compareDay({ y, m, d }, today) <= 0;
}

/**
 * A real date with a two-digit year. The century is the latest one that puts the date on or before today
 * (minus 100 years for a personnummer's '+'); without today, 20yy (only 29 February depends on it, and
 * every yy divisible by 4 is a leap year in the 2000s).
 */
function isRealShortDate(
  yy: number,
  m: number,
  d: number,
  hundredPlus: boolean,
  today: Day | undefined,
): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  let y = 2000 + yy;
  if (today) {
    const base = { y: today.y - (hundredPlus ? 100 : 0), m: today.m, d: today.d };
    y = base.y - ((((base.y - yy) % 100) + 100) % 100);
    if (compareDay({ y, m, d }, base) > 0) y -= 100;
  }
  return d <= daysIn(y, m);
}

// ---------------------------------------------------------------------------------------------------------
// Personnummer and samordningsnummer

/**
 * Luhn (mod 10) over the ten digits YYMMDDNNNN, as Skatteverket specifies: weights 2,1,2,1,…, digits of
 * the products summed, the total a multiple of ten.
 */
export function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < tenDigits.length; i++) {
    const n = (tenDigits.charCodeAt(i) - 48) * (i % 2 === 0 ? 2 : 1);
    sum += n > 9 ? n - 9 : n;
  }
  return sum % 10 === 0;
}

type PnrKind = 'personnummer' | 'samordningsnummer';

/**
 * The kind of number `date` (YYMMDD or YYYYMMDD) + `serial` (NNNN) is shaped like, and whether it passes
 * Luhn; undefined when the date part is not a real date. A samordningsnummer (coordination number, given
 * to people not registered in Sweden) is a personnummer with 60 added to the day: 61–91.
 * 12-digit forms: the year is 1850–2099 and (with today) not in the future. 10-digit forms: see
 * `isRealShortDate`; '+' marks someone 100 or older, and is only written with the short form.
 */
function pnrShape(
  date: string,
  serial: string,
  hundredPlus: boolean,
  today: Day | undefined,
): { kind: PnrKind; luhn: boolean } | undefined {
  const short = date.slice(-6);
  const m = Number(short.slice(2, 4));
  const rawDay = Number(short.slice(4, 6));
  const kind: PnrKind = rawDay > 60 ? 'samordningsnummer' : 'personnummer';
  const d = rawDay > 60 ? rawDay - 60 : rawDay;
  const real =
    date.length === 8
      ? isRealDate(Number(date.slice(0, 4)), m, d, today)
      : isRealShortDate(Number(short.slice(0, 2)), m, d, hundredPlus, today);
  return real ? { kind, luhn: luhnValid(short + serial) } : undefined;
}

/**
 * Personnummer and samordningsnummer, in the forms YYMMDD-NNNN, YYMMDD+NNNN, YYMMDDNNNN, YYYYMMDD-NNNN and
 * YYYYMMDDNNNN (a space or an en dash also separates: people type them, and autocorrect makes them).
 * - Counted when the date part is a real date AND the Luhn check passes: with both, a random clinical
 *   number ("12345678-9012", a lab accession, "20240312-1234" from a form) almost never qualifies.
 * - A number of that shape with a real date that FAILS Luhn counts when it is written the personnummer
 *   way, date and serial joined by '-' or '+' ("811218-9875"): nothing clinical is written so, and a typo
 *   does not make it anonymous. Run together or split by a space it counts only right after a
 *   personnummer cue ("pnr", "personnummer", "pers.nr", "personal number", …), so lab values and
 *   accession numbers don't trigger.
 * - '+' (someone 100 or older) is also taken after the 12-digit form ("19121212+1212"): people write it.
 * - Not part of a decimal ("3.8112189876"): a run glued to a '.', ',' or ':' and a digit is skipped.
 */
function findPersonnummer(
  groups: readonly Group[],
  context: Context,
  today: Day | undefined,
  push: Push,
): void {
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] as Group;
    if (g.glued) continue;
    const next = groups[i + 1];
    if (next && !next.first && !(next.last && next.gluedAfter) && next.digits.length === 4) {
      const sep = sepChar(next.sep);
      const len = g.digits.length;
      const pairs = (len === 6 || len === 8) && ['', '-', '+'].includes(sep);
      const plus = sep === '+' && len === 6;
      if (pairs && consider(g.digits, next.digits, plus, sep !== '', g.start, next.end)) {
        i++;
        continue;
      }
    }
    if ((g.digits.length === 10 || g.digits.length === 12) && !(g.last && g.gluedAfter)) {
      consider(g.digits.slice(0, -4), g.digits.slice(-4), false, false, g.start, g.end);
    }
  }

  function consider(
    date: string,
    serial: string,
    hundredPlus: boolean,
    joined: boolean,
    start: number,
    end: number,
  ): boolean {
    const shape = pnrShape(date, serial, hundredPlus, today);
    if (!shape || !(shape.luhn || joined || context.before('pnr', start))) return false;
    push(shape.kind, start, end);
    return true;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Reservnummer

/** a date of birth (YYMMDD or YYYYMMDD) and four characters, one or more a letter (two or more digits) */
const RESERV =
  /(?<![\p{L}\p{N}])(\d{8}|\d{6})[-+ ]?(?=[A-Za-z\d]{0,3}[A-Za-z])([A-Za-z\d]{4})(?![\p{L}\p{N}])/gu;
/** what follows a reservnummer cue: a token with at least six digits */
const RESERV_TOKEN = /(?<![\p{L}\p{N}])[A-Za-z\d][A-Za-z\d+-]{5,15}(?![\p{L}\p{N}])/gu;

/**
 * Reservnummer: the temporary identity numbers regions give to people without a known personnummer. Each
 * region has its own form; most keep the date of birth and put a letter in the serial ("19850709-K123",
 * "850709-R123", "19850709-12T4"), and no clinical number is a real date followed by such a serial. Any
 * form at all counts right after a reservnummer cue ("reservnummer 991234567890", "temporary ID …").
 */
function findReservnummer(text: string, context: Context, push: Push): void {
  RESERV.lastIndex = 0;
  for (let m = RESERV.exec(text); m; m = RESERV.exec(text)) {
    const date = m[1] ?? '';
    const short = date.slice(-6);
    const y = date.length === 8 ? Number(date.slice(0, 4)) : 2000 + Number(short.slice(0, 2));
    const mo = Number(short.slice(2, 4));
    const d = Number(short.slice(4, 6));
    const real = date.length === 8 ? isRealDate(y, mo, d > 60 ? d - 60 : d, undefined) : mo >= 1 && mo <= 12;
    const serialDigits = (m[2] ?? '').replace(/\D/g, '').length;
    if (real && d >= 1 && d <= 91 && serialDigits >= 2) push('reservnummer', m.index, m.index + m[0].length);
  }
  if (!context.has('reserv')) return;
  RESERV_TOKEN.lastIndex = 0;
  for (let m = RESERV_TOKEN.exec(text); m; m = RESERV_TOKEN.exec(text)) {
    if ((m[0].match(/\d/g) ?? []).length >= 6 && context.before('reserv', m.index)) {
      push('reservnummer', m.index, m.index + m[0].length);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Record numbers

/**
 * Hospital and journal record numbers: a number of 6–12 digits (dashes may join parts: "12-345678")
 * shortly after a record cue ("journalnummer", "journal nr", "patient id", "record number", "MRN", "PID",
 * "personal number", "id-nummer", …). Record numbers have no checksum or fixed shape, so the cue is what
 * tells them from a lab value or a count. A bare "journal", "patient", "pat" or "remiss" counts only
 * right before the number ("patient 7654321", "remiss: 123456"); fewer than 6 digits ("patient 12") identifies nobody in a
 * region, more than 12 is not a record number format we know.
 */
function findRecordNumbers(groups: readonly Group[], context: Context, push: Push): void {
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] as Group;
    let digits = g.digits.length;
    let j = i;
    for (
      let n = groups[j + 1];
      n && !n.first && sepChar(n.sep) === '-' && !/\s/.test(n.sep);
      n = groups[j + 1]
    ) {
      digits += n.digits.length;
      j++;
    }
    const cued = context.before('record', g.start) || (g.first && context.before('recordBare', g.start));
    if (!g.glued && digits >= 6 && digits <= 12 && cued) {
      push('recordNumber', g.start, (groups[j] as Group).end);
    }
    i = j;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Phone numbers

/**
 * Phone numbers, Swedish and international:
 * - Swedish numbers start with the trunk '0' and an area code ("070-123 45 67", "08-123 456 78",
 *   "0771-12 34 56", "(08) 123 456 78"); at most 10 digits. International ones start with '+' or '00' and a
 *   country code ("+46 70 123 45 67", "+46 (0)70-123 45 67", "0046701234567", "+44 20 7946 0958"); at most
 *   15 digits after '+' (E.164), 12 for +46 (9 national digits, an optional "(0)").
 * - At least 8 digits. Requiring the leading 0/+/00 is what keeps counts, durations ("480 minutes"), years
 *   ("2024"), scores and lab values out: they don't start with 0.
 * - Groups are joined by single spaces, dashes or parentheses; '.', ',', ':' and '/' end a number, so times
 *   ("10:00–11:00"), decimals ("0.5"), ratios ("120/80") and dotted dates never form one. Groups are taken
 *   while the digit count allows, so "070-123 45 67 2 gånger" stops before "2".
 * - Not a date ("01-02-2024", "01 02 2024", "01022024"), not a time range ("0800-1700"), not a list of
 *   single digits ("0 5 10 15 20": two one-digit groups in a row never occur in a phone number), no letter
 *   glued before it ("A0123456789" is a code, not a number).
 * - American "(415) 555-0100" without "+1" is not recognised: the bot's users are in Sweden.
 */
function findPhones(text: string, groups: readonly Group[], push: Push): void {
  let i = 0;
  while (i < groups.length) {
    const g = groups[i] as Group;
    const start = phoneStart(text, g);
    if (!start) {
      i++;
      continue;
    }
    let digits = g.digits;
    const next = groups[i + 1];
    const ahead = digits + (next && !next.first ? next.digits : '');
    const cap =
      start.type === 'domestic'
        ? 10
        : start.type === 'plus'
          ? ahead.startsWith('46')
            ? 12
            : 15
          : ahead.startsWith('0046')
            ? 14
            : 17;
    let j = i;
    for (let n = groups[j + 1]; n && !n.first && !n.sep.includes('+'); n = groups[j + 1]) {
      if (digits.length + n.digits.length > cap) break;
      digits += n.digits;
      j++;
    }
    const parts = groups.slice(i, j + 1);
    if (digits.length <= cap && plausiblePhone(parts, digits)) {
      push('phone', start.pos, (groups[j] as Group).end);
      i = j + 1;
    } else {
      i++;
    }
  }
}

function phoneStart(
  text: string,
  g: Group,
): { pos: number; type: 'plus' | 'double0' | 'domestic' } | undefined {
  if (g.glued) return undefined;
  if (g.first) {
    const runStart = g.start - g.sep.length;
    if (isLetterOrDigit(text, runStart - 1)) return undefined;
    if (g.sep.includes('+')) return g.digits.startsWith('0') ? undefined : { pos: runStart, type: 'plus' };
  } else if (!/\s/.test(g.sep)) {
    return undefined; // "12-070…" continues another number
  }
  if (!g.digits.startsWith('0')) return undefined;
  const pos = g.sep.endsWith('(') ? g.start - 1 : g.start;
  if (g.digits.startsWith('00')) return { pos, type: 'double0' };
  return g.digits.length >= 2 ? { pos, type: 'domestic' } : undefined;
}

function plausiblePhone(parts: readonly Group[], digits: string): boolean {
  if (digits.length < 8) return false;
  const last = parts[parts.length - 1] as Group;
  if (last.last && last.gluedAfter) return false;
  for (let k = 1; k < parts.length; k++) {
    if ((parts[k] as Group).digits.length === 1 && (parts[k - 1] as Group).digits.length === 1) return false;
  }
  return !looksLikeDate(parts) && !looksLikeTimeRange(parts);
}

function looksLikeDate(parts: readonly Group[]): boolean {
  const n = parts.map((p) => Number(p.digits));
  const len = parts.map((p) => p.digits.length);
  if (parts.length === 3) {
    const [a, b, c] = n as [number, number, number];
    const [la, lb, lc] = len as [number, number, number];
    if (la <= 2 && lb <= 2 && lc === 4 && (isRealDate(c, b, a, undefined) || isRealDate(c, a, b, undefined)))
      return true;
    if (la <= 2 && lb <= 2 && lc === 2 && isRealShortDate(c, b, a, false, undefined)) return true;
    if (la === 4 && lb <= 2 && lc <= 2 && isRealDate(a, b, c, undefined)) return true;
  }
  if (parts.length === 1 && len[0] === 8) {
    const s = (parts[0] as Group).digits;
    const [dd, mm, yyyy] = [Number(s.slice(0, 2)), Number(s.slice(2, 4)), Number(s.slice(4))];
    if (isRealDate(yyyy, mm, dd, undefined)) return true;
  }
  return false;
}

function looksLikeTimeRange(parts: readonly Group[]): boolean {
  const hhmm = (s: string): boolean =>
    s.length === 4 && Number(s.slice(0, 2)) < 24 && Number(s.slice(2)) < 60;
  return parts.length === 2 && parts.every((p) => hhmm(p.digits));
}

/** a Swedish number split by dots ("070.123.45.67", "+46.70.123.45.67"): '.' ends an ordinary run */
const DOTTED_PHONE =
  /(?<![\p{L}\p{N}.,])(?:\+46\.?(?:\(0\))?|0)\d{1,3}(?:\.\d{2,4}){2,4}(?!\p{N}|[.,]\p{N})/gu;
/** a Swedish mobile number without its trunk '0' ("70-123 45 67", "701234567") */
const MOBILE_WITHOUT_ZERO =
  /(?<![\p{L}\p{N}+.,:/-])7[02369](?:[ -]{1,2}|\.)?\d{3}(?:[ .-]{1,2})?\d{2}(?:[ .-]{1,2})?\d{2}(?!\p{N}|[.,:/]\p{N})/gu;

/**
 * Phone numbers the digit runs cannot see: written with dots, and mobile numbers that drop the leading
 * '0' (070, 072, 073, 076, 079 are the mobile prefixes). A dotted run that reads as a date ("01.02.2024")
 * is a date; version numbers and decimals have groups too short or no leading 0.
 */
function findLoosePhones(text: string, push: Push): void {
  DOTTED_PHONE.lastIndex = 0;
  for (let m = DOTTED_PHONE.exec(text); m; m = DOTTED_PHONE.exec(text)) {
    const parts = m[0].replace(/^\+46\.?(\(0\))?/, '').split('.');
    const digits = parts.join('').length;
    const [a, b, c] = parts.map(Number) as [number, number, number];
    const date =
      parts.length === 3 &&
      (isRealDate(c, b, a, undefined) ||
        isRealShortDate(c, b, a, false, undefined) ||
        isRealDate(a, b, c, undefined));
    if (!date && digits >= 8 && digits <= 10) push('phone', m.index, m.index + m[0].length);
  }
  MOBILE_WITHOUT_ZERO.lastIndex = 0;
  for (let m = MOBILE_WITHOUT_ZERO.exec(text); m; m = MOBILE_WITHOUT_ZERO.exec(text)) {
    push('phone', m.index, m.index + m[0].length);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Dates of birth

// prettier-ignore
const MONTHS: Readonly<Record<string, number>> = {
  january: 1, januari: 1, jan: 1,
  february: 2, februari: 2, feb: 2,
  march: 3, mars: 3, mar: 3,
  april: 4, apr: 4,
  may: 5, maj: 5,
  june: 6, juni: 6, jun: 6,
  july: 7, juli: 7, jul: 7,
  august: 8, augusti: 8, aug: 8,
  september: 9, sept: 9, sep: 9,
  october: 10, oktober: 10, oct: 10, okt: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
};

const MONTH = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const NB = '(?<!\\p{N})'; // no digit before
const NA = '(?!\\p{N})'; // no digit after

type Ymd = readonly [y: string, m: string, d: string];
function ymd(y: string | undefined, m: string | undefined, d: string | undefined): Ymd {
  return [y ?? '', m ?? '', d ?? ''];
}
const monthOf = (name: string | undefined): string => String(MONTHS[(name ?? '').toLowerCase()] ?? 0);

/** each form: a pattern and how to read year, month, day from its groups */
const DATE_FORMS: readonly { re: RegExp; read: (m: RegExpExecArray) => Ymd[] }[] = [
  // ISO and its variants: 1998-03-12, 1998/3/12, 1998.03.12
  {
    re: new RegExp(`${NB}(\\d{4})([${HY}/.])(\\d{1,2})\\2(\\d{1,2})${NA}`, 'gu'),
    read: (m) => [ymd(m[1], m[3], m[4])],
  },
  // day first: 12/03/1998, 12.3.1998, 12-03-98; with '/' also the American month first
  {
    re: new RegExp(`${NB}(\\d{1,2})([${HY}/.])(\\d{1,2})\\2(\\d{4}|\\d{2})${NA}`, 'gu'),
    read: (m) => [ymd(m[4], m[3], m[1]), ...(m[2] === '/' ? [ymd(m[4], m[1], m[3])] : [])],
  },
  // Swedish handwriting: 12/3 1998, 12/3-98
  {
    re: new RegExp(`${NB}(\\d{1,2})/(\\d{1,2})[ ${HY}](\\d{4}|\\d{2})${NA}`, 'gu'),
    read: (m) => [ymd(m[3], m[2], m[1])],
  },
  // compact: 19980312, 980312 (as in "f. 980312")
  {
    re: new RegExp(`${NB}(\\d{8}|\\d{6})${NA}`, 'gu'),
    read: (m) => {
      const s = m[1] ?? '';
      return [ymd(s.slice(0, -4), s.slice(-4, -2), s.slice(-2))];
    },
  },
  // 12 March 1998, 12th of March 1998, 12 mars 1998, 12:e mars 1998, 12 jan. 1998
  {
    re: new RegExp(
      `${NB}(\\d{1,2})(?:st|nd|rd|th|:e|:a)?\\.?\\s{1,3}(?:of\\s{1,3})?(${MONTH})(?!\\p{L})\\.?,?\\s{1,3}(\\d{4})${NA}`,
      'giu',
    ),
    read: (m) => [ymd(m[3], monthOf(m[2]), m[1])],
  },
  // March 12, 1998
  {
    re: new RegExp(
      `(?<!\\p{L})(${MONTH})(?!\\p{L})\\.?\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?,?\\s{1,3}(\\d{4})${NA}`,
      'giu',
    ),
    read: (m) => [ymd(m[3], monthOf(m[1]), m[2])],
  },
];

/**
 * Dates of birth: a full date (day, month and year; numeric, ISO, compact, or with an English or Swedish
 * month name) that is a real date — not in the future when today is known — AND sits next to a birth cue:
 * after "born", "född", "DOB", "date of birth", "födelsedatum", "f." (see CUES), or followed by a noun cue
 * ("1998-03-12 (DOB)"). A bare date is an observation date, a deadline or a meeting, never flagged: the
 * text is full of them and they identify nobody. A year alone ("född 1998") is not a full date.
 */
function findDatesOfBirth(text: string, context: Context, today: Day | undefined, push: Push): void {
  if (!context.has('birthBefore') && !context.has('birthTight')) return; // no cue, no date of birth
  for (const form of DATE_FORMS) {
    form.re.lastIndex = 0;
    for (let m = form.re.exec(text); m; m = form.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      const real = form
        .read(m)
        .some(([y, mo, d]) =>
          y.length === 4
            ? isRealDate(Number(y), Number(mo), Number(d), today)
            : isRealShortDate(Number(y), Number(mo), Number(d), false, today),
        );
      const cued =
        context.before('birthBefore', start) ||
        context.before('birthTight', start) ||
        context.after('birthAfter', end);
      if (real && cued) push('dateOfBirth', start, end);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// E-mail addresses

const LOCAL = /[\p{L}\p{N}._%+\-']/u;
const LABEL = /[\p{L}\p{N}-]/u;
const TLD = /^\p{L}{2,}$/u;

/**
 * E-mail addresses: local@domain.tld — a local part of letters, digits and . _ % + - ' (up to 64), a
 * domain of at least two dot-separated labels (up to 253 characters), the last one two or more letters.
 * Letters include å, ä, ö. Found by scanning out from each '@' rather than by one big regex, which would be
 * quadratic on long runs of word characters without an '@'.
 */
function findEmails(text: string, push: Push): void {
  let from = 0;
  for (let at = text.indexOf('@', from); at >= 0; at = text.indexOf('@', from)) {
    let start = at;
    while (start > 0 && at - start < 64 && LOCAL.test(text.charAt(start - 1))) start--;
    while (start < at && text.charAt(start) === '.') start++;
    let end = at + 1;
    let lastLabel = at + 1;
    let labels = 0;
    for (;;) {
      let e = end;
      while (e < text.length && e - at <= 253 && LABEL.test(text.charAt(e))) e++;
      if (e === end) break;
      labels++;
      lastLabel = end;
      end = e;
      if (text.charAt(end) !== '.' || !LABEL.test(text.charAt(end + 1))) break;
      end++;
    }
    if (start < at && labels >= 2 && TLD.test(text.slice(lastLabel, end))) {
      push('email', start, end);
      from = end;
    } else {
      from = at + 1;
    }
  }
}
