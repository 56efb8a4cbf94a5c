import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findIdentifiers, IdentifierKind } from '../../../src/domain/privacy/identifiers';
import {
  assertFinds,
  assertNothing,
  assertWellFormed,
  found,
  harmless,
  invalid,
  pad,
  PNR,
  TODAY,
  valid,
} from './identifier-fixtures';

describe('findIdentifiers', () => {
  describe('personnummer', () => {
    it('the helper agrees with the known example', () => {
      assert.equal(valid('811218', '987'), '8112189876');
    });

    it('finds a Luhn-valid personnummer in every written form', () => {
      const ten = valid('811218', '987');
      const forms = [
        `${ten.slice(0, 6)}-${ten.slice(6)}`, // YYMMDD-NNNN
        `${ten.slice(0, 6)}+${ten.slice(6)}`, // YYMMDD+NNNN (100 or older)
        ten, // YYMMDDNNNN
        `19${ten}`, // YYYYMMDDNNNN
        `19${ten.slice(0, 6)}-${ten.slice(6)}`, // YYYYMMDD-NNNN
        `${ten.slice(0, 6)} ${ten.slice(6)}`, // a space
        `${ten.slice(0, 6)}–${ten.slice(6)}`, // an en dash (autocorrect)
      ];
      for (const form of forms) {
        assertFinds(`Min kollega nämnde patienten ${form} under ronden.`, 'personnummer', form);
      }
    });

    it('finds it at the edges of the text and next to punctuation', () => {
      assertFinds(PNR, 'personnummer', PNR);
      assertFinds(`(${PNR})`, 'personnummer', PNR);
      assertFinds(`Patient ${PNR}.`, 'personnummer', PNR);
      assertFinds(`${PNR}, then we met`, 'personnummer', PNR);
      assertFinds(`"${PNR}"`, 'personnummer', PNR);
    });

    it('finds many computed examples across dates and serials', () => {
      for (const [y, m, d, nnn] of [
        [1945, 1, 1, '123'],
        [1962, 6, 30, '001'],
        [1999, 12, 31, '998'],
        [2003, 2, 28, '456'],
        [2010, 7, 4, '250'],
        [2024, 2, 29, '333'],
      ] as const) {
        const yymmdd = `${pad(y % 100)}${pad(m)}${pad(d)}`;
        const ten = valid(yymmdd, nnn);
        assertFinds(
          `nr ${ten.slice(0, 6)}-${ten.slice(6)} här`,
          'personnummer',
          `${ten.slice(0, 6)}-${ten.slice(6)}`,
        );
        assertFinds(`nr ${y}${ten.slice(2)} här`, 'personnummer', `${y}${ten.slice(2)}`);
      }
    });

    it('a personnummer starting with 0 is a personnummer, not a phone number', () => {
      const ten = valid('070123', '456');
      assertFinds(`ring ${ten}`, 'personnummer', ten);
    });

    it('ignores a Luhn-invalid number run together or spaced when no cue precedes it', () => {
      assertNothing(`Lab ${invalid('550101', '123')} OK`);
      assertNothing(`Prov 19${invalid('811218', '987')} analyserat`);
      assertNothing(
        `Prov ${invalid('811218', '987').slice(0, 6)} ${invalid('811218', '987').slice(6)} analyserat`,
      );
    });

    it('finds a Luhn-invalid number written the personnummer way, with "-" or "+", even without a cue', () => {
      assertFinds('Remissen 811218-9875 kom i tid.', 'personnummer', '811218-9875');
      assertFinds('Patienten 19811218-9875 kom tillbaka.', 'personnummer', '19811218-9875');
      assertFinds('Mannen 471203+1234 är över hundra.', 'personnummer', '471203+1234');
      assertFinds('Mannen 20121212+1212 fanns i listan.', 'personnummer', '20121212+1212');
    });

    it('counts a Luhn-invalid number right after a personnummer cue: a typo does not make it anonymous', () => {
      const bad = `${invalid('811218', '987').slice(0, 6)}-${invalid('811218', '987').slice(6)}`;
      for (const cue of [
        'pnr',
        'Pnr:',
        'p-nr',
        'pers.nr.',
        'Pers. nr',
        'personnr',
        'personnummer',
        'Personnumret är',
        'personal number',
        'personal identity number:',
        'social security number',
      ]) {
        assertFinds(`Patientens ${cue} ${bad} stod på remissen`, 'personnummer', bad);
      }
    });

    it('a cue does not rescue an impossible date, nor reach across another number or a sentence end', () => {
      assertNothing('pnr 811318-9875'); // month 13
      assertNothing('pnr 810230-1234'); // 30 February
      assertNothing('pnr 12345678-9012');
      const bad = invalid('811218', '987');
      assertNothing(`pnr saknas på 2 remisser; ${bad}`);
      assertNothing(`Vi saknade personnumret. Labbkoden ${bad} kom sen`);
      assertNothing(`pnr, som vi pratade om länge och väl, ${bad}`); // more than 25 characters away
    });

    it('checks the date part: month 1–12, a real day, 29 February only in leap years', () => {
      assertNothing(`x ${valid('811232', '987')}`); // 32nd
      assertNothing(`x ${valid('810229', '987')}`); // 1981 is no leap year, nor 2081
      assertNothing(`x ${valid('811300', '987')}`);
      const leap = valid('000229', '123');
      assertFinds(`x ${leap}`, 'personnummer', leap); // 2000-02-29
    });

    it('with today: the + form means 100 or older, so 000229+NNNN is 1900-02-29, which never was', () => {
      const ten = valid('000229', '123');
      const plus = `${ten.slice(0, 6)}+${ten.slice(6)}`;
      const minus = `${ten.slice(0, 6)}-${ten.slice(6)}`;
      assertNothing(`x ${plus}`, TODAY);
      assertFinds(`x ${minus}`, 'personnummer', minus, TODAY);
      assertFinds(`x ${plus}`, 'personnummer', plus); // without today the century is unknown
    });

    it('with today: a 12-digit number dated in the future is not a personnummer', () => {
      const future = `2030${valid('300101', '123').slice(2)}`;
      assertNothing(`x ${future}`, TODAY);
      assertFinds(`x ${future}`, 'personnummer', future);
    });

    it('a decimal is not a personnummer', () => {
      assertNothing(`Kvot 0.${valid('811218', '987')}`);
      assertNothing(`Kvot ${valid('811218', '987')},5`);
    });
  });

  describe('samordningsnummer', () => {
    it('is a personnummer with 60 added to the day, Luhn-checked', () => {
      for (const [century, yymmdd, nnn] of [
        ['19', '811278', '987'], // 18 December + 60
        ['19', '990161', '123'], // the 1st
        ['19', '990191', '456'], // the 31st
        ['20', '040289', '222'], // 29 February 2004
      ] as const) {
        const ten = valid(yymmdd, nnn);
        const dashed = `${ten.slice(0, 6)}-${ten.slice(6)}`;
        assertFinds(`Samordningsnr ${dashed} i journalen`, 'samordningsnummer', dashed);
        assertFinds(`id ${ten}`, 'samordningsnummer', ten);
        assertFinds(`nr ${century}${ten} finns`, 'samordningsnummer', `${century}${ten}`);
        assertFinds(`nr ${century}${dashed} finns`, 'samordningsnummer', `${century}${dashed}`);
      }
    });

    it('needs Luhn (or a cue) and a real day', () => {
      assertNothing(`x ${invalid('811278', '987')}`);
      assertNothing(`x ${valid('811292', '987')}`); // day 32 + 60
      assertNothing(`x ${valid('990260', '987')}`); // day 0 + 60
      assertNothing(`x ${valid('810289', '987')}`); // 29 February 1981 + 60
      const cued = invalid('811278', '987');
      assertFinds(`samordningsnummer ${cued}`, 'samordningsnummer', cued);
    });
  });

  describe('properties', () => {
    const word = fc.string({
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzåäöABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ'.split('')),
      minLength: 1,
      maxLength: 10,
    });
    const words = fc.array(word, { maxLength: 12 }).map((ws) => ws.join(' '));
    const wrap = fc.constantFrom(
      ['', ''],
      ['(', ')'],
      ['', '.'],
      ['', ','],
      ['"', '"'],
      ['', ':'],
      ['', '!'],
    );

    /** a real date 1900–2025 with the number forms of a personnummer */
    const birth = fc.record({
      y: fc.integer({ min: 1900, max: 2025 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 31 }),
      serial: fc.integer({ min: 0, max: 999 }),
      coordination: fc.boolean(),
      form: fc.constantFrom('short-', 'short+', 'short', 'long-', 'long', 'short '),
    });

    function personnummer(b: {
      y: number;
      m: number;
      d: number;
      serial: number;
      coordination: boolean;
      form: string;
    }): { text: string; kind: IdentifierKind } {
      const days = new Date(Date.UTC(b.y, b.m, 0)).getUTCDate();
      const day = Math.min(b.d, days) + (b.coordination ? 60 : 0);
      const yymmdd = `${pad(b.y % 100)}${pad(b.m)}${pad(day)}`;
      const ten = valid(yymmdd, pad(b.serial, 3));
      const [date, last] = [ten.slice(0, 6), ten.slice(6)];
      const text = {
        'short-': `${date}-${last}`,
        'short+': `${date}+${last}`,
        short: ten,
        'short ': `${date} ${last}`,
        'long-': `${b.y}${date.slice(2)}-${last}`,
        long: `${b.y}${ten.slice(2)}`,
      }[b.form] as string;
      return { text, kind: b.coordination ? 'samordningsnummer' : 'personnummer' };
    }

    it('finds any valid personnummer or samordningsnummer embedded in random words', () => {
      fc.assert(
        fc.property(words, birth, wrap, words, (before, b, [open, close], after) => {
          const { text: number, kind } = personnummer(b);
          const text = `${before} ${open}${number}${close} ${after}`;
          const start = before.length + 1 + open.length;
          const findings = findIdentifiers(text);
          assert.deepEqual(
            findings.map((f) => [f.kind, f.start, f.end]),
            [[kind, start, start + number.length]],
          );
          assertWellFormed(text, findings);
        }),
        { numRuns: 500 },
      );
    });

    it('with today, finds every valid personnummer of someone born by then (the + form from 100)', () => {
      fc.assert(
        fc.property(birth, harmless, (b, around) => {
          const age = 2026 - b.y - (b.m > 3 || (b.m === 3 && b.d > 15) ? 1 : 0);
          const form =
            b.form === 'short+' || b.form === 'short-' ? (age >= 100 ? 'short+' : 'short-') : b.form;
          const { text: number, kind } = personnummer({ ...b, form });
          const birthday = new Date(Date.UTC(b.y, b.m - 1, Math.min(b.d, 28)));
          fc.pre(birthday.getTime() <= TODAY.getTime());
          assert.deepEqual(found(`${around} ${number} ${around}`, TODAY), [[kind, number]]);
        }),
        { numRuns: 300 },
      );
    });

    it('ignores a Luhn-invalid personnummer-shaped number when no cue is near', () => {
      fc.assert(
        fc.property(harmless, birth, harmless, (before, b, after) => {
          const { text: number } = personnummer(b);
          const broken = number.slice(0, -1) + String((Number(number.slice(-1)) + 1) % 10);
          fc.pre(!broken.startsWith('0')); // a 0 makes it phone-shaped, which is flagged as a phone
          fc.pre(!/[-+]/.test(broken)); // written the personnummer way it is found, Luhn or not
          assertNothing(`${before} ${broken} ${after}`);
        }),
        { numRuns: 300 },
      );
    });
  });
});
