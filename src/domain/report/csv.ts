import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';

/**
 * The file's own words, in the language of the coordinator who exports it (the catalogue's
 * `report.csv`): the first line, the names in the about block, and the columns of the two tables.
 */
export interface CsvLabels {
  /** the first line of every export: what the file holds, and what it never holds */
  readonly notice: string;
  readonly programme: string;
  readonly generated: string;
  readonly figureColumns: readonly [figure: string, value: string];
  readonly pairColumns: readonly [pair: string, completed: string, target: string, stage: string];
  readonly practisedColumns: readonly [context: string, category: string, observations: string];
}

export interface ProgrammeCsvInput {
  /** the file's own words, in the reader's language */
  readonly labels: CsvLabels;
  /** the programme's name, as its coordinators wrote it */
  readonly programmeName: string;
  /** when the export was made; written in the programme's time zone */
  readonly generatedAt: Date;
  /** the programme's IANA time zone */
  readonly timeZone: string;
  /** the report's figures, already withheld where a group is too small ("fewer than 5") */
  readonly figures: readonly { readonly label: string; readonly value: string }[];
  /** one row per pair: who, how many observations done of the target, and the stage */
  readonly pairs: readonly {
    readonly names: string;
    readonly completed: number;
    readonly target: number;
    readonly stage: string;
  }[];
  /** observations that took place by setting, then by learner level, already withheld where small */
  readonly practised: readonly {
    readonly context: string;
    readonly category: string;
    readonly value: string;
  }[];
}

/**
 * A programme's participation figures, per-pair status and what was practised as one CSV file (RFC 4180: comma
 * separated, CRLF line ends, fields quoted where they hold a comma, a quote or a line break).
 *
 * Layout, top to bottom, with an empty line between blocks:
 *
 * The words below are the English ones; the labels give them in the coordinator's language.
 *
 * 1. About — single-field rows that begin with `#`:
 *    - `# Peer Coach participation export — counts only; contains no reflections, feedback or any text supervisors wrote`
 *    - `# programme: <name>`
 *    - `# generated: <yyyy-MM-dd HH:mm> (<IANA zone>, UTC<±hh:mm>)`, in the programme's zone
 * 2. Figures — a header row `figure,value`, then one row per figure:
 *    - `figure`: what is counted, e.g. "Supervisors enrolled"
 *    - `value`: the count or rate as the report shows it, or "fewer than 5" where withheld
 * 3. Pairs — a header row `pair,completed,target,stage`, then one row per pair:
 *    - `pair`: the members' display names
 *    - `completed`: observations completed (a whole number)
 *    - `target`: the programme's target per pair (a whole number)
 *    - `stage`: where the pair is, e.g. "scheduled", "stalled"
 * 4. What was practised — a header row `context,category,observations`, then one row per setting and
 *    one per learner level:
 *    - `context`: "Setting" or "Learner level"
 *    - `category`: e.g. "Ward round", "Intern"
 *    - `observations`: how many took place, or "withheld" (see practised.ts)
 *
 * The input types hold no free text a supervisor wrote, so none can reach the file. Names and
 * labels that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return, or their full-width forms) are prefixed with `'`. The text starts with a UTF-8
 * byte order mark so that Excel reads Swedish names (å, ä, ö) correctly; encode it as UTF-8.
 */
export function programmeCsv(input: ProgrammeCsvInput): string {
  const { labels } = input;
  const rows: (string | number)[][] = [
    [`# ${labels.notice}`],
    [`# ${labels.programme}: ${input.programmeName}`],
    [`# ${labels.generated}: ${generatedAt(input.generatedAt, input.timeZone)}`],
    [],
    [...labels.figureColumns],
    ...input.figures.map((f) => [f.label, f.value]),
    [],
    [...labels.pairColumns],
    ...input.pairs.map((p) => [p.names, p.completed, p.target, p.stage]),
    [],
    [...labels.practisedColumns],
    ...input.practised.map((p) => [p.context, p.category, p.value]),
  ];
  return csvText(rows);
}

/**
 * Rows as a CSV file Excel opens as it should: RFC 4180 with CRLF, formulas escaped, a UTF-8 byte
 * order mark (shared by every export).
 */
export function csvText(rows: readonly (readonly (string | number)[])[]): string {
  return stringify(rows as (string | number)[][], {
    bom: true,
    escape_formulas: true,
    record_delimiter: 'windows',
    // with a record delimiter set, csv-stringify quotes only fields holding CRLF; a lone LF or CR
    // must be quoted too, or Excel and most parsers start a new row there
    quote_record_delimiter: true,
  });
}

/**
 * A file name OneDrive accepts: the programme's name without reserved characters, and the date, put
 * together by `format` (the catalogue's `report.csv.fileName`); `unnamed` stands in for a name with
 * nothing left.
 */
export function programmeCsvFileName(
  programmeName: string,
  generatedAt: Date,
  timeZone: string,
  format: { readonly name: (programme: string, date: string) => string; readonly unnamed: string },
): string {
  const name =
    programmeName
      .replace(/["*:<>?/\\|#%\p{Cc}]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\.+|\.+$/g, '')
      .slice(0, 80)
      .trim() || format.unnamed;
  return format.name(name, zoned(generatedAt, timeZone).toFormat('yyyy-MM-dd'));
}

/** when an export was made, in the programme's zone with its offset */
export function generatedAt(at: Date, timeZone: string): string {
  const local = zoned(at, timeZone);
  return `${local.toFormat('yyyy-MM-dd HH:mm')} (${local.zoneName}, UTC${local.toFormat('ZZ')})`;
}

/** the instant in the programme's zone; UTC if the zone is unknown, so an export never fails on it */
function zoned(at: Date, timeZone: string): DateTime {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  return local.isValid ? local : DateTime.fromJSDate(at, { zone: 'UTC' });
}
