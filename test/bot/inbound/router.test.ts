import assert from 'node:assert/strict';
import sinon from 'sinon';
import { invokeRefusal, isVerb, runAction, runCommand } from '../../../src/bot/inbound/router';
import { verbs } from '../../../src/bot/verbs';
import { actorOf, botServices } from '../../support/bot-actors';
import { textOf } from '../../support/test-bot';

const supervisor = actorOf();
const coordinator = actorOf({ coordinator: true });
const words = supervisor.words;
const inChannel = (actor = supervisor) => ({ ...actor, chat: 'shared' as const });

describe('router', () => {
  const sandbox = sinon.createSandbox();
  afterEach(() => sandbox.restore());

  describe('runCommand', () => {
    it('answers help anywhere, a channel included', async () => {
      const reply = await runCommand('help', inChannel(), botServices());
      assert.ok('card' in reply);
    });

    it('refuses a personal-only command in a channel, before the coordinator check', async () => {
      const reply = await runCommand('report', inChannel(), botServices());
      assert.deepEqual(reply, { text: words.t('common.personalOnly') });
    });

    it('refuses a coordinator command from a supervisor without running it', async () => {
      const list = sandbox.stub().resolves([]);
      const reply = await runCommand('programmes', supervisor, botServices({ programmes: { list } }));
      assert.deepEqual(reply, { text: words.t('common.notCoordinator') });
      assert.equal(list.called, false);
    });

    it('runs a coordinator command for a coordinator', async () => {
      const list = sandbox.stub().resolves([]);
      await runCommand('programmes', coordinator, botServices({ programmes: { list } }));
      assert.equal(list.calledOnce, true);
    });
  });

  describe('runAction', () => {
    it('points an unknown verb (an old or tampered card) at help and changes nothing', async () => {
      for (const verb of ['no.such.verb', 'constructor', '__proto__']) {
        const result = await runAction(verb, coordinator, {}, botServices());
        assert.deepEqual(result, { reply: { text: words.t('common.stale') } }, verb);
      }
    });

    it('refuses a personal-only verb clicked in a channel with one line and nothing else', async () => {
      const result = await runAction(verbs.askToErase, inChannel(), {}, botServices());
      assert.deepEqual(result, { refusal: words.t('common.personalOnly') });
    });

    it('refuses a command button in a channel when the command is personal-only', async () => {
      const result = await runAction(verbs.runCommand, inChannel(), { command: 'profile' }, botServices());
      assert.deepEqual(result, { refusal: words.t('common.personalOnly') });
      const help = await runAction(verbs.runCommand, inChannel(), { command: 'help' }, botServices());
      assert.ok(help.reply && 'card' in help.reply);
    });

    it('refuses a coordinator verb from a supervisor without running its handler', async () => {
      const get = sandbox.stub().resolves(undefined);
      const result = await runAction(verbs.openNudge, supervisor, {}, botServices({ programmes: { get } }));
      assert.deepEqual(result, { reply: { text: words.t('common.notCoordinator') } });
      assert.equal(get.called, false);
    });

    it('hands a coordinator verb from a coordinator to its handler', async () => {
      const get = sandbox.stub().resolves(undefined);
      const data = { programmeId: 'p1' };
      const result = await runAction(
        verbs.openNudge,
        coordinator,
        data,
        botServices({ programmes: { get } }),
      );
      assert.deepEqual(get.firstCall.args, ['p1']);
      assert.ok(textOf(result.update).includes(words.t('common.notFound')));
    });

    it('answers a command button naming no known command as stale', async () => {
      const result = await runAction(verbs.runCommand, supervisor, { command: 'rm -rf' }, botServices());
      assert.deepEqual(result, { reply: { text: words.t('common.stale') } });
    });
  });

  describe('isVerb', () => {
    it('knows every verb, and nothing an object inherits', () => {
      for (const verb of Object.values(verbs)) assert.equal(isVerb(verb), true, verb);
      assert.equal(isVerb('toString'), false);
    });
  });

  describe('invokeRefusal', () => {
    it('refuses a file-consent answer outside the 1:1 chat, and lets it run there', () => {
      assert.equal(invokeRefusal('fileConsentAccept', inChannel()), words.t('common.personalOnly'));
      assert.equal(invokeRefusal('fileConsentDecline', supervisor), undefined);
    });
  });
});
