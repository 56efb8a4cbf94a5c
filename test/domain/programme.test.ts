import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import {
  defaultPolicy,
  defaultSettings,
  FieldErrors,
  ProgrammeInput,
  programmeToInput,
  validateProgramme,
} from '../../src/domain/programme';
import { programmeInput } from '../support/domain-fixtures';
import { TestClock } from '../support/test-clock';

const supported = ['en'];

describe('programme settings', () => {
  const clock = new TestClock('2026-09-01T08:00:00Z');

  /** the errors for input, failing the test if it is accepted */
  function errorsFor(input: ProgrammeInput): FieldErrors {
    const result = validateProgramme(input, clock.now(), supported);
    if (result.ok) assert.fail(`expected the input to be refused: ${JSON.stringify(input)}`);
    return result.errors;
  }

  function settingsFor(input: ProgrammeInput) {
    const result = validateProgramme(input, clock.now(), supported);
    if (!result.ok) assert.fail(`expected the input to be accepted, got ${JSON.stringify(result.errors)}`);
    return result.settings;
  }

  /** the errors for a programme running from `startDate` to `endDate`, as errorsFor */
  const errorsForDates = (startDate: string, endDate: string) =>
    errorsFor(programmeInput({ startDate, endDate }));
  /** the settings for a programme running from `startDate` to `endDate`, as settingsFor */
  const settingsForDates = (startDate: string, endDate: string) =>
    settingsFor(programmeInput({ startDate, endDate }));

  describe('defaultSettings and programmeToInput', () => {
    it("starts a new programme today in the programme's time zone and runs it for four months", () => {
      // late evening in UTC is already tomorrow in Stockholm
      const settings = defaultSettings(DateTime.fromISO('2026-09-01T23:30:00Z'), 'Europe/Stockholm', 'en');
      assert.equal(settings.startDate, '2026-09-02');
      assert.equal(settings.endDate, '2027-01-02');
      assert.equal(settings.timeZone, 'Europe/Stockholm');
      assert.equal(settings.locale, 'en');
      assert.equal(settings.targetObservations, 2);
      assert.deepEqual(settings.policy, defaultPolicy);
    });

    it('leaves only the name for the coordinator to fill in on a blank programme card', () => {
      const blank = programmeToInput(
        defaultSettings(DateTime.fromJSDate(clock.now()), 'Europe/Stockholm', 'en'),
      );
      assert.deepEqual(errorsFor(blank), { name: 'programme.error.nameRequired' });
    });

    it('accepts the blank card once it is named, with exactly the default settings', () => {
      const defaults = defaultSettings(DateTime.fromJSDate(clock.now()), 'Europe/Stockholm', 'en');
      const settings = settingsFor({ ...programmeToInput(defaults), name: 'Autumn term' });
      assert.deepEqual(settings, { ...defaults, name: 'Autumn term' });
    });

    it('fills the edit card with what was saved, so saving it unchanged changes nothing', () => {
      const saved = settingsFor(
        programmeInput({ workingDays: '1,3,5', quietStart: '21:30', targetObservations: '4' }),
      );
      assert.deepEqual(settingsFor(programmeToInput(saved)), saved);
      assert.equal(programmeToInput(saved).workingDays, '1,3,5');
    });
  });

  describe('validateProgramme', () => {
    it('accepts a complete autumn-term programme and converts numbers and days', () => {
      assert.deepEqual(settingsFor(programmeInput()), {
        name: 'Autumn peer coaching',
        startDate: '2026-09-01',
        endDate: '2027-01-31',
        timeZone: 'Europe/Stockholm',
        locale: 'en',
        targetObservations: 2,
        evaluationDays: 14,
        policy: {
          beforeDays: 1,
          beforeTime: '16:00',
          afterMinutes: 60,
          reminderDays: 1,
          deadlineDays: 7,
          quietStart: '20:00',
          quietEnd: '07:00',
          workingDays: [1, 2, 3, 4, 5],
        },
      });
    });

    it('keeps the end questionnaire open 1 to 60 days, 14 when a card opened before the setting omits it', () => {
      assert.equal(settingsFor(programmeInput({ evaluationDays: ' 60 ' })).evaluationDays, 60);
      assert.equal(settingsFor(programmeInput({ evaluationDays: '1' })).evaluationDays, 1);
      const { evaluationDays: _omitted, ...older } = programmeInput();
      assert.equal(settingsFor(older).evaluationDays, 14);
      for (const typed of ['0', '61', '', '7.5', 'two'])
        assert.deepEqual(errorsFor(programmeInput({ evaluationDays: typed })), {
          evaluationDays: 'programme.error.evaluationDays',
        });
    });

    it('requires a name, also when it is only whitespace', () => {
      assert.deepEqual(errorsFor(programmeInput({ name: '' })), { name: 'programme.error.nameRequired' });
      assert.deepEqual(errorsFor(programmeInput({ name: ' \t ' })), { name: 'programme.error.nameRequired' });
    });

    it('refuses a name longer than 100 characters', () => {
      assert.deepEqual(errorsFor(programmeInput({ name: 'x'.repeat(101) })), {
        name: 'programme.error.nameTooLong',
      });
      assert.equal(settingsFor(programmeInput({ name: 'x'.repeat(100) })).name.length, 100);
    });

    it('trims the name and collapses inner whitespace before measuring it', () => {
      assert.equal(
        settingsFor(programmeInput({ name: '  Spring   peer\tcoaching\n ' })).name,
        'Spring peer coaching',
      );
      const spaced = `${'a'.repeat(50)}       ${'b'.repeat(49)}`;
      assert.equal(settingsFor(programmeInput({ name: spaced })).name, `${'a'.repeat(50)} ${'b'.repeat(49)}`);
    });

    it('refuses a time zone that is not an IANA name', () => {
      assert.deepEqual(errorsFor(programmeInput({ timeZone: 'CET+1' })), {
        timeZone: 'programme.error.timeZone',
      });
    });

    it('refuses dates that are not calendar dates', () => {
      assert.deepEqual(errorsForDates('2026-02-30', 'next spring'), {
        startDate: 'programme.error.date',
        endDate: 'programme.error.date',
      });
    });

    it('refuses an end date before the start date', () => {
      assert.deepEqual(errorsForDates('2026-10-01', '2026-09-30'), {
        endDate: 'programme.error.endBeforeStart',
      });
    });

    it('refuses a programme whose end date has already passed, but accepts one that ends today', () => {
      assert.deepEqual(errorsForDates('2026-01-01', '2026-08-31'), {
        endDate: 'programme.error.endPassed',
      });
      assert.equal(settingsForDates('2026-08-01', '2026-09-01').endDate, '2026-09-01');
    });

    it('judges "already passed" by the injected clock, not the wall clock', () => {
      const input = programmeInput({ startDate: '2026-09-01', endDate: '2026-09-30' });
      assert.equal(validateProgramme(input, new Date('2026-09-30T12:00:00Z'), supported).ok, true);
      assert.equal(validateProgramme(input, new Date('2026-10-01T12:00:00Z'), supported).ok, false);
    });

    it('refuses a programme longer than three years', () => {
      assert.deepEqual(errorsForDates('2026-09-01', '2029-09-05'), {
        endDate: 'programme.error.tooLong',
      });
      assert.equal(settingsForDates('2026-09-01', '2029-08-31').endDate, '2029-08-31');
    });

    it('holds the dates to a window: a start at most a year back, an end at most three years ahead', () => {
      // today is 1 September 2026
      assert.deepEqual(errorsForDates('9999-01-01', '9999-12-31'), {
        endDate: 'programme.error.endTooLate',
      });
      assert.deepEqual(errorsForDates('2025-08-31', '2026-12-31'), {
        startDate: 'programme.error.startTooEarly',
      });
      assert.deepEqual(errorsForDates('2027-01-01', '2029-09-02'), {
        endDate: 'programme.error.endTooLate',
      });
      assert.equal(settingsForDates('2025-09-01', '2026-12-31').startDate, '2025-09-01');
      assert.equal(settingsForDates('2027-01-01', '2029-09-01').endDate, '2029-09-01');
    });

    it('lets an edit keep a start date that is now more than a year back, but not move it there', () => {
      const input = programmeInput({ startDate: '2025-03-01', endDate: '2027-06-30' });
      assert.equal(validateProgramme(input, clock.now(), supported, { startDate: '2025-03-01' }).ok, true);
      const moved = validateProgramme(input, clock.now(), supported, { startDate: '2025-04-01' });
      assert.deepEqual(moved.ok ? {} : moved.errors, { startDate: 'programme.error.startTooEarly' });
    });

    it('refuses a language Peer Coach does not speak', () => {
      assert.deepEqual(errorsFor(programmeInput({ locale: 'de' })), { locale: 'programme.error.locale' });
    });

    for (const target of ['0', '21', 'two', '2.5', '']) {
      it(`refuses a target of "${target}" observations (1–20 allowed)`, () => {
        assert.deepEqual(errorsFor(programmeInput({ targetObservations: target })), {
          targetObservations: 'programme.error.target',
        });
      });
    }

    it('accepts targets at both ends of 1–20', () => {
      assert.equal(settingsFor(programmeInput({ targetObservations: '1' })).targetObservations, 1);
      assert.equal(settingsFor(programmeInput({ targetObservations: ' 20 ' })).targetObservations, 20);
    });

    it('refuses lead times, reminders and deadlines outside their ranges', () => {
      assert.deepEqual(
        errorsFor(
          programmeInput({ beforeDays: '15', afterMinutes: '-5', reminderDays: '0', deadlineDays: '61' }),
        ),
        {
          beforeDays: 'programme.error.beforeDays',
          afterMinutes: 'programme.error.afterMinutes',
          reminderDays: 'programme.error.reminderDays',
          deadlineDays: 'programme.error.deadlineDays',
        },
      );
    });

    it('refuses a reminder that would not come before the deadline', () => {
      assert.deepEqual(errorsFor(programmeInput({ reminderDays: '7', deadlineDays: '7' })), {
        reminderDays: 'programme.error.reminderAfterDeadline',
      });
      assert.deepEqual(errorsFor(programmeInput({ reminderDays: '8', deadlineDays: '7' })), {
        reminderDays: 'programme.error.reminderAfterDeadline',
      });
    });

    it('refuses times of day that do not exist', () => {
      assert.deepEqual(
        errorsFor(programmeInput({ beforeTime: '25:00', quietStart: '7:00', quietEnd: '12:60' })),
        {
          beforeTime: 'programme.error.time',
          quietStart: 'programme.error.time',
          quietEnd: 'programme.error.time',
        },
      );
    });

    it('accepts times sent with seconds, as some clients do', () => {
      assert.equal(settingsFor(programmeInput({ beforeTime: '16:30:00' })).policy.beforeTime, '16:30');
    });

    it('refuses quiet hours that start and end at the same time', () => {
      assert.deepEqual(errorsFor(programmeInput({ quietStart: '22:00', quietEnd: '22:00' })), {
        quietEnd: 'programme.error.quietEmpty',
      });
    });

    it('allows quiet hours that span midnight', () => {
      const policy = settingsFor(programmeInput({ quietStart: '22:00', quietEnd: '06:30' })).policy;
      assert.deepEqual([policy.quietStart, policy.quietEnd], ['22:00', '06:30']);
    });

    it('refuses a programme without working days', () => {
      assert.deepEqual(errorsFor(programmeInput({ workingDays: '' })), {
        workingDays: 'programme.error.workingDays',
      });
      assert.deepEqual(errorsFor(programmeInput({ workingDays: '0,8,x' })), {
        workingDays: 'programme.error.workingDays',
      });
    });

    it('de-duplicates and sorts working days', () => {
      assert.deepEqual(
        settingsFor(programmeInput({ workingDays: '5, 1,3,1,5' })).policy.workingDays,
        [1, 3, 5],
      );
    });

    it('reports every problem at once, one per field', () => {
      const errors = errorsFor({});
      assert.deepEqual(errors, {
        name: 'programme.error.nameRequired',
        timeZone: 'programme.error.timeZone',
        startDate: 'programme.error.date',
        endDate: 'programme.error.date',
        locale: 'programme.error.locale',
        targetObservations: 'programme.error.target',
        beforeDays: 'programme.error.beforeDays',
        afterMinutes: 'programme.error.afterMinutes',
        reminderDays: 'programme.error.reminderDays',
        deadlineDays: 'programme.error.deadlineDays',
        beforeTime: 'programme.error.time',
        quietStart: 'programme.error.time',
        quietEnd: 'programme.error.time',
        workingDays: 'programme.error.workingDays',
      });
    });

    it('reports unrelated problems together with a date problem', () => {
      const errors = errorsFor(
        programmeInput({
          name: '',
          endDate: '2026-08-01',
          locale: 'xx',
          quietStart: '07:00',
          quietEnd: '07:00',
        }),
      );
      assert.deepEqual(Object.keys(errors).sort(), ['endDate', 'locale', 'name', 'quietEnd']);
      assert.equal(errors.endDate, 'programme.error.endBeforeStart');
    });
  });
});
