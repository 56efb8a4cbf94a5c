import assert from 'node:assert/strict';
import { Activity } from 'botbuilder';
import { isPersonal, reachOf, sightingOf, teamOf } from '../../../src/bot/inbound/activity-reader';
import {
  avery,
  channelMessage,
  fromSharedChat,
  groupChat,
  message,
  tenantId,
} from '../../support/activities';

const svc = 'https://smba.example/';
const team = { id: '19:team@thread.tacv2', name: 'Surgery' };
/** an activity as it arrives: only typed by the sender's word */
const odd = (a: object) => a as Partial<Activity>;

describe('activity-reader', () => {
  describe('isPersonal', () => {
    it('takes a 1:1 chat as personal', () => {
      assert.equal(isPersonal(odd(message(avery, svc, 'hi'))), true);
    });

    it('takes a channel, a group chat or any team in channelData as shared', () => {
      assert.equal(isPersonal(odd(channelMessage(avery, svc, team, 'hi'))), false);
      assert.equal(isPersonal(odd(fromSharedChat(message(avery, svc, 'hi'), groupChat('19:g')))), false);
      const claimsPersonal = { ...message(avery, svc, 'hi'), channelData: { team: { id: 42 } } };
      assert.equal(isPersonal(odd(claimsPersonal)), false);
      const isGroup = { ...message(avery, svc, 'hi'), conversation: { id: 'a:1', isGroup: true } };
      assert.equal(isPersonal(odd(isGroup)), false);
    });

    it('takes a conversation that names no type as personal', () => {
      assert.equal(isPersonal(odd({ conversation: { id: 'a:1' } })), true);
    });
  });

  describe('teamOf', () => {
    it('reads the team and its name from channelData', () => {
      assert.deepEqual(teamOf(odd(channelMessage(avery, svc, team, 'hi'))), team);
    });

    it('has no team for a 1:1 chat, nor for a team id no document could carry', () => {
      assert.equal(teamOf(odd(message(avery, svc, 'hi'))), undefined);
      for (const id of ['a/b', 'x'.repeat(256), '  ', 7, ''])
        assert.equal(teamOf(odd({ channelData: { team: { id } } })), undefined, String(id));
    });

    it('keeps a team whose name is missing, with a blank name', () => {
      assert.deepEqual(teamOf(odd({ channelData: { team: { id: 'T1', name: 5 } } })), { id: 'T1', name: '' });
    });
  });

  describe('reachOf', () => {
    it('reads where to write back, with the tenant from the conversation', () => {
      assert.deepEqual(reachOf(odd(message(avery, svc, 'hi'))), {
        conversationId: avery.conversationId,
        serviceUrl: svc,
        tenantId,
        botId: '28:peer-coach-bot',
      });
    });

    it('takes the tenant from channelData when the conversation does not name it', () => {
      const a = message(avery, svc, 'hi');
      const reach = reachOf(odd({ ...a, conversation: { id: 'a:1' }, channelData: { tenant: { id: 'T' } } }));
      assert.equal(reach?.tenantId, 'T');
    });

    it('has no reach without a conversation, a serviceUrl or a bot id', () => {
      const a = message(avery, svc, 'hi');
      assert.equal(reachOf(odd({ ...a, serviceUrl: '' })), undefined);
      assert.equal(reachOf(odd({ ...a, conversation: { id: 3 } })), undefined);
      assert.equal(reachOf(odd({ ...a, recipient: {} })), undefined);
    });
  });

  describe('sightingOf', () => {
    it('reads the sender, their language, time zone and 1:1 chat with their Teams user id', () => {
      const s = sightingOf(odd(message(avery, svc, 'hi')));
      assert.deepEqual(s, {
        personId: avery.aadObjectId,
        displayName: 'Avery Lind',
        locale: 'en-GB',
        timeZone: 'Europe/Stockholm',
        personalReach: { ...reachOf(odd(message(avery, svc, 'hi'))), userId: `29:${avery.aadObjectId}` },
      });
    });

    it('sees nobody in a sender without an Entra object id (a bot, a system event)', () => {
      const a = message(avery, svc, 'hi');
      assert.equal(sightingOf(odd({ ...a, from: { id: '28:other-bot' } })), undefined);
      assert.equal(sightingOf(odd({ ...a, from: { id: '29:x', aadObjectId: '../etc' } })), undefined);
    });

    it('ignores a time zone or locale that is not one', () => {
      const a = message(avery, svc, 'hi');
      const s = sightingOf(
        odd({ ...a, locale: 'not a locale!', entities: [{ type: 'clientInfo', timezone: 'Mars/Olympus' }] }),
      );
      assert.equal(s?.locale, undefined);
      assert.equal(s?.timeZone, undefined);
    });

    it('takes the locale from clientInfo when the activity has none, and survives odd entities', () => {
      const a = message(avery, svc, 'hi');
      const s = sightingOf(
        odd({ ...a, locale: undefined, entities: [null, { type: 'clientInfo', locale: 'sv-SE' }] }),
      );
      assert.equal(s?.locale, 'sv-SE');
      assert.equal(sightingOf(odd({ ...a, entities: 'x' }))?.timeZone, undefined);
    });

    it('gives no 1:1 chat for a message from a channel, where the reach is the channel’s', () => {
      assert.equal(sightingOf(odd(channelMessage(avery, svc, team, 'hi')))?.personalReach, undefined);
    });
  });
});
