import assert from 'node:assert/strict';
import sinon from 'sinon';
import { help, pause, resume, saveProfile } from '../../../src/bot/handlers/person-handlers';
import { actorOf, botServices, reachablePerson } from '../../support/bot-actors';
import { swedish } from '../../support/card-samples';
import { textOf } from '../../support/test-bot';

const words = actorOf().words;
const cardText = (reply: object) => textOf((reply as { card: unknown }).card);

describe('person-handlers', () => {
  const sandbox = sinon.createSandbox();
  afterEach(() => sandbox.restore());

  describe('help', () => {
    it('lists a coordinator’s commands in their 1:1 chat', () => {
      const text = cardText(help(actorOf({ coordinator: true })));
      assert.ok(text.includes('new programme'));
    });

    it('says nothing about the asker in a channel: no coordinator commands', () => {
      const text = cardText(help(actorOf({ coordinator: true, chat: 'shared' })));
      assert.ok(!text.includes('new programme'));
    });
  });

  describe('pause and resume', () => {
    it('pause the person, and say when they already were', async () => {
      const setPaused = sandbox.stub().resolves({ changed: true });
      const services = botServices({ people: { setPaused } });
      assert.deepEqual(await pause(actorOf(), services), { text: words.t('common.paused') });
      assert.deepEqual(setPaused.firstCall.args, [actorOf().person.id, true]);
      setPaused.resolves({ changed: false });
      assert.deepEqual(await pause(actorOf(), services), { text: words.t('common.alreadyPaused') });
    });

    it('resume the person, and say when they were not paused', async () => {
      const setPaused = sandbox.stub().resolves({ changed: false });
      const reply = await resume(actorOf(), botServices({ people: { setPaused } }));
      assert.deepEqual(reply, { text: words.t('common.alreadyResumed') });
      assert.equal(setPaused.firstCall.args[1], false);
    });
  });

  describe('saveProfile', () => {
    it('keeps what was typed on the card, with the errors, when the profile is refused', async () => {
      const updateProfile = sandbox
        .stub()
        .resolves({ ok: false, errors: { timeZone: 'profile.error.timeZone' } });
      const data = { timeZone: 'Mars/Olympus', locale: '', department: 'Surgery' };
      const result = await saveProfile(actorOf(), data, botServices({ people: { updateProfile } }));
      assert.ok(JSON.stringify(result.update).includes('Mars/Olympus'));
      assert.ok(textOf(result.update).includes(words.t('profile.error.timeZone')));
    });

    it('confirms a saved profile in the newly chosen language', async () => {
      const saved = reachablePerson(1, 'Avery Lind', {
        preferences: { locale: 'sv-SE', timeZone: 'Europe/Stockholm' },
      });
      const updateProfile = sandbox.stub().resolves({ ok: true, person: saved });
      const result = await saveProfile(
        actorOf(),
        { timeZone: 'Europe/Stockholm', locale: 'sv-SE' },
        botServices({ people: { updateProfile } }),
      );
      const message = swedish.t('profile.saved', {
        timeZone: 'Europe/Stockholm',
        language: swedish.t('language.sv'),
      });
      assert.ok(textOf(result.update).includes(message));
    });
  });
});
