import { assertFinds, assertNothing, PNR } from './identifier-fixtures';

describe('findIdentifiers', () => {
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
});
