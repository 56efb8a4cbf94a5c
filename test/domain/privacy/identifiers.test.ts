import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Finding, findIdentifiers, IdentifierKind, mask } from '../../../src/domain/privacy/identifiers';

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
function valid(yymmdd: string, nnn: string): string {
  return yymmdd + nnn + checkDigit(yymmdd + nnn);
}

/** the same number with a wrong check digit */
function invalid(yymmdd: string, nnn: string): string {
  return yymmdd + nnn + String((Number(checkDigit(yymmdd + nnn)) + 1) % 10);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** [kind, the found text] for each finding, in order */
function found(text: string, today?: Date): Array<[IdentifierKind, string]> {
  return findIdentifiers(text, today ? { today } : {}).map((f) => [f.kind, text.slice(f.start, f.end)]);
}

function assertFinds(text: string, kind: IdentifierKind, what: string, today?: Date): void {
  assert.deepEqual(found(text, today), [[kind, what]], text);
}

function assertNothing(text: string, today?: Date): void {
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

function assertWellFormed(text: string, findings: readonly Finding[]): void {
  let previousEnd = 0;
  for (const f of findings) {
    assert.ok(f.start >= previousEnd, 'sorted and not overlapping');
    assert.ok(f.end > f.start && f.end <= text.length, 'within the text');
    assertMasked(text, f);
    previousEnd = f.end;
  }
}

const TODAY = new Date('2026-03-15T10:00:00Z');

// the example from the brief: 811218-9876 is valid
const PNR = '811218-9876';

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

  describe('recordNumber', () => {
    it('finds a 6–12 digit number after a record cue, Swedish or English, any case', () => {
      const cases: Array<[string, string]> = [
        ['Journalnummer 1234567 fanns i anteckningen', '1234567'],
        ['journal nr: 12345678', '12345678'],
        ['Journal-nr 987654', '987654'],
        ['patient id 123456', '123456'],
        ['Patient-ID: 20231234', '20231234'],
        ['patientnummer är 5551234', '5551234'],
        ['the record number was 123456789012', '123456789012'],
        ['medical record 7654321', '7654321'],
        ['MRN 1234567', '1234567'],
        ['mrn#1234567', '1234567'],
        ['PID: 7654321', '7654321'],
        ['her personal number 1234567', '1234567'],
        ['id-nummer 123456', '123456'],
        ['patient id no. 123-4567', '123-4567'],
      ];
      for (const [text, number] of cases) assertFinds(text, 'recordNumber', number);
    });

    it('needs the cue, and a number of 6–12 digits', () => {
      assertNothing('Vi pratade om 1234567 saker');
      assertNothing('journalnummer 12345');
      assertNothing('MRN 1234567890123');
      assertNothing('PID 12');
      assertNothing('MRN okänt.\nSedan 1234567 steg');
      assertNothing('the journal had 1234567 entries');
      assertNothing('journalnumret hade vi inte tillgång till idag, men 1234567');
    });

    it('a Luhn-valid personnummer after a record cue is a personnummer', () => {
      assertFinds(`journalnummer ${PNR}`, 'personnummer', PNR);
    });
  });

  describe('phone', () => {
    it('finds Swedish and international numbers', () => {
      for (const number of [
        '+46 70 123 45 67',
        '+46701234567',
        '+46 (0)70-123 45 67',
        '+46 8 123 456 78',
        '070-123 45 67',
        '070 123 45 67',
        '070–123 45 67',
        '070 - 123 45 67',
        '08-123 456 78',
        '08-12 34 56',
        '031-12 34 56',
        '0771-123 456',
        '(08) 123 456 78',
        '0046701234567',
        '00 46 70 123 45 67',
        '+44 20 7946 0958',
        '+1 415 555 0100',
      ]) {
        assertFinds(`Ring mig på ${number} efter lunch.`, 'phone', number);
      }
      assertFinds('tel:0701234568', 'phone', '0701234568');
    });

    it('stops where the number ends', () => {
      assertFinds('ring 070-123 45 67 2 gånger', 'phone', '070-123 45 67');
      assert.deepEqual(found('08-123 456 78, 070-123 45 67'), [
        ['phone', '08-123 456 78'],
        ['phone', '070-123 45 67'],
      ]);
      assert.deepEqual(found('08-12 34 56 070-123 45 67'), [
        ['phone', '08-12 34 56'],
        ['phone', '070-123 45 67'],
      ]);
    });

    it('ignores times, dates, years, durations, scores and short numbers', () => {
      for (const text of [
        'Observationen var 10:00–11:00 på avdelningen',
        'kl 08.00-17.00',
        'passet 0800-1700 och 0730–1615',
        'It lasted 480 minutes',
        'Since 2024 she has supervised',
        'Datum 01-02-2024',
        'Datum 01 02 2024',
        'Datum 01022024',
        'Observed 2024-03-12',
        'Scores 0 5 10 15 20 25',
        'Ring 070-123',
        'Code A0123456789',
        'Value 0.12345678',
        'Ratio 0,5 0,25 0,125',
        '12345678',
      ]) {
        assertNothing(text);
      }
    });
  });

  describe('dateOfBirth', () => {
    it('finds a full date next to a birth cue, in many formats and both languages', () => {
      const cases: Array<[string, string]> = [
        ['The patient was born 1998-03-12 in Lund', '1998-03-12'],
        ['born on 12 March 1998', '12 March 1998'],
        ['born on the 12th of March 1998', '12th of March 1998'],
        ['born March 12, 1998', 'March 12, 1998'],
        ['född 12 mars 1998', '12 mars 1998'],
        ['född den 12:e mars 1998', '12:e mars 1998'],
        ['Född i Malmö den 3 maj 1950', '3 maj 1950'],
        ['DOB: 12/03/1998', '12/03/1998'],
        ['D.O.B. 12.3.1998', '12.3.1998'],
        ['date of birth 3.12.1998', '3.12.1998'],
        ['Födelsedatum: 1998-03-12', '1998-03-12'],
        ['födelsedatum 12/3 1998', '12/3 1998'],
        ['f. 1998-03-12', '1998-03-12'],
        ['f. 980312', '980312'],
        ['birthdate 19980312', '19980312'],
        ['1998-03-12 (DOB)', '1998-03-12'],
        ['12 jan. 1998, födelsedatum', '12 jan. 1998'],
        ['DOB 12/03/98', '12/03/98'],
      ];
      for (const [text, date] of cases) assertFinds(text, 'dateOfBirth', date);
    });

    it('never flags a bare date: observation dates, deadlines, meetings', () => {
      for (const text of [
        'Observation 2024-03-12 kl 10:00',
        'Vi ses 12 mars 2026',
        'Deadline 12/03/2026',
        'On March 12, 2024 we met',
        '12.3.2024 hade vi handledning',
        'Sedan 20240312 har vi träffats',
      ]) {
        assertNothing(text);
      }
    });

    it('needs a full, real date right next to the cue', () => {
      assertNothing('född 1998'); // a year alone
      assertNothing('born in March 1998');
      assertNothing('born 31/02/1998'); // no such day
      assertNothing('The baby was born. On 2024-03-12 we discussed the delivery'); // a sentence end
      assertNothing('On 2024-03-12, born at 32 weeks, the baby …'); // verbs only precede the date
      assertNothing('f.d. chef 2020-01-01'); // "f.d." is "former", and "f." must touch the date
      assertNothing('refererad 2020-01-01');
      assertNothing('född i Malmö, flyttade till Lund och sedan 2020-01-01'); // further than 25 characters
    });

    it('with today, a date in the future is no date of birth', () => {
      assertNothing('born 2027-01-01', TODAY);
      assertFinds('born 2026-03-15', 'dateOfBirth', '2026-03-15', TODAY);
    });
  });

  describe('email', () => {
    it('finds standard addresses', () => {
      for (const address of [
        'anna.svensson@region.se',
        'a_b+tag@mail.example.co.uk',
        'Åsa.Öberg@vgregion.se',
        'x@y.io',
        "o'neil@hospital.org",
      ]) {
        assertFinds(`Mejla ${address}.`, 'email', address);
        assertFinds(`<${address}>`, 'email', address);
      }
      assertFinds('mailto:anna@example.com', 'email', 'anna@example.com');
    });

    it('ignores what is no address', () => {
      for (const text of [
        'x@y',
        '@home',
        'a @ b.se',
        'user@localhost',
        'me@host.c',
        'me@.se',
        'Meet @ 10',
        'a@b.12',
      ]) {
        assertNothing(text);
      }
    });
  });

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

  describe('shown', () => {
    it('masks everything but the last two characters, keeping separators', () => {
      assert.equal(mask('19811218-9876'), '••••••••-••76');
      const [f] = findIdentifiers(`pnr 19${PNR}`);
      assert.equal(f?.shown, '••••••••-••76');
      const [e] = findIdentifiers('anna.svensson@region.se');
      assert.equal(e?.shown, '••••.••••••••@••••••.se');
    });

    it('masks anything that is not a plain separator, even half a surrogate pair', () => {
      assert.equal(mask('\u{1F600}ab12'), '••••12');
      assert.equal(mask('å'), 'å');
      assert.equal(mask('åäö'), '•äö');
    });
  });

  describe('properties', () => {
    const word = fc.string({
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzåäöABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ'.split('')),
      minLength: 1,
      maxLength: 10,
    });
    const words = fc.array(word, { maxLength: 12 }).map((ws) => ws.join(' '));
    /** words that can never form a cue (no b, d, f, n, p: no "pnr", "born", "dob", "mrn", "pid", "f.", …) */
    const harmlessWord = fc.string({
      unit: fc.constantFrom(...'aeiklmorstuvyåäöAEIKLMORSTUVY'.split('')),
      minLength: 1,
      maxLength: 10,
    });
    const harmless = fc.array(harmlessWord, { maxLength: 12 }).map((ws) => ws.join(' '));
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

    it('finds random Swedish mobile and landline numbers', () => {
      const digit = fc.integer({ min: 0, max: 9 }).map(String);
      const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
      const phone = fc.oneof(
        fc
          .tuple(fc.constantFrom('070', '072', '073', '076', '079'), digits(3), digits(2), digits(2))
          .map(([a, b, c, d]) => `${a}-${b} ${c} ${d}`),
        fc.tuple(digits(3), digits(3), digits(2)).map(([a, b, c]) => `08-${a} ${b} ${c}`),
        fc
          .tuple(fc.constantFrom('70', '72', '73'), digits(3), digits(2), digits(2))
          .map(([a, b, c, d]) => `+46 ${a} ${b} ${c} ${d}`),
      );
      fc.assert(
        fc.property(harmless, phone, harmless, (before, number, after) => {
          assert.deepEqual(found(`${before} ${number} ${after}`), [['phone', number]]);
        }),
        { numRuns: 300 },
      );
    });

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
