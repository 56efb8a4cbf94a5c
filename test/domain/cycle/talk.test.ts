import assert from 'node:assert/strict';
import { afterCardAt, answerWindow, checkTalk, movedTalk, talkOf } from '../../../src/domain/cycle/talk';

describe('the talk after an observation', () => {
  const zone = 'Europe/Stockholm';
  const weekdays = { workingDays: [1, 2, 3, 4, 5] as const };
  // Friday 27 March 2026, 13:00–14:00 in Stockholm (12:00–13:00 UTC); the clocks go forward on Sunday
  const friday = { startsAt: new Date('2026-03-27T12:00:00Z'), endsAt: new Date('2026-03-27T13:00:00Z') };

  describe('what the schedule card asks for', () => {
    it('plans "later the same day" 30 minutes after the end when no time is given, for 30 minutes', () => {
      assert.deepEqual(checkTalk({ talk: 'laterToday' }, friday, zone, weekdays), {
        ok: true,
        talk: {
          choice: 'laterToday',
          startsAt: '2026-03-27T13:30:00.000Z',
          endsAt: '2026-03-27T14:00:00.000Z',
        },
      });
    });

    it('takes the time given in the scheduler’s own time zone', () => {
      const checked = checkTalk({ talk: 'laterToday', talkTime: '16:15' }, friday, zone, weekdays);
      assert.equal(checked.ok && checked.talk?.startsAt, '2026-03-27T15:15:00.000Z');
    });

    it('leaves 15 minutes to answer the card when they talk right after', () => {
      const checked = checkTalk({ talk: 'rightAfter' }, friday, zone, weekdays);
      assert.equal(checked.ok && checked.talk?.startsAt, '2026-03-27T13:15:00.000Z');
    });

    it('goes to Monday after a Friday, across the clock change, at the observation’s start time', () => {
      const checked = checkTalk({ talk: 'nextWorkingDay' }, friday, zone, weekdays);
      // 13:00 in Stockholm on Monday 30 March is summer time: 11:00 UTC
      assert.equal(checked.ok && checked.talk?.startsAt, '2026-03-30T11:00:00.000Z');
    });

    it('plans no talk when they will agree later, or when the card predates talks', () => {
      assert.deepEqual(checkTalk({ talk: 'agreeLater' }, friday, zone, weekdays), {
        ok: true,
        talk: undefined,
      });
      assert.deepEqual(checkTalk({}, friday, zone, weekdays), { ok: true, talk: undefined });
    });

    it('refuses a talk before the observation ends, on another day, a time that does not exist, or a tampered choice', () => {
      assert.deepEqual(checkTalk({ talk: 'laterToday', talkTime: '13:30' }, friday, zone, weekdays), {
        ok: false,
        error: 'schedule.error.talkTime',
      });
      const late = { startsAt: new Date('2026-03-27T21:00:00Z'), endsAt: new Date('2026-03-27T22:45:00Z') };
      assert.deepEqual(checkTalk({ talk: 'laterToday' }, late, zone, weekdays), {
        ok: false,
        error: 'schedule.error.talkTime',
      });
      // Saturday 28 March → the next working day is Monday; 02:30 on Sunday 29 March does not exist
      const saturday = {
        startsAt: new Date('2026-03-29T00:00:00Z'),
        endsAt: new Date('2026-03-29T00:20:00Z'),
      };
      assert.deepEqual(checkTalk({ talk: 'laterToday', talkTime: '02:30' }, saturday, zone, weekdays), {
        ok: false,
        error: 'schedule.error.talkTime',
      });
      assert.deepEqual(checkTalk({ talk: 'sometime' }, friday, zone, weekdays), {
        ok: false,
        error: 'schedule.error.talk',
      });
    });
  });

  describe('moving the observation', () => {
    const talk = {
      choice: 'laterToday' as const,
      startsAt: '2026-03-27T15:00:00.000Z',
      endsAt: '2026-03-27T15:30:00.000Z',
    };
    const monday = { startsAt: new Date('2026-03-30T07:00:00Z'), endsAt: new Date('2026-03-30T08:00:00Z') };

    it('takes the talk along, as far after the new end as it was after the old one', () => {
      assert.deepEqual(movedTalk(talk, friday, monday, zone, weekdays), {
        choice: 'laterToday',
        startsAt: '2026-03-30T10:00:00.000Z',
        endsAt: '2026-03-30T10:30:00.000Z',
      });
    });

    it('keeps the clock time of a next-working-day talk, on the day after the new date', () => {
      const next = {
        choice: 'nextWorkingDay' as const,
        startsAt: '2026-03-30T06:30:00.000Z',
        endsAt: '2026-03-30T07:00:00.000Z',
      };
      // 08:30 Stockholm summer time on Tuesday 31 March
      assert.equal(movedTalk(next, friday, monday, zone, weekdays)?.startsAt, '2026-03-31T06:30:00.000Z');
    });

    it('takes the card’s talk fields instead when the person unticks "move our talk"', () => {
      const moving = {
        ...friday,
        startsAt: friday.startsAt.toISOString(),
        endsAt: friday.endsAt.toISOString(),
        talk,
      };
      const along = talkOf({ talk: 'agreeLater', talkMoves: 'true' }, monday, moving, zone, weekdays);
      const own = talkOf({ talk: 'agreeLater', talkMoves: 'false' }, monday, moving, zone, weekdays);
      assert.equal(along.ok && along.talk?.startsAt, '2026-03-30T10:00:00.000Z');
      assert.deepEqual(own, { ok: true, talk: undefined });
    });
  });

  describe('the after-cards', () => {
    const talk = {
      choice: 'laterToday' as const,
      startsAt: '2026-03-27T13:30:00.000Z',
      endsAt: '2026-03-27T14:00:00.000Z',
    };

    it('go when the observation ends if their usual time leaves under 15 minutes before the talk', () => {
      const usual = new Date('2026-03-27T14:00:00Z');
      assert.deepEqual(afterCardAt(usual, friday.endsAt, talk), friday.endsAt);
      const early = new Date('2026-03-27T13:10:00Z');
      assert.deepEqual(afterCardAt(early, friday.endsAt, talk), early);
      assert.deepEqual(afterCardAt(usual, friday.endsAt, undefined), usual);
    });

    it('are due when the talk begins, with a reminder halfway, so the summary is there when they meet', () => {
      const sentAt = new Date('2026-03-27T13:00:00Z');
      const usual = {
        expiresAt: new Date('2026-03-30T13:00:00Z'),
        remindAt: new Date('2026-03-30T11:00:00Z'),
      };
      assert.deepEqual(answerWindow(sentAt, usual, talk), {
        expiresAt: new Date('2026-03-27T13:30:00Z'),
        remindAt: new Date('2026-03-27T13:15:00Z'),
        beforeTalk: true,
      });
    });

    it('keep their usual deadline when there is no talk, or it began before the card went, or comes after the deadline', () => {
      const sentAt = new Date('2026-03-27T13:00:00Z');
      const usual = { expiresAt: new Date('2026-03-30T13:00:00Z'), remindAt: undefined };
      assert.deepEqual(answerWindow(sentAt, usual, undefined), { ...usual, beforeTalk: false });
      assert.deepEqual(answerWindow(new Date('2026-03-27T13:45:00Z'), usual, talk), {
        ...usual,
        beforeTalk: false,
      });
      const far = { ...talk, startsAt: '2026-04-02T08:00:00.000Z' };
      assert.deepEqual(answerWindow(sentAt, usual, far), { ...usual, beforeTalk: false });
    });

    it('get no reminder in a window too short for one', () => {
      const sentAt = new Date('2026-03-27T13:15:00Z');
      const usual = {
        expiresAt: new Date('2026-03-30T13:00:00Z'),
        remindAt: new Date('2026-03-30T11:00:00Z'),
      };
      assert.equal(answerWindow(sentAt, usual, talk).remindAt, undefined);
    });
  });
});
