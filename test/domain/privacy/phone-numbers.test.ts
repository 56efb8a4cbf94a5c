import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertFinds, assertNothing, found, harmless } from './identifier-fixtures';

describe('findIdentifiers', () => {
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

  describe('properties', () => {
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
  });
});
