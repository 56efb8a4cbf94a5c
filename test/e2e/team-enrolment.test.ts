import assert from 'node:assert/strict';
import { e2eBot } from '../support/e2e-bot';
import {
  avery,
  blake,
  botAddedToTeam,
  channelMessage,
  chris,
  dana,
  eli,
  execute,
} from '../support/activities';
import { cardOf, createProgramme, textOf } from '../support/test-bot';

const team = { id: '19:clinical-supervisors@thread.tacv2', name: 'Clinical supervisors' };

describe('e2e: enrolling a whole team, and people who cannot be reached', () => {
  const bot = e2eBot();

  it('enrols the team roster, welcomes those with the app, lists those without, and pairs an odd number as a trio', async () => {
    await bot.install(avery);
    await bot.install(blake);
    await bot.install(chris);
    // Dana is on the team but has not installed the app
    await bot.post(botAddedToTeam(avery, bot.svc, team));
    assert.match(textOf(cardOf(bot.connector.to(team.id).at(-1))), /Peer Coach is here/);
    // in the channel, only help is answered; the rest belongs in the 1:1 chat where nobody else sees it
    await bot.post({ ...channelMessage(avery, bot.svc, team, '<at>Peer Coach</at> programmes') });
    assert.match(String(bot.connector.to(team.id).at(-1)?.text), /1:1 chat/);
    await bot.post({ ...channelMessage(avery, bot.svc, team, 'programmes') });
    assert.equal(
      bot.connector.to(team.id).length,
      2,
      'a channel message without an @mention is not for the bot',
    );
    bot.connector.rosters.set(
      team.id,
      [avery, blake, chris, dana].map((u) => ({
        id: `29:${u.aadObjectId}`,
        name: u.name,
        aadObjectId: u.aadObjectId,
      })),
    );

    const { programmeId } = await createProgramme(bot, avery, 'Surgery term');
    const enrolCard = await bot.click(avery, 'enrol.open', { programmeId });
    assert.match(textOf(enrolCard), /Clinical supervisors/);

    const report = textOf(await bot.click(avery, 'enrol.save', { programmeId, teamIds: team.id }));
    assert.match(report, /Enrolled now \(4\)/);
    assert.match(report, /Not reachable yet \(1\)/);
    assert.match(report, /Ask them to add Peer Coach in Teams: Dana Ek/);
    assert.match(textOf(bot.lastCardTo(blake)), /You are enrolled in Surgery term/);

    // enrolling the same team again changes nothing
    const again = textOf(await bot.click(avery, 'enrol.save', { programmeId, teamIds: team.id }));
    assert.match(again, /Enrolled now \(0\)/);
    assert.match(again, /Already enrolled \(4\)/);

    // four people: two pairs; then Dana installs and a late enrolee makes a trio, nobody left out
    const paired = textOf(await bot.click(avery, 'pairing.auto', { programmeId }));
    assert.match(paired, /New pairs \(2\)/);
    await bot.install(eli);
    await bot.post(execute(avery, bot.svc, 'enrol.save', { programmeId, people: eli.aadObjectId }));
    const trio = textOf(await bot.click(avery, 'pairing.auto', { programmeId }));
    assert.match(trio, /Joined as a trio/);
    assert.match(trio, /Eli Fors/);
    await bot.connector.waitFor(() => /You have a peer/.test(textOf(bot.lastCardTo(eli))));
  });

  it('treats a person who blocked the bot as unreachable and forgets the conversation', async () => {
    await bot.install(avery);
    await bot.install(blake);
    bot.connector.failures.set(blake.conversationId, { status: 403, code: 'ConversationBlockedByUser' });
    const { programmeId } = await createProgramme(bot, avery, 'Blocked');
    const report = textOf(await bot.click(avery, 'enrol.save', { programmeId, people: blake.aadObjectId }));
    assert.match(report, /Not reachable yet \(1\)/);
    const stored = await bot.app.store.containers.people.item(blake.aadObjectId, blake.aadObjectId).read();
    assert.equal(stored.resource?.reach, undefined);
  });
});
