import { assertFinds, assertNothing, TODAY } from './identifier-fixtures';

describe('findIdentifiers', () => {
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
});
