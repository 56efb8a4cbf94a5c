import assert from 'node:assert/strict';
import { computeFigures } from '../../../src/domain/report/figures';
import {
  answered,
  facts,
  future,
  member,
  members,
  observation,
  observationOf,
  pair,
  pairedCohort,
  past,
  prompt,
  rating,
  reportProgramme,
  reportedAt as now,
} from '../../support/report-fixtures';

describe('computeFigures', () => {
  describe('supervisors', () => {
    it('withholds enrolled, reachable and paired when four supervisors are enrolled', () => {
      const f = computeFigures(facts({ members: pairedCohort(4).members }), now);
      assert.deepEqual(f.supervisors, {
        enrolled: { withheld: true },
        reachable: { withheld: true },
        paired: { withheld: true },
      });
    });

    it('counts enrolled, reachable and paired supervisors once five are enrolled', () => {
      const cohort = [
        ...pairedCohort(2).members,
        member('p3', { reachable: false }),
        member('p4', { paused: true, pairId: 'pair-9' }),
        member('p5', { reachable: false, pairId: 'pair-9' }),
      ];
      const f = computeFigures(facts({ members: cohort }), now);
      assert.deepEqual(f.supervisors, {
        enrolled: { value: 5 },
        reachable: { value: 3 },
        paired: { value: 4 },
      });
    });
  });

  describe('observations', () => {
    it('counts upcoming, completed, cancelled and did-not-happen observations', () => {
      const observations = [
        observation(past),
        observation(past),
        // ends exactly now: completed
        observation('2026-11-18T11:00:00Z'),
        // under way: still upcoming
        observation('2026-11-18T11:30:00Z'),
        observation(future),
        observation(past, { status: 'cancelled' }),
        observation(future, { status: 'cancelled' }),
        observation(past, { status: 'didNotHappen' }),
      ];
      const f = computeFigures(facts({ observations }), now);
      assert.deepEqual(f.observations, { upcoming: 2, completed: 3, cancelled: 2, didNotHappen: 1 });
    });

    it('shows observation counts in a cohort smaller than five, as the pair list shows them anyway', () => {
      const f = computeFigures(facts({ members: members(2), observations: [observation(past)] }), now);
      assert.equal(f.observations.completed, 1);
    });
  });

  describe('response rate', () => {
    it('divides answered prompts by sent ones, leaving out withdrawn, unsent and undelivered prompts', () => {
      const prompts = [
        answered('p1', 1),
        answered('p2', 1),
        answered('p3', 1),
        prompt({ personId: 'p4', status: 'expired' }),
        prompt({ personId: 'p5', status: 'sent' }),
        prompt({ personId: 'p1', status: 'withdrawn' }),
        prompt({ personId: 'p2', status: 'withdrawn' }),
        prompt({ personId: 'p3', status: 'withdrawn' }),
        prompt({ personId: 'p4', status: 'scheduled', sentAt: undefined }),
        prompt({ personId: 'p5', status: 'unreachable', sentAt: undefined }),
      ];
      const f = computeFigures(facts({ prompts }), now);
      assert.deepEqual(f.responseRate, { value: 3 / 5 });
    });

    it('withholds the rate when four people were sent prompts, however many prompts', () => {
      const four = ['p1', 'p2', 'p3', 'p4'].flatMap((id) => [answered(id, 1), answered(id, 2)]);
      assert.deepEqual(computeFigures(facts({ prompts: four }), now).responseRate, { withheld: true });
      const five = [...four, prompt({ personId: 'p5', status: 'expired' })];
      assert.deepEqual(computeFigures(facts({ prompts: five }), now).responseRate, { value: 8 / 9 });
    });

    it('does not count people whose only prompts were withdrawn towards the group', () => {
      const prompts = [
        ...['p1', 'p2', 'p3', 'p4'].map((id) => answered(id, 1)),
        prompt({ personId: 'p5', status: 'withdrawn' }),
      ];
      assert.deepEqual(computeFigures(facts({ prompts }), now).responseRate, { withheld: true });
    });
  });

  describe('median time to respond', () => {
    it('takes the middle of an odd number of answers, in hours', () => {
      const prompts = [
        answered('p1', 50),
        answered('p2', 1),
        answered('p3', 10),
        answered('p4', 3),
        answered('p5', 2),
      ];
      assert.deepEqual(computeFigures(facts({ prompts }), now).medianHoursToRespond, { value: 3 });
    });

    it('takes the mean of the two middle answers of an even number', () => {
      const prompts = [
        answered('p1', 50),
        answered('p2', 1),
        answered('p3', 4),
        answered('p4', 3),
        answered('p5', 2),
        answered('p6', 10),
      ];
      assert.deepEqual(computeFigures(facts({ prompts }), now).medianHoursToRespond, { value: 3.5 });
    });

    it('counts only answered prompts', () => {
      const prompts = [
        ...[1, 2, 3, 4, 5].map((hours) => answered(`p${hours}`, hours)),
        prompt({ personId: 'p6', status: 'expired', answeredAt: '2026-11-30T10:00:00.000Z' }),
        prompt({ personId: 'p7', status: 'sent', answeredAt: '2026-11-30T10:00:00.000Z' }),
      ];
      assert.deepEqual(computeFigures(facts({ prompts }), now).medianHoursToRespond, { value: 3 });
    });

    it('withholds the median when four people answered, however many answers, and shows it at five', () => {
      const four = ['p1', 'p2', 'p3', 'p4'].flatMap((id) => [answered(id, 1), answered(id, 3)]);
      assert.deepEqual(computeFigures(facts({ prompts: four }), now).medianHoursToRespond, {
        withheld: true,
      });
      const five = [...four, answered('p5', 5)];
      assert.deepEqual(computeFigures(facts({ prompts: five }), now).medianHoursToRespond, { value: 3 });
    });
  });

  describe('progress against target', () => {
    it('counts people who took part in the target number of completed observations, as host or observer', () => {
      const { members: cohort, pairs } = pairedCohort(6);
      const [first, second, third] = pairs as [
        ReturnType<typeof pair>,
        ReturnType<typeof pair>,
        ReturnType<typeof pair>,
      ];
      const observations = [
        // p1 hosts both, p2 observes both: both reach the target of two
        observationOf(first, past),
        observationOf(first, '2026-11-11T09:00:00Z'),
        // p3 one completed and one upcoming: not yet
        observationOf(second, past),
        observationOf(second, future),
        // p5 and p6 one completed and one cancelled: not reached
        observationOf(third, past),
        observationOf(third, '2026-11-12T09:00:00Z', { status: 'cancelled' }),
      ];
      const f = computeFigures(facts({ members: cohort, pairs, observations }), now);
      assert.deepEqual(f.progress, { target: 2, reached: { value: 2 }, share: { value: 2 / 6 } });
    });

    it('withholds progress in a cohort of four', () => {
      const { members: cohort, pairs } = pairedCohort(4);
      const observations = [observationOf(pairs[0]!, past), observationOf(pairs[0]!, past)];
      const f = computeFigures(facts({ members: cohort, pairs, observations }), now);
      assert.deepEqual(f.progress, { target: 2, reached: { withheld: true }, share: { withheld: true } });
    });
  });

  describe('safety rating', () => {
    it('averages every rating once five hosts have rated', () => {
      const prompts = [
        rating('p1', 5),
        rating('p2', 4),
        rating('p3', 4),
        rating('p4', 3),
        rating('p5', 1),
        answered('p6', 1),
      ];
      assert.deepEqual(computeFigures(facts({ prompts }), now).safetyRating, { value: 17 / 5 });
    });

    it('withholds the average when four hosts rated, however many ratings', () => {
      const prompts = [
        rating('p1', 5),
        rating('p1', 4),
        rating('p2', 4),
        rating('p3', 3),
        rating('p4', 2),
        answered('p5', 1),
      ];
      assert.deepEqual(computeFigures(facts({ prompts }), now).safetyRating, { withheld: true });
    });
  });

  describe('weekly chart', () => {
    it('counts completed observations per ISO week from the first week up to this one', () => {
      // the programme starts on Sunday 1 November, in ISO week 44
      const observations = [
        observation('2026-11-02T08:00:00Z'),
        observation('2026-11-08T10:00:00Z'),
        observation('2026-11-09T10:00:00Z'),
        observation('2026-11-18T09:00:00Z'),
        observation('2026-11-18T13:00:00Z'),
        observation('2026-11-17T09:00:00Z', { status: 'cancelled' }),
        observation('2026-11-17T09:00:00Z', { status: 'didNotHappen' }),
      ];
      const f = computeFigures(facts({ observations }), now);
      assert.deepEqual(f.weekly, [
        { week: '2026-W44', weekStart: '2026-10-26', completed: 0 },
        { week: '2026-W45', weekStart: '2026-11-02', completed: 2 },
        { week: '2026-W46', weekStart: '2026-11-09', completed: 1 },
        { week: '2026-W47', weekStart: '2026-11-16', completed: 1 },
      ]);
    });

    it('stops at the week of the last day once the programme is over', () => {
      const programme = reportProgramme({ startDate: '2026-11-01', endDate: '2026-11-10' });
      const f = computeFigures(facts({ programme }), new Date('2027-03-01T12:00:00Z'));
      assert.deepEqual(
        f.weekly.map((w) => w.week),
        ['2026-W44', '2026-W45', '2026-W46'],
      );
    });

    it('is empty before the programme starts', () => {
      const f = computeFigures(facts(), new Date('2026-10-31T22:59:00Z'));
      assert.deepEqual(f.weekly, []);
    });

    it('keeps weeks on local Mondays across the spring clock change and files by local day', () => {
      const programme = reportProgramme({ startDate: '2026-03-16', endDate: '2026-04-30' });
      const observations = [
        // Sunday 29 March 23:00 in Stockholm, summer time since 02:00 that morning: week 13
        observation('2026-03-29T21:00:00Z'),
        // Monday 30 March 00:30 in Stockholm, still Sunday in UTC: week 14
        observation('2026-03-29T22:30:00Z'),
      ];
      const f = computeFigures(facts({ programme, observations }), new Date('2026-04-08T10:00:00Z'));
      assert.deepEqual(f.weekly, [
        { week: '2026-W12', weekStart: '2026-03-16', completed: 0 },
        { week: '2026-W13', weekStart: '2026-03-23', completed: 1 },
        { week: '2026-W14', weekStart: '2026-03-30', completed: 1 },
        { week: '2026-W15', weekStart: '2026-04-06', completed: 0 },
      ]);
    });

    it('keeps weeks on local Mondays across the autumn clock change and files by local day', () => {
      const programme = reportProgramme({ startDate: '2026-10-12', endDate: '2026-11-30' });
      const observations = [
        // Sunday 25 October 23:30 in Stockholm, winter time since 03:00 that morning: week 43
        observation('2026-10-25T22:30:00Z'),
        // Monday 26 October 00:30 in Stockholm, still Sunday in UTC: week 44
        observation('2026-10-25T23:30:00Z'),
        observation('2026-10-26T23:30:00Z'),
      ];
      const f = computeFigures(facts({ programme, observations }), new Date('2026-11-04T10:00:00Z'));
      assert.deepEqual(f.weekly, [
        { week: '2026-W42', weekStart: '2026-10-12', completed: 0 },
        { week: '2026-W43', weekStart: '2026-10-19', completed: 1 },
        { week: '2026-W44', weekStart: '2026-10-26', completed: 2 },
        { week: '2026-W45', weekStart: '2026-11-02', completed: 0 },
      ]);
    });

    it('labels the weeks around new year with their ISO week-numbering year', () => {
      const programme = reportProgramme({ startDate: '2026-12-14', endDate: '2027-01-31' });
      const observations = [
        // Saturday 2 January 2027 belongs to 2026-W53
        observation('2027-01-02T10:00:00Z'),
        observation('2027-01-04T10:00:00Z'),
        observation('2027-01-05T10:00:00Z'),
      ];
      const f = computeFigures(facts({ programme, observations }), new Date('2027-01-12T10:00:00Z'));
      assert.deepEqual(f.weekly, [
        { week: '2026-W51', weekStart: '2026-12-14', completed: 0 },
        { week: '2026-W52', weekStart: '2026-12-21', completed: 0 },
        { week: '2026-W53', weekStart: '2026-12-28', completed: 1 },
        { week: '2027-W01', weekStart: '2027-01-04', completed: 2 },
        { week: '2027-W02', weekStart: '2027-01-11', completed: 0 },
      ]);
    });

    it('charts observations even in a cohort smaller than five', () => {
      const f = computeFigures(facts({ members: members(2), observations: [observation(past)] }), now);
      assert.equal(f.weekly.find((w) => w.week === '2026-W46')?.completed, 1);
    });
  });

  describe('pair status', () => {
    const p = pair('pair-1', ['p1', 'p2']);
    const status = (overrides: Parameters<typeof facts>[0]) =>
      computeFigures(facts({ members: members(2), pairs: [p], ...overrides }), now).pairs[0];

    it('names the pair and counts only its own completed observations against the target', () => {
      const other = pair('pair-2', ['p3', 'p4']);
      const f = computeFigures(
        facts({
          members: members(4),
          pairs: [p, other],
          observations: [
            observationOf(p, past),
            observationOf(p, future),
            observationOf(p, past, { status: 'cancelled' }),
            observationOf(other, past),
            observationOf(other, '2026-11-11T09:00:00Z'),
            // p1 in an earlier pair: not this pair's observation
            observationOf(pair('pair-old', ['p1', 'p3']), '2026-11-03T09:00:00Z'),
          ],
        }),
        now,
      );
      assert.deepEqual(f.pairs[0], {
        pairId: 'pair-1',
        names: ['Name p1', 'Name p2'],
        completed: 1,
        target: 2,
        stage: 'scheduled',
      });
      assert.equal(f.pairs[1]?.completed, 2);
    });

    it('is notScheduled with nothing planned, or only cancelled and missed observations', () => {
      assert.equal(status({})?.stage, 'notScheduled');
      const observations = [
        observationOf(p, future, { status: 'cancelled' }),
        observationOf(p, past, { status: 'didNotHappen' }),
      ];
      assert.equal(status({ observations })?.stage, 'notScheduled');
    });

    it('is scheduled with an upcoming observation and no open prompt', () => {
      const observations = [observationOf(p, future)];
      const prompts = [answered('p1', 1, { kind: 'beforeHost' })];
      assert.equal(status({ observations, prompts })?.stage, 'scheduled');
    });

    it('is awaitingAnswers while a prompt is sent and not yet reminded', () => {
      const observations = [observationOf(p, past)];
      const prompts = [answered('p1', 1), prompt({ personId: 'p2', kind: 'afterObserver' })];
      assert.equal(status({ observations, prompts })?.stage, 'awaitingAnswers');
    });

    it('is stalled when a prompt is still sent after its reminder', () => {
      const observations = [observationOf(p, past)];
      const prompts = [
        prompt({ personId: 'p1' }),
        prompt({ personId: 'p2', kind: 'afterObserver', remindedAt: '2026-11-11T08:00:00.000Z' }),
      ];
      assert.equal(status({ observations, prompts })?.stage, 'stalled');
    });

    it('is not stalled by a reminded prompt that was answered or expired since', () => {
      const observations = [observationOf(p, past), observationOf(p, '2026-11-11T09:00:00Z')];
      const prompts = [
        answered('p1', 30, { remindedAt: '2026-11-11T08:00:00.000Z' }),
        prompt({ personId: 'p2', status: 'expired', remindedAt: '2026-11-11T08:00:00.000Z' }),
      ];
      assert.equal(status({ observations, prompts })?.stage, 'done');
    });

    it("is not stalled by another pair's reminded prompt", () => {
      const prompts = [prompt({ pairId: 'pair-2', personId: 'p3', remindedAt: '2026-11-11T08:00:00.000Z' })];
      assert.equal(status({ prompts })?.stage, 'notScheduled');
    });

    it('is done at the target with nothing open, even with another observation planned', () => {
      const observations = [
        observationOf(p, past),
        observationOf(p, '2026-11-11T09:00:00Z'),
        observationOf(p, future),
      ];
      assert.equal(status({ observations, prompts: [answered('p1', 1)] })?.stage, 'done');
    });

    it('shows a pair past its target as stalled while a reminded prompt is open', () => {
      const observations = [observationOf(p, past), observationOf(p, '2026-11-11T09:00:00Z')];
      const prompts = [prompt({ remindedAt: '2026-11-12T08:00:00.000Z' })];
      assert.equal(status({ observations, prompts })?.stage, 'stalled');
    });
  });
});
