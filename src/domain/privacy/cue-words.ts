/** The cue words of a text, and whether one sits close enough to a number to make it an identifier. */

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

export type CueFamily =
  'pnr' | 'record' | 'recordBare' | 'reserv' | 'birthBefore' | 'birthAfter' | 'birthTight';

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
export class Context {
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
