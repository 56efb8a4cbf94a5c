import assert from 'node:assert/strict';
import {
  avery,
  blake,
  botAddedToTeam,
  channelMessage,
  chris,
  dana,
  eli,
  execute,
  installed,
} from '../support/activities';
import { cardOf, createProgramme, invokeCard, startTestBot, TestBot, textOf } from '../support/test-bot';

const team = { id: '19:clinical-supervisors@thread.tacv2', name: 'Clinical supervisors' };

describe('e2e: enrolling a whole team, and people who cannot be reached', () => {
  let bot: TestBot;
  let svc: string;
  beforeEach(async () => {
    bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId });
    svc = bot.connector.url;
  });
  afterEach(() => bot.close());

  it('enrols the team roster, welcomes those with the app, lists those without, and pairs an odd number as a trio', async () => {
    await bot.post(installed(avery, svc));
    await bot.post(installed(blake, svc));
    await bot.post(installed(chris, svc));
    // Dana is on the team but has not installed the app
    await bot.post(botAddedToTeam(avery, svc, team));
    assert.match(textOf(cardOf(bot.connector.to(team.id).at(-1))), /Peer Coach is here/);
    // in the channel, only help is answered; the rest belongs in the 1:1 chat where nobody else sees it
    await bot.post({ ...channelMessage(avery, svc, team, '<at>Peer Coach</at> programmes') });
    assert.match(String(bot.connector.to(team.id).at(-1)?.text), /1:1 chat/);
    await bot.post({ ...channelMessage(avery, svc, team, 'programmes') });
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
    const enrolCard = invokeCard((await bot.post(execute(avery, svc, 'enrol.open', { programmeId }))).body);
    assert.match(textOf(enrolCard), /Clinical supervisors/);

    const report = textOf(
      invokeCard((await bot.post(execute(avery, svc, 'enrol.save', { programmeId, teamIds: team.id }))).body),
    );
    assert.match(report, /Enrolled now \(4\)/);
    assert.match(report, /Not reachable yet \(1\)/);
    assert.match(report, /Ask them to add Peer Coach in Teams: Dana Ek/);
    assert.match(
      textOf(cardOf(bot.connector.to(blake.conversationId).at(-1))),
      /You are enrolled in Surgery term/,
    );

    // enrolling the same team again changes nothing
    const again = textOf(
      invokeCard((await bot.post(execute(avery, svc, 'enrol.save', { programmeId, teamIds: team.id }))).body),
    );
    assert.match(again, /Enrolled now \(0\)/);
    assert.match(again, /Already enrolled \(4\)/);

    // four people: two pairs; then Dana installs and a late enrolee makes a trio, nobody left out
    const paired = textOf(
      invokeCard((await bot.post(execute(avery, svc, 'pairing.auto', { programmeId }))).body),
    );
    assert.match(paired, /New pairs \(2\)/);
    await bot.post(installed(eli, svc));
    await bot.post(execute(avery, svc, 'enrol.save', { programmeId, people: eli.aadObjectId }));
    const trio = textOf(
      invokeCard((await bot.post(execute(avery, svc, 'pairing.auto', { programmeId }))).body),
    );
    assert.match(trio, /Joined as a trio/);
    assert.match(trio, /Eli Fors/);
    await bot.connector.waitFor(() =>
      /You have a peer/.test(textOf(cardOf(bot.connector.to(eli.conversationId).at(-1)))),
    );
  });

  it('treats a person who blocked the bot as unreachable and forgets the conversation', async () => {
    await bot.post(installed(avery, svc));
    await bot.post(installed(blake, svc));
    bot.connector.failures.set(blake.conversationId, { status: 403, code: 'ConversationBlockedByUser' });
    const { programmeId } = await createProgramme(bot, avery, 'Blocked');
    const report = textOf(
      invokeCard(
        (await bot.post(execute(avery, svc, 'enrol.save', { programmeId, people: blake.aadObjectId }))).body,
      ),
    );
    assert.match(report, /Not reachable yet \(1\)/);
    const stored = await bot.app.store.containers.people.item(blake.aadObjectId, blake.aadObjectId).read();
    assert.equal(stored.resource?.reach, undefined);
  });
});
