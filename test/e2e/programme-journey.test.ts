import assert from 'node:assert/strict';
import { e2eBot } from '../support/e2e-bot';
import { avery, blake, botAddedToPersonalChat, execute, installed, testUser } from '../support/activities';
import { cardOf, createProgramme, storedIn, textOf, verbsOf } from '../support/test-bot';
import { programmeInput } from '../support/domain-fixtures';

const chris = testUser('c', 'Chris Dahl', { timeZone: 'America/New_York', locale: 'en-US' });

describe('e2e: a coordinator sets up a programme over real HTTP', () => {
  const bot = e2eBot();

  it('welcomes a person once when the app is installed, with the confidentiality promise', async () => {
    assert.equal((await bot.post(installed(blake, bot.svc))).status, 200);
    // Teams also sends conversationUpdate for the same install: no second welcome
    assert.equal((await bot.post(botAddedToPersonalChat(blake, bot.svc))).status, 200);
    const sent = bot.connector.to(blake.conversationId);
    assert.equal(sent.length, 1);
    const text = textOf(cardOf(sent[0]));
    assert.match(text, /Welcome to Peer Coach/);
    assert.match(text, /Hello Blake Berg/);
    assert.match(text, /never what anyone wrote/);
  });

  it('install → programme → enrol two supervisors → pair them → both are told who their peer is', async () => {
    for (const u of [avery, blake, chris]) await bot.install(u);

    await bot.say(avery, '  New   Programme ');
    const form = bot.lastCardTo(avery);
    assert.match(textOf(form), /New programme/);
    assert.deepEqual(verbsOf(form), ['programme.save']);

    const { programmeId, card: programmeCard } = await createProgramme(bot, avery, 'Autumn term, Medicine');
    assert.match(textOf(programmeCard), /Autumn term, Medicine/);

    const enrolCard = await bot.click(avery, 'enrol.open', { programmeId });
    assert.match(textOf(enrolCard), /Blake Berg/);
    assert.match(textOf(enrolCard), /Chris Dahl/);

    const report = await bot.click(avery, 'enrol.save', {
      programmeId,
      people: `${blake.aadObjectId},${chris.aadObjectId}`,
    });
    assert.match(textOf(report), /Enrolled now \(2\)/);
    await bot.connector.waitFor(() => bot.connector.to(chris.conversationId).length >= 2);
    assert.match(textOf(bot.lastCardTo(blake)), /You are enrolled in Autumn term/);

    const pairing = await bot.click(avery, 'pairing.open', { programmeId });
    assert.match(textOf(pairing), /2 waiting for a peer/);
    const paired = await bot.click(avery, 'pairing.manual', {
      programmeId,
      first: blake.aadObjectId,
      second: chris.aadObjectId,
    });
    assert.match(textOf(paired), /Paired\n2/);

    await bot.connector.waitFor(() => bot.connector.to(chris.conversationId).length >= 3);
    const toBlake = textOf(bot.lastCardTo(blake));
    const toChris = textOf(bot.lastCardTo(chris));
    assert.match(toBlake, /You have a peer in Autumn term, Medicine/);
    assert.match(toBlake, /Your peer: Chris Dahl/);
    assert.match(toChris, /Your peer: Blake Berg/);
    // the pair card leads straight to scheduling the first observation
    assert.deepEqual(verbsOf(bot.lastCardTo(chris)), ['schedule.open']);

    // pairing the same two again changes nothing and says why
    const again = await bot.click(avery, 'pairing.manual', {
      programmeId,
      first: blake.aadObjectId,
      second: chris.aadObjectId,
    });
    assert.match(textOf(again), /Nobody is waiting for a peer/);
    assert.equal(bot.connector.to(blake.conversationId).length, 3);
  });

  it('refuses coordinator commands and card actions from a supervisor, and creates nothing', async () => {
    await bot.install(blake);
    for (const command of ['programmes', 'new programme', 'coordinators']) {
      await bot.say(blake, command);
      assert.match(String(bot.lastTo(blake)?.text), /for programme coordinators/);
    }
    const forged = await bot.post(
      execute(blake, bot.svc, 'programme.save', {
        name: 'Mine',
        startDate: '2026-09-01',
        endDate: '2026-12-01',
      }),
    );
    assert.equal(forged.status, 200);
    await bot.connector.waitFor(() => /for programme coordinators/.test(String(bot.lastTo(blake)?.text)));
    assert.deepEqual(await storedIn(bot, 'programmes'), []);
  });

  it('refuses programme dates outside a sane window, field by field, and stores nothing', async () => {
    await bot.install(avery);
    const save = async (startDate: string, endDate: string) =>
      await bot.click(avery, 'programme.save', programmeInput({ name: 'Far away', startDate, endDate }));
    const stored = () => storedIn(bot, 'programmes', 'programme');

    // today is 1 September 2026
    const farAhead = textOf(await save('9999-01-01', '9999-12-31'));
    assert.match(farAhead, /The last day can be at most three years from today/);
    const longAgo = textOf(await save('2025-08-31', '2026-12-31'));
    assert.match(longAgo, /The first day can be at most a year ago/);
    assert.doesNotMatch(longAgo, /three years from today/);
    assert.deepEqual(await stored(), []);

    // the edges of the window are fine
    const edges = textOf(await save('2025-09-01', '2028-08-31'));
    assert.doesNotMatch(edges, /at most a year ago|three years from today/);
    assert.equal((await stored()).length, 1);
  });

  it('answers unknown text with a short pointer to help, and help lists what this person can do', async () => {
    await bot.install(blake);
    await bot.say(blake, 'what is this?');
    assert.match(String(bot.lastTo(blake)?.text), /Type \*\*help\*\*/);
    await bot.say(blake, 'HELP');
    const help = textOf(bot.lastCardTo(blake));
    assert.match(help, /invite/);
    assert.doesNotMatch(help, /new programme/);
    await bot.install(avery);
    await bot.say(avery, 'help');
    assert.match(textOf(bot.lastCardTo(avery)), /new programme/);
  });
});
