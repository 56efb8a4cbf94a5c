/**
 * Names and titles people type are shown to others inside card text that Teams reads as markdown.
 * Dropping the characters that make links, emphasis, headings, code and mentions keeps a name a
 * name: "[Click me](https://…)" can only ever read as "Click me(https://…)". Free-text answers are
 * not changed — they are shown as plain TextRuns instead (see the summary card).
 */
export function plainText(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
      .replace(/[[\]*_~`<>#\\]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** the longest name kept: Teams names are far shorter; a forged one is cut, not copied everywhere */
export const maxNameLength = 120;

/** a person's name as shown to others: plain text, at most `maxNameLength` characters */
export function personName(s: string): string {
  return plainText(s).slice(0, maxNameLength).trim();
}
