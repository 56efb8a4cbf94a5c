import assert from 'node:assert/strict';
import { renderUpcomingCard, UpcomingCardData } from '../../src/cards/upcoming-card';
import { Words } from '../../src/i18n';
import { english, sampleNames, sampleObservation, swedish } from '../support/card-samples';
import { textOf, verbsOf } from '../support/test-bot';

const item = { observation: sampleObservation(), names: sampleNames };
const upcoming = (data: Partial<UpcomingCardData> = {}, words: Words = english) =>
  renderUpcomingCard({ viewerId: 'host', items: [item], ...data }, words);

describe('cards/upcoming-card', () => {
  it('shows each observation: when, who hosts and observes, the setting and the learner', () => {
    const text = textOf(upcoming());
    assert.match(text, /^Your observations\nWed, 2 Sept 2026, 10:00–11:00\nYou host; Chris Dahl observes\n/);
    assert.match(text, /\nWard round · Medical student, years 4–6\n/);
    assert.match(textOf(upcoming({ viewerId: 'observer' })), /Blake Berg hosts; you observe/);
  });

  it('offers to move or cancel an observation, or to say it did not happen', () => {
    assert.deepEqual(verbsOf(upcoming()), [
      'schedule.open',
      'observation.cancel',
      'observation.didNotHappen',
    ]);
  });

  it('offers only "it did not happen" once the observation has started', () => {
    const before = upcoming({ now: new Date('2026-09-02T07:59:00.000Z') });
    const started = upcoming({ now: new Date('2026-09-02T08:00:00.000Z') });
    assert.equal(verbsOf(before).length, 3);
    assert.deepEqual(verbsOf(started), ['observation.didNotHappen']);
  });

  it('shows at most 15 observations', () => {
    const card = upcoming({ items: Array.from({ length: 20 }, () => item) });
    assert.equal(verbsOf(card).filter((v) => v === 'observation.cancel').length, 15);
  });

  it('says when nothing is scheduled, and after "did not happen" offers to find a new time', () => {
    assert.match(textOf(upcoming({ items: [] })), /Nothing scheduled/);
    const after = upcoming({ items: [], message: 'Noted.', offerNew: true });
    assert.doesNotMatch(textOf(after), /Nothing scheduled/);
    assert.deepEqual(verbsOf(after), ['schedule.open']);
  });

  it('shows the observations in Swedish', () => {
    const text = textOf(upcoming({}, swedish));
    assert.match(
      text,
      /^Dina observationer\nons 2 sep\. 2026 10:00–11:00\nDu handleder; Chris Dahl observerar\n/,
    );
    assert.match(text, /\nRond · Läkarstudent, termin 7–12\n/);
    assert.match(text, /Flytta\n[\s\S]*Ställ in\n[\s\S]*Den blev inte av/);
  });

  it('shows when the pair talks it over, or that they will agree a time', () => {
    const talk = {
      choice: 'laterToday' as const,
      startsAt: '2026-09-02T09:30:00.000Z',
      endsAt: '2026-09-02T10:00:00.000Z',
    };
    const withTalk = { observation: sampleObservation({ talk }), names: sampleNames };
    assert.match(textOf(upcoming({ items: [withTalk] })), /Talk it over: Wed, 2 Sept 2026, 11:30–12:00/);
    assert.match(textOf(upcoming()), /Talk it over: a time you agree/);
    assert.match(textOf(upcoming({ items: [withTalk] }, swedish)), /Samtal: ons 2 sep. 2026 11:30–12:00/);
  });
});
