import assert from 'node:assert/strict';
import { renderCalendarFile } from '../../src/calendar/ical-file';
import { Observation } from '../../src/domain/cycle/observation';
import { wordsFor } from '../../src/i18n';
import { entraId } from '../support/domain-fixtures';
import { sampleObservation } from '../support/card-samples';
import { parseIcs } from '../support/ical';

const host = entraId(0xb1);
const observer = entraId(0xc1);
const names = { [host]: 'Blake Berg', [observer]: 'Chris Dahl' };
/**
 * Monday 26 October 2026, 08:30–09:30 UTC: Stockholm has just left summer time (09:30 there), New
 * York has not (04:30); the talk is the next morning.
 */
const observation = sampleObservation({
  id: 'observation:5f0c6f5e-8a55-4d7e-9a0e-1a1a1a1a1a1a',
  memberIds: [host, observer],
  hostId: host,
  observerIds: [observer],
  startsAt: '2026-10-26T08:30:00.000Z',
  endsAt: '2026-10-26T09:30:00.000Z',
  talk: {
    choice: 'nextWorkingDay',
    startsAt: '2026-10-27T07:00:00.000Z',
    endsAt: '2026-10-27T07:30:00.000Z',
  },
});
const now = new Date('2026-10-20T12:00:00.000Z');

const fileFor = (viewerId: string, zone: string, locale: string, o: Observation = observation) =>
  parseIcs(
    renderCalendarFile(
      { observation: o, names, viewerId, viewerTag: viewerId === host ? 'tagOfHost' : 'tagOfObserver', now },
      wordsFor(locale, zone),
    ),
  );

describe('renderCalendarFile', () => {
  it("gives the host in Stockholm and the observer in New York the observation's own instants, in UTC, across the change of clocks", async () => {
    for (const file of [
      await fileFor(host, 'Europe/Stockholm', 'sv-SE'),
      await fileFor(observer, 'America/New_York', 'en-US'),
    ]) {
      assert.equal(file.method, 'PUBLISH');
      assert.deepEqual(
        file.events.map((e) => [e.start, e.end, e.utc, e.status, e.sequence, e.stamp]),
        [
          [observation.startsAt, observation.endsAt, true, 'CONFIRMED', 1, now.toISOString()],
          [observation.talk!.startsAt, observation.talk!.endsAt, true, 'CONFIRMED', 1, now.toISOString()],
        ],
      );
    }
  });

  it("titles the entries with the peer's name in the reader's language, and places them in the setting", async () => {
    const swedish = (await fileFor(host, 'Europe/Stockholm', 'sv-SE')).events;
    assert.deepEqual(
      swedish.map((e) => [e.summary, e.location]),
      [
        ['Kollegial observation med Chris Dahl', 'Rond'],
        ['Samtal om observationen med Chris Dahl', 'Rond'],
      ],
    );
    const english = (await fileFor(observer, 'America/New_York', 'en-US')).events;
    assert.deepEqual(
      english.map((e) => [e.summary, e.location]),
      [
        ['Peer observation with Blake Berg', 'Ward round'],
        ['Talk it over with Blake Berg', 'Ward round'],
      ],
    );
  });

  it('holds no description, no learner level and nobody else: only names, setting and times', async () => {
    const ics = renderCalendarFile(
      { observation, names, viewerId: host, viewerTag: 'tag', now },
      wordsFor('en', 'Europe/Stockholm'),
    );
    assert.doesNotMatch(ics, /DESCRIPTION|ATTENDEE|ORGANIZER|Late-stage|student/i);
    assert.ok(!ics.includes(host) && !ics.includes(observer), 'no Entra id');
    assert.ok(!ics.includes('Blake Berg'), "the reader's own name is not in their entry");
  });

  it('gives each person and event its own UID, the same after a move, with a higher SEQUENCE', async () => {
    const before = await fileFor(host, 'Europe/Stockholm', 'en');
    const moved = await fileFor(host, 'Europe/Stockholm', 'en', {
      ...observation,
      startsAt: '2026-10-28T08:30:00.000Z',
      endsAt: '2026-10-28T09:30:00.000Z',
      revision: 2,
    });
    const peer = await fileFor(observer, 'America/New_York', 'en');
    assert.deepEqual(
      moved.events.map((e) => e.uid),
      before.events.map((e) => e.uid),
    );
    assert.equal(new Set([...before.events, ...peer.events].map((e) => e.uid)).size, 4);
    assert.deepEqual(
      moved.events.map((e) => e.sequence),
      [2, 2],
    );
    assert.equal(moved.events[0]!.start, '2026-10-28T08:30:00.000Z');
  });

  it('cancels both events of an observation that was cancelled, or did not happen', async () => {
    for (const status of ['cancelled', 'didNotHappen'] as const) {
      const file = await fileFor(host, 'Europe/Stockholm', 'en', { ...observation, status, revision: 3 });
      assert.equal(file.method, 'CANCEL');
      assert.deepEqual(
        file.events.map((e) => [e.status, e.sequence]),
        [
          ['CANCELLED', 3],
          ['CANCELLED', 3],
        ],
      );
    }
  });

  it('has one event when no talk is planned', async () => {
    const { talk: _talk, ...withoutTalk } = observation;
    assert.deepEqual((await fileFor(host, 'Europe/Stockholm', 'en', withoutTalk)).events.length, 1);
  });
});
