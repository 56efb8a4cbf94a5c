import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findIdentifiers } from '../../../src/domain/privacy/identifiers';
import {
  assertFinds,
  assertNothing,
  assertWellFormed,
  found,
  harmless,
  pad,
  PNR,
  valid,
} from './identifier-fixtures';

describe('findIdentifiers', () => {
  describe('ordinary clinical text', () => {
    it('flags nothing in typical reflections', () => {
      for (const text of [
        'Year 4 student on ward 12, BP 120/80, HR 72, version 1.5 of the checklist.',
        'Hb 134 g/L, CRP 12, LPK 8.5, kreatinin 85 µmol/l, TPK 250.',
        'Vi sågs 10:00–11:00 och pratade i 45 minuter; nästa gång 2026-04-02.',
        'Studenten (termin 8) gjorde 3 av 5 moment. Uppföljning om 2 veckor.',
        'Saturation 97 %, temp 37.8, 2 l O2, NEWS 3, GCS 15.',
        'Rum 1203, sal 4, säng 2. Dosering 0,5 mg x 2.',
        'The learner took 12 histories in 480 minutes across 3 wards.',
      ]) {
        assertNothing(text);
      }
    });
  });

  describe('overlaps', () => {
    it('keeps the most specific finding and sorts by position', () => {
      assertFinds(`född ${PNR}`, 'personnummer', PNR);
      assertFinds(`${valid('811218', '987')}@example.se`, 'personnummer', valid('811218', '987'));
      assertFinds('0701234568@sms.example.se', 'email', '0701234568@sms.example.se');
      const text = `Mejla a@b.se eller ring 070-123 45 67; pnr ${PNR}, född 1998-03-12 (DOB), MRN 1234567.`;
      assert.deepEqual(found(text), [
        ['email', 'a@b.se'],
        ['phone', '070-123 45 67'],
        ['personnummer', PNR],
        ['dateOfBirth', '1998-03-12'],
        ['recordNumber', '1234567'],
      ]);
    });
  });

  describe('properties', () => {
    it('never flags bare dates, times, durations and small numbers', () => {
      const date = fc.date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      });
      const clinical = fc.oneof(
        date.map((d) => d.toISOString().slice(0, 10)),
        date.map((d) => `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`),
        date.map((d) => `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`),
        date.map((d) => `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`),
        date.map((d) => `${d.getUTCDate()} mars ${d.getUTCFullYear()}`),
        fc
          .tuple(
            fc.integer({ min: 0, max: 23 }),
            fc.integer({ min: 0, max: 59 }),
            fc.integer({ min: 0, max: 23 }),
          )
          .map(([h, m, h2]) => `${pad(h)}:${pad(m)}–${pad(h2)}:${pad(m)}`),
        fc
          .tuple(
            fc.integer({ min: 0, max: 23 }),
            fc.integer({ min: 0, max: 59 }),
            fc.integer({ min: 0, max: 23 }),
          )
          .map(([h, m, h2]) => `${pad(h)}${pad(m)}-${pad(h2)}${pad(m)}`),
        fc.integer({ min: 1, max: 100000 }).map((n) => `${n} minutes`),
        fc.integer({ min: 1, max: 99999 }).map(String),
        fc
          .tuple(fc.integer({ min: 60, max: 250 }), fc.integer({ min: 30, max: 150 }))
          .map(([s, d]) => `${s}/${d}`),
        fc.double({ min: 0, max: 1000, noNaN: true }).map((x) => x.toFixed(2)),
      );
      fc.assert(
        fc.property(harmless, fc.array(clinical, { maxLength: 6 }), harmless, (before, values, after) => {
          assertNothing(`${before} ${values.join(', ')} ${after}`);
        }),
        { numRuns: 500 },
      );
    });

    it('yields nothing for text without digits or @', () => {
      const noDigits = fc.string({ unit: 'binary', maxLength: 300 }).map((s) => s.replace(/[0-9@]/g, ''));
      fc.assert(
        fc.property(noDigits, (text) => {
          assert.deepEqual(findIdentifiers(text), []);
        }),
        { numRuns: 500 },
      );
    });

    it('always returns sorted, non-overlapping, masked findings', () => {
      const piece = fc.constantFrom(
        ...'0123456789 -+().:/@,ae'.split(''),
        '.se',
        ' pnr ',
        ' född ',
        ' MRN ',
        ' DOB ',
        '070-',
        '–',
        ' mars ',
        '\n',
        '\u00a0',
        '\u{1F600}',
      );
      const messy = fc.array(piece, { maxLength: 200 }).map((p) => p.join(''));
      fc.assert(
        fc.property(messy, (text) => {
          assertWellFormed(text, findIdentifiers(text));
        }),
        { numRuns: 1000 },
      );
    });
  });

  describe('performance', () => {
    /** a small deterministic generator, so the run is the same every time */
    function random(seed: number): () => number {
      let s = seed;
      return () => {
        s = (s + 0x6d2b79f5) | 0;
        let t = Math.imul(s ^ (s >>> 15), 1 | s);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }

    it('scans 10,000 random 2,000-character answers', function () {
      this.timeout(60_000); // a loose bound; the time itself is for benchmarks, not assertions
      const next = random(7);
      const pieces = [
        ...'0123456789 -+().:/@ae'.split(''),
        'x',
        '.se',
        ' pnr ',
        ' född ',
        ' MRN ',
        ' 070-',
        ' DOB ',
        '–',
        ' mars ',
        '\n',
        ' the ',
        ' och ',
      ];
      let findings = 0;
      for (let k = 0; k < 10_000; k++) {
        let text = '';
        while (text.length < 2000) text += pieces[Math.floor(next() * pieces.length)];
        findings += findIdentifiers(text.slice(0, 2000)).length;
      }
      assert.ok(findings > 0);
    });

    it('stays linear on adversarial input', function () {
      this.timeout(60_000);
      const inputs = [
        '0 '.repeat(1000),
        '1'.repeat(2000),
        '1 '.repeat(1000),
        '0-'.repeat(1000),
        'a@'.repeat(1000),
        `${'a'.repeat(1999)}@`,
        `@${'a.'.repeat(999)}`,
        'pid '.repeat(500),
        `${PNR} `.repeat(166),
        '12 mars '.repeat(250),
        `${'född '.repeat(399)}1998-03-12`,
        '+'.repeat(2000),
        '('.repeat(1000) + ')'.repeat(1000),
        ' '.repeat(2000),
      ];
      for (const text of inputs) {
        const findings = findIdentifiers(text.repeat(5)); // 10,000 characters each
        assertWellFormed(text.repeat(5), findings);
      }
    });
  });
});
