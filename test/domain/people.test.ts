import assert from 'node:assert/strict';
import { applySighting, isReachable, newPerson, Person } from '../../src/domain/people';
import { entraId, personalReach, sighting } from '../support/domain-fixtures';
import { TestClock } from '../support/test-clock';

describe('people', () => {
  const clock = new TestClock('2026-09-01T08:00:00Z');
  const later = new Date('2026-09-02T09:30:00Z');

  /** the person as stored after their first message in the 1:1 chat */
  function known(): Person {
    return applySighting(undefined, sighting(), clock.now())!;
  }

  describe('newPerson', () => {
    it('stores the Entra object id trimmed and lower-cased, so one person is one document', () => {
      const p = newPerson('  AAAAAAAA-0000-4000-8000-00000000000A ', 'Avery Lind', clock.now());
      assert.equal(p.id, 'aaaaaaaa-0000-4000-8000-00000000000a');
    });

    it('starts unpaused, not a coordinator, in no programme and without a way to reach them', () => {
      const p = newPerson(entraId(1), 'Avery Lind', clock.now());
      assert.deepEqual(p, {
        type: 'person',
        id: entraId(1),
        displayName: 'Avery Lind',
        seen: {},
        preferences: {},
        paused: false,
        coordinator: false,
        programmeIds: [],
        createdAt: '2026-09-01T08:00:00.000Z',
        updatedAt: '2026-09-01T08:00:00.000Z',
      });
      assert.equal(isReachable(p), false);
    });
  });

  describe('applySighting', () => {
    it('keeps the sign-in name from the roster, lower-cased, until a new one is read', () => {
      const p = applySighting(
        known(),
        sighting({ userPrincipalName: ' Blake.Berg@Hospital.example ' }),
        later,
      )!;
      assert.equal(p.userPrincipalName, 'blake.berg@hospital.example');
      assert.equal(applySighting(p, sighting(), later), undefined, 'a message without it changes nothing');
    });

    it('refuses a sign-in name that could smuggle something into a link', () => {
      for (const upn of ['blake', 'a@b@c', 'a@b&attendees=x@y', 'a b@c', 'a@b,c@d', 'x'.repeat(300) + '@b']) {
        assert.equal(applySighting(known(), sighting({ userPrincipalName: upn }), later), undefined, upn);
      }
    });

    it('creates the person from their first message, with how to reach them', () => {
      const p = applySighting(undefined, sighting({ personId: entraId(1).toUpperCase() }), clock.now());
      assert.ok(p);
      assert.equal(p.id, entraId(1));
      assert.equal(p.displayName, 'Avery Lind');
      assert.deepEqual(p.reach, personalReach());
      assert.deepEqual(p.seen, { locale: 'en-GB', timeZone: 'Europe/Stockholm' });
      assert.ok(isReachable(p));
    });

    it('changes nothing (so nothing is written) when a message tells us nothing new', () => {
      assert.equal(applySighting(known(), sighting(), later), undefined);
    });

    it('picks up a new serviceUrl for the 1:1 chat', () => {
      const moved = personalReach({ serviceUrl: 'https://smba.trafficmanager.net/amer/' });
      const p = applySighting(known(), sighting({ personalReach: moved }), later);
      assert.deepEqual(p?.reach, moved);
      assert.equal(p?.updatedAt, later.toISOString());
      assert.equal(p?.createdAt, clock.now().toISOString(), 'the creation time stays');
    });

    it('picks up a new locale and a new time zone from the Teams client', () => {
      const p = applySighting(known(), sighting({ locale: 'sv-SE', timeZone: 'America/New_York' }), later);
      assert.deepEqual(p?.seen, { locale: 'sv-SE', timeZone: 'America/New_York' });
    });

    it('picks up a changed display name, but an empty one does not erase it', () => {
      assert.equal(
        applySighting(known(), sighting({ displayName: 'Avery Lind-Berg' }), later)?.displayName,
        'Avery Lind-Berg',
      );
      assert.equal(applySighting(known(), sighting({ displayName: '' }), later), undefined);
    });

    it('keeps how to reach them when a message comes from a team channel instead of the 1:1 chat', () => {
      assert.equal(applySighting(known(), sighting({ personalReach: undefined }), later), undefined);
      const renamed = applySighting(
        known(),
        sighting({ personalReach: undefined, displayName: 'Avery L.' }),
        later,
      );
      assert.deepEqual(renamed?.reach, personalReach());
    });

    it('keeps the last known locale and time zone when a client does not report them', () => {
      const p = applySighting(known(), sighting({ locale: undefined, timeZone: undefined }), later);
      assert.equal(p, undefined);
    });

    it('leaves what the person chose in their profile alone', () => {
      const chosen: Person = {
        ...known(),
        preferences: { locale: 'en', timeZone: 'Europe/London' },
        department: 'Surgery',
      };
      const p = applySighting(chosen, sighting({ timeZone: 'Asia/Tokyo' }), later);
      assert.deepEqual(p?.preferences, { locale: 'en', timeZone: 'Europe/London' });
      assert.equal(p?.department, 'Surgery');
    });
  });
});
