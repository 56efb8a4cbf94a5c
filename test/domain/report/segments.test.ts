import assert from 'node:assert/strict';
import { MemberFact } from '../../../src/domain/report/facts';
import { expectedByNow, segmentKinds, selectSegment } from '../../../src/domain/report/segments';
import {
  answered,
  facts,
  future,
  member,
  observationOf,
  pair,
  pairedCohort,
  past,
  prompt,
  reportProgramme,
  reportedAt as now,
} from '../../support/report-fixtures';

const day = 86_400_000;

/** `pairedCohort(n)` with some members changed */
function cohortWith(n: number, changes: Record<string, Partial<MemberFact>>) {
  const { members, pairs } = pairedCohort(n);
  return { members: members.map((m) => ({ ...m, ...changes[m.personId] })), pairs };
}

describe('selectSegment', () => {
  it('offers every segment a nudge card can choose from', () => {
    assert.deepEqual(
      [...segmentKinds],
      ['everyone', 'notPaired', 'nothingScheduled', 'promptWaiting', 'behindTarget', 'unreachable'],
    );
  });

  describe('everyone', () => {
    it('selects every enrolled member, leaving out and counting the paused and the unreachable', () => {
      const members = [
        member('p1'),
        member('p2', { paused: true }),
        member('p3', { reachable: false }),
        member('p4', { paused: true, reachable: false }),
        member('p5', { pairId: 'pair-1' }),
      ];
      assert.deepEqual(selectSegment({ kind: 'everyone' }, facts({ members }), now), {
        recipients: ['p1', 'p5'],
        excluded: { paused: 2, unreachable: 1 },
        listOnly: false,
      });
    });

    it('selects each person once even if the facts list them twice', () => {
      const members = [
        member('p1'),
        member('p1'),
        member('p2', { paused: true }),
        member('p2', { paused: true }),
      ];
      const s = selectSegment({ kind: 'everyone' }, facts({ members }), now);
      assert.deepEqual(s.recipients, ['p1']);
      assert.deepEqual(s.excluded, { paused: 1, unreachable: 0 });
    });
  });

  describe('notPaired', () => {
    it('selects members without a pair', () => {
      const { members, pairs } = pairedCohort(2);
      const cohort = [
        ...members,
        member('p3'),
        member('p4', { paused: true }),
        member('p5', { reachable: false }),
        member('p6'),
      ];
      assert.deepEqual(selectSegment({ kind: 'notPaired' }, facts({ members: cohort, pairs }), now), {
        recipients: ['p3', 'p6'],
        excluded: { paused: 1, unreachable: 1 },
        listOnly: false,
      });
    });
  });

  describe('nothingScheduled', () => {
    it('selects paired members with no upcoming or completed observation', () => {
      const { members, pairs } = cohortWith(10, { p8: { paused: true }, p10: { reachable: false } });
      const [first, second, third, fourth, fifth] = [pairs[0]!, pairs[1]!, pairs[2]!, pairs[3]!, pairs[4]!];
      const observations = [
        observationOf(first, future),
        observationOf(second, past),
        observationOf(third, past, { status: 'cancelled' }),
        observationOf(third, future, { status: 'cancelled' }),
        observationOf(fourth, past, { status: 'didNotHappen' }),
        observationOf(fifth, '2026-11-11T09:00:00Z', { status: 'cancelled' }),
      ];
      const unpaired = member('p11');
      const s = selectSegment(
        { kind: 'nothingScheduled' },
        facts({ members: [...members, unpaired], pairs, observations }),
        now,
      );
      assert.deepEqual(s, {
        recipients: ['p5', 'p6', 'p7', 'p9'],
        excluded: { paused: 1, unreachable: 1 },
        listOnly: false,
      });
    });

    it('counts an observation a member had in an earlier pair of this programme', () => {
      const { members, pairs } = pairedCohort(4);
      // p1 has moved from an earlier pair with p3, where they completed an observation together
      const earlier = pair('pair-old', ['p1', 'p3']);
      const observations = [observationOf(earlier, past)];
      const s = selectSegment({ kind: 'nothingScheduled' }, facts({ members, pairs, observations }), now);
      assert.deepEqual(s.recipients, ['p2', 'p4']);
    });
  });

  describe('promptWaiting', () => {
    const threeDaysAgo = new Date(now.getTime() - 3 * day).toISOString();
    const justOver = new Date(now.getTime() - 3 * day - 60_000).toISOString();

    it('selects members with a prompt sent more than N days ago and still unanswered', () => {
      const { members, pairs } = cohortWith(8, { p5: { paused: true }, p6: { reachable: false } });
      const prompts = [
        prompt({ personId: 'p1', sentAt: justOver }),
        prompt({ personId: 'p1', sentAt: '2026-11-01T10:00:00Z' }),
        prompt({ personId: 'p2', sentAt: threeDaysAgo }),
        answered('p3', 1, { sentAt: '2026-11-01T10:00:00Z', remindedAt: '2026-11-02T10:00:00Z' }),
        prompt({ personId: 'p4', status: 'expired', sentAt: '2026-11-01T10:00:00Z' }),
        prompt({ personId: 'p5', sentAt: justOver }),
        prompt({ personId: 'p6', sentAt: justOver }),
        prompt({ personId: 'p7', status: 'withdrawn', sentAt: '2026-11-01T10:00:00Z' }),
        prompt({ personId: 'p8', status: 'scheduled', sentAt: undefined }),
      ];
      const s = selectSegment({ kind: 'promptWaiting', days: 3 }, facts({ members, pairs, prompts }), now);
      assert.deepEqual(s, { recipients: ['p1'], excluded: { paused: 1, unreachable: 1 }, listOnly: false });
    });

    it('does not select a prompt sent exactly N days ago, and does a minute later', () => {
      const { members, pairs } = pairedCohort(2);
      const prompts = [prompt({ personId: 'p1', sentAt: threeDaysAgo })];
      const f = facts({ members, pairs, prompts });
      assert.deepEqual(selectSegment({ kind: 'promptWaiting', days: 3 }, f, now).recipients, []);
      const later = new Date(now.getTime() + 60_000);
      assert.deepEqual(selectSegment({ kind: 'promptWaiting', days: 3 }, f, later).recipients, ['p1']);
    });

    it('refuses a negative or non-numeric number of days rather than selecting everyone', () => {
      const f = facts({ members: pairedCohort(2).members, prompts: [prompt()] });
      assert.throws(() => selectSegment({ kind: 'promptWaiting', days: -1 }, f, now), RangeError);
      assert.throws(() => selectSegment({ kind: 'promptWaiting', days: Number.NaN }, f, now), RangeError);
    });
  });

  describe('behindTarget', () => {
    // half of the 100-day fixture programme has passed at 2026-12-21T00:00+01:00
    const beforeHalf = new Date('2026-12-20T22:59:00Z');
    const atHalf = new Date('2026-12-20T23:00:00Z');
    const afterEnd = new Date('2027-03-01T12:00:00Z');

    function world() {
      const { members, pairs } = cohortWith(8, { p4: { paused: true }, p6: { reachable: false } });
      const [first, second, third] = [pairs[0]!, pairs[1]!, pairs[2]!];
      const observations = [
        observationOf(first, past),
        observationOf(second, '2027-01-20T09:00:00Z'),
        observationOf(third, past, { status: 'cancelled' }),
      ];
      return facts({ members: [...members, member('p9')], pairs, observations });
    }

    it('selects no one before a whole observation is due', () => {
      assert.deepEqual(selectSegment({ kind: 'behindTarget' }, world(), beforeHalf), {
        recipients: [],
        excluded: { paused: 0, unreachable: 0 },
        listOnly: false,
      });
    });

    it('selects paired members with fewer completed observations than expected by now', () => {
      assert.deepEqual(selectSegment({ kind: 'behindTarget' }, world(), atHalf), {
        recipients: ['p3', 'p5', 'p7', 'p8'],
        excluded: { paused: 1, unreachable: 1 },
        listOnly: false,
      });
    });

    it('expects the whole target once the programme is over', () => {
      // pair-1 and pair-2 completed one observation each; the target is two
      assert.deepEqual(selectSegment({ kind: 'behindTarget' }, world(), afterEnd).recipients, [
        'p1',
        'p2',
        'p3',
        'p5',
        'p7',
        'p8',
      ]);
    });
  });

  describe('unreachable', () => {
    it('lists the unreachable for the coordinator to contact, leaving out and counting the paused', () => {
      const members = [
        member('p1'),
        member('p2', { reachable: false }),
        member('p3', { reachable: false, pairId: 'pair-1' }),
        member('p4', { reachable: false, paused: true }),
        member('p5', { paused: true }),
      ];
      assert.deepEqual(selectSegment({ kind: 'unreachable' }, facts({ members }), now), {
        recipients: ['p2', 'p3'],
        excluded: { paused: 1, unreachable: 0 },
        listOnly: true,
      });
    });
  });
});

