import assert from 'node:assert/strict';
import { newPerson } from '../../src/domain/people';
import { PeopleService } from '../../src/domain/people-service';
import { supportedLanguages } from '../../src/i18n';
import {
  entraId,
  openProgrammeWorld,
  personalReach,
  ProgrammeWorld,
  sighting,
  supervisor,
} from '../support/domain-fixtures';
import { TestClock } from '../support/test-clock';
import { openTestStore, TestStore } from '../support/test-store';
import { eachTest } from '../support/each-test';

describe('PeopleService (real SDK, embedded server)', () => {
  const configuredCoordinator = entraId(0xc0);
  let clock: TestClock;
  let t: TestStore;
  let people: PeopleService;

  eachTest(
    () => openTestStore((clock = new TestClock())),
    (opened) => {
      t = opened;
      people = new PeopleService(t.repos, clock, [configuredCoordinator], supportedLanguages);
    },
  );

  const stored = async (id: string) => t.repos.people.read(id, id);

  describe('recognise', () => {
    it('creates a person from their first message, under their lower-cased id', async () => {
      const p = await people.recognise(sighting({ personId: entraId(1).toUpperCase() }));
      assert.equal(p.id, entraId(1));
      const saved = await stored(entraId(1));
      assert.equal(saved?.doc.displayName, 'Avery Lind');
      assert.deepEqual(saved?.doc.reach, personalReach());
    });

    it('refreshes what changed on a later message', async () => {
      await people.recognise(sighting());
      clock.advance(60_000);
      const p = await people.recognise(sighting({ locale: 'sv-SE', timeZone: 'Europe/Helsinki' }));
      assert.deepEqual(p.seen, { locale: 'sv-SE', timeZone: 'Europe/Helsinki' });
      assert.deepEqual((await stored(entraId(1)))?.doc.seen, {
        locale: 'sv-SE',
        timeZone: 'Europe/Helsinki',
      });
      assert.equal((await stored(entraId(1)))?.doc.updatedAt, clock.now().toISOString());
    });

    it('writes nothing when a message tells us nothing new', async () => {
      await people.recognise(sighting());
      const before = await stored(entraId(1));
      clock.advance(60_000);
      const p = await people.recognise(sighting());
      assert.equal(p.displayName, 'Avery Lind');
      assert.equal((await stored(entraId(1)))?.etag, before?.etag);
    });
  });

  describe('installed and uninstalled', () => {
    it('welcomes a person once, even when two install events race', async () => {
      const results = await Promise.all([people.installed(sighting()), people.installed(sighting())]);
      assert.equal(results.filter((r) => r.welcome).length, 1);
      assert.ok(results.every((r) => r.person.welcomedAt === clock.now().toISOString()));
    });

    it('does not welcome again on a later install event while still installed', async () => {
      assert.equal((await people.installed(sighting())).welcome, true);
      clock.advance(60_000);
      assert.equal((await people.installed(sighting({ locale: 'sv-SE' }))).welcome, false);
    });

    it('welcomes someone the bot already knew from a team, once they install the app', async () => {
      await people.recognise(sighting({ personalReach: undefined }));
      const { welcome, person } = await people.installed(sighting());
      assert.equal(welcome, true);
      assert.deepEqual(person.reach, personalReach());
    });

    it('forgets how to reach a person on uninstall and welcomes them again when they reinstall', async () => {
      await people.installed(sighting());
      await people.uninstalled(entraId(1).toUpperCase());
      const gone = await stored(entraId(1));
      assert.equal(gone?.doc.reach, undefined);
      assert.equal(gone?.doc.welcomedAt, undefined);
      assert.equal(gone?.doc.displayName, 'Avery Lind', 'the person is still known');

      clock.advance(86_400_000);
      const again = await people.installed(sighting());
      assert.equal(again.welcome, true);
      assert.deepEqual(again.person.reach, personalReach());
    });

    it('keeps programme places on uninstall', async () => {
      await people.installed(sighting());
      const current = (await stored(entraId(1)))!;
      await t.repos.people.replace({ ...current.doc, programmeIds: ['programme-1'] }, current.etag);
      await people.uninstalled(entraId(1));
      assert.deepEqual((await stored(entraId(1)))?.doc.programmeIds, ['programme-1']);
    });
  });

  describe('updateProfile', () => {
    beforeEach(() => people.recognise(sighting()));

    it('refuses an unknown time zone, an unsupported language and an overlong department, all at once', async () => {
      const result = await people.updateProfile(entraId(1), {
        timeZone: 'Europe/Atlantis',
        locale: 'tlh',
        department: 'x'.repeat(81),
      });
      assert.deepEqual(result, {
        ok: false,
        errors: {
          timeZone: 'profile.error.timeZone',
          locale: 'profile.error.locale',
          department: 'profile.error.department',
        },
      });
      assert.deepEqual((await stored(entraId(1)))?.doc.preferences, {}, 'nothing was saved');
    });

    it('saves the chosen time zone, language and department (whitespace tidied)', async () => {
      const result = await people.updateProfile(entraId(1), {
        timeZone: ' Europe/London ',
        locale: 'en',
        department: '  Paediatric   surgery ',
      });
      assert.equal(result.ok, true);
      const saved = (await stored(entraId(1)))!.doc;
      assert.deepEqual(saved.preferences, { timeZone: 'Europe/London', locale: 'en' });
      assert.equal(saved.department, 'Paediatric surgery');
    });

    it('goes back to following Teams and forgets the department when the fields are emptied', async () => {
      await people.updateProfile(entraId(1), {
        timeZone: 'Europe/London',
        locale: 'en',
        department: 'Surgery',
      });
      await people.updateProfile(entraId(1), { timeZone: '', locale: ' ', department: '' });
      const saved = (await stored(entraId(1)))!.doc;
      assert.equal(saved.preferences.timeZone, undefined);
      assert.equal(saved.preferences.locale, undefined);
      assert.equal(saved.department, undefined);
    });
  });

  describe('setPaused', () => {
    beforeEach(() => people.recognise(sighting()));

    it('pauses and resumes, saying whether anything changed', async () => {
      assert.equal((await people.setPaused(entraId(1), true)).changed, true);
      assert.equal((await stored(entraId(1)))?.doc.paused, true);
      const again = await people.setPaused(entraId(1), true);
      assert.equal(again.changed, false);
      assert.equal(again.person.paused, true);
      assert.equal((await people.setPaused(entraId(1), false)).changed, true);
      assert.equal((await stored(entraId(1)))?.doc.paused, false);
    });
  });

  describe('coordinators', () => {
    it('counts people named in configuration as coordinators, before and after they have a document', async () => {
      const configured = await people.recognise(
        sighting({ personId: configuredCoordinator, displayName: 'Cleo Coordinator' }),
      );
      assert.equal(configured.coordinator, false, 'the role is not written into their document');
      assert.equal(people.isCoordinator(configured), true);
      assert.equal(
        people.isCoordinator(newPerson(configuredCoordinator.toUpperCase(), 'Cleo', clock.now())),
        true,
      );
      assert.equal(people.isCoordinator(await people.recognise(sighting())), false);
    });

    it('refuses to let someone who is not a coordinator add one', async () => {
      const avery = await people.recognise(sighting());
      assert.equal(await people.addCoordinator(avery, entraId(2), 'Blake Berg'), 'forbidden');
      assert.equal(await stored(entraId(2)), undefined);
    });

    it('lets a coordinator add another, who may then add more; a repeat is "already"', async () => {
      const cleo = await people.recognise(
        sighting({ personId: configuredCoordinator, displayName: 'Cleo Coordinator' }),
      );
      assert.equal(await people.addCoordinator(cleo, entraId(2).toUpperCase(), 'Blake Berg'), 'added');
      const blake = (await stored(entraId(2)))!.doc;
      assert.equal(blake.coordinator, true);
      assert.equal(blake.displayName, 'Blake Berg');
      assert.equal(people.isCoordinator(blake), true);

      assert.equal(await people.addCoordinator(cleo, entraId(2), 'Blake Berg'), 'already');
      assert.equal(await people.addCoordinator(blake, entraId(3), 'Chris Dahl'), 'added');
    });

    it('makes a person the bot already knows a coordinator without losing what it knew', async () => {
      const cleo = await people.recognise(
        sighting({ personId: configuredCoordinator, displayName: 'Cleo Coordinator' }),
      );
      await people.recognise(sighting());
      assert.equal(await people.addCoordinator(cleo, entraId(1), 'ignored name'), 'added');
      const avery = (await stored(entraId(1)))!.doc;
      assert.equal(avery.displayName, 'Avery Lind');
      assert.deepEqual(avery.reach, personalReach());
    });

    it('answers "already" for someone named in configuration', async () => {
      const cleo = await people.recognise(
        sighting({ personId: configuredCoordinator, displayName: 'Cleo Coordinator' }),
      );
      assert.equal(await people.addCoordinator(cleo, configuredCoordinator.toUpperCase(), 'Cleo'), 'already');
    });

    it('lists stored and configured coordinators together, marking which come from configuration', async () => {
      const cleo = await people.recognise(
        sighting({ personId: configuredCoordinator, displayName: 'Cleo Coordinator' }),
      );
      await people.addCoordinator(cleo, entraId(2), 'Blake Berg');
      assert.deepEqual(await people.coordinators(), [
        { personId: entraId(2), displayName: 'Blake Berg', configured: false },
        { personId: configuredCoordinator, displayName: 'Cleo Coordinator', configured: true },
      ]);
    });

    it('lists a configured coordinator the bot has not met yet, without a name', async () => {
      assert.deepEqual(await people.coordinators(), [
        { personId: configuredCoordinator, displayName: '', configured: true },
      ]);
    });
  });
});

describe('PeopleService: names reach the coordinator’s lists', () => {
  let world: ProgrammeWorld;
  eachTest(openProgrammeWorld, (opened) => (world = opened));

  it('fills in an enrolment’s name once Teams tells us the person’s name', async () => {
    const unnamed = supervisor(0x51, '');
    await world.enrol(unnamed);
    assert.equal((await world.enrolment(unnamed.personId))?.displayName, '');
    const people = new PeopleService(world.store.repos, world.clock, [], supportedLanguages);
    await people.recognise(sighting({ personId: unnamed.personId, displayName: 'Sam Nyström' }));
    assert.equal((await world.enrolment(unnamed.personId))?.displayName, 'Sam Nyström');
  });
});
