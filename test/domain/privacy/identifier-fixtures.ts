/** Helpers shared by the identifier detectors' tests. */

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Finding, findIdentifiers, IdentifierKind } from '../../../src/domain/privacy/identifiers';

// ---------------------------------------------------------------------------------------------------------
// Helpers (an independent Luhn, so the test does not trust the code under test)

/** the Luhn check digit for nine digits YYMMDDNNN */
function checkDigit(nine: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const n = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(n / 10) + (n % 10);
  }
  return String((10 - (sum % 10)) % 10);
}

/** YYMMDD + NNN → the valid ten digits YYMMDDNNNC */
export function valid(yymmdd: string, nnn: string): string {
  return yymmdd + nnn + checkDigit(yymmdd + nnn);
}

/** the same number with a wrong check digit */
export function invalid(yymmdd: string, nnn: string): string {
  return yymmdd + nnn + String((Number(checkDigit(yymmdd + nnn)) + 1) % 10);
}

export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** [kind, the found text] for each finding, in order */
export function found(text: string, today?: Date): Array<[IdentifierKind, string]> {
  return findIdentifiers(text, today ? { today } : {}).map((f) => [f.kind, text.slice(f.start, f.end)]);
}

export function assertFinds(text: string, kind: IdentifierKind, what: string, today?: Date): void {
  assert.deepEqual(found(text, today), [[kind, what]], text);
}

export function assertNothing(text: string, today?: Date): void {
  assert.deepEqual(found(text, today), [], text);
}

/** masking never shows more than the last two characters; separators may stay, letters and digits never */
function assertMasked(text: string, f: Finding): void {
  const original = text.slice(f.start, f.end);
  assert.equal(f.shown.length, original.length);
  let revealed = 0;
  for (let i = 0; i < original.length; i++) {
    const shownChar = f.shown[i] as string;
    if (shownChar === '•') continue;
    assert.equal(shownChar, original[i], `shown "${f.shown}" differs from "${original}" at ${i}`);
    if (/[\p{L}\p{N}]/u.test(shownChar) || i >= original.length - 2) revealed++;
    if (i < original.length - 2)
      assert.match(shownChar, /[^\p{L}\p{N}]/u, `"${f.shown}" reveals ${shownChar}`);
  }
  assert.ok(revealed <= 2, `"${f.shown}" reveals ${revealed} characters of "${original}"`);
}

export function assertWellFormed(text: string, findings: readonly Finding[]): void {
  let previousEnd = 0;
  for (const f of findings) {
    assert.ok(f.start >= previousEnd, 'sorted and not overlapping');
    assert.ok(f.end > f.start && f.end <= text.length, 'within the text');
    assertMasked(text, f);
    previousEnd = f.end;
  }
}

export const TODAY = new Date('2026-03-15T10:00:00Z');

// the example from the brief: 811218-9876 is valid
export const PNR = '811218-9876';

/** words that can never form a cue (no b, d, f, n, p: no "pnr", "born", "dob", "mrn", "pid", "f.", …) */
const harmlessWord = fc.string({
  unit: fc.constantFrom(...'aeiklmorstuvyåäöAEIKLMORSTUVY'.split('')),
  minLength: 1,
  maxLength: 10,
});
export const harmless = fc.array(harmlessWord, { maxLength: 12 }).map((ws) => ws.join(' '));