describe('expectedByNow', () => {
  const programme = reportProgramme({ targetObservations: 2 });

  it('expects nothing on the first days, before the programme, and before half of it', () => {
    assert.equal(expectedByNow(programme, new Date('2026-10-01T12:00:00Z')), 0);
    assert.equal(expectedByNow(programme, new Date('2026-11-02T12:00:00Z')), 0);
    assert.equal(expectedByNow(programme, new Date('2026-12-20T22:59:59Z')), 0);
  });

  it('expects one of two once half the programme has passed, counted from local midnight', () => {
    assert.equal(expectedByNow(programme, new Date('2026-12-20T23:00:00Z')), 1);
  });

  it('expects pro rata for a larger target', () => {
    const four = reportProgramme({ targetObservations: 4 });
    // a quarter: 25 of 100 days, at 2026-11-26T00:00+01:00
    assert.equal(expectedByNow(four, new Date('2026-11-25T22:59:00Z')), 0);
    assert.equal(expectedByNow(four, new Date('2026-11-25T23:00:00Z')), 1);
    // three quarters: 75 of 100 days, at 2027-01-15T00:00+01:00
    assert.equal(expectedByNow(four, new Date('2027-01-14T23:00:00Z')), 3);
  });

  it('expects the whole target from the end of the last day on', () => {
    assert.equal(expectedByNow(programme, new Date('2027-02-08T22:59:00Z')), 1);
    assert.equal(expectedByNow(programme, new Date('2027-02-08T23:00:00Z')), 2);
    assert.equal(expectedByNow(programme, new Date('2028-01-01T00:00:00Z')), 2);
  });
});
