import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screenFreeText } from '../../../src/domain/privacy/identifiers';

/** the lines of a corpus file: blank lines and '#' comments skipped, `\uXXXX` read as that character */
function corpus(name: string): string[] {
  return readFileSync(join(__dirname, 'corpus', name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) =>
      line.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    );
}

const today = new Date('2026-12-03T09:00:00Z');

describe('identifier corpora', () => {
  it('flags no sentence of the ordinary clinical corpus (Swedish and English)', () => {
    const lines = corpus('ordinary.txt');
    assert.ok(lines.length >= 100, `only ${lines.length} ordinary sentences`);
    const alarms = lines.flatMap((line) => {
      const { text, findings } = screenFreeText(line, { today });
      return findings.map((f) => `${f.kind} "${text.slice(f.start, f.end)}" in: ${line}`);
    });
    assert.deepEqual(alarms, [], `${alarms.length} false alarms`);
  });

  it('flags every line of the identifier corpus', () => {
    const lines = corpus('identifiers.txt');
    assert.ok(lines.length >= 60, `only ${lines.length} identifier variants`);
    const missed = lines.filter((line) => screenFreeText(line, { today }).findings.length === 0);
    assert.deepEqual(missed, [], `${missed.length} of ${lines.length} missed`);
  });

  it('checks the normalised text, which is the text to store: no invisible characters left in it', () => {
    for (const line of corpus('identifiers.txt')) {
      const { text } = screenFreeText(line, { today });
      assert.doesNotMatch(
        text,
        /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u,
        line,
      );
      assert.equal(text, text.normalize('NFKC'));
    }
  });
});
