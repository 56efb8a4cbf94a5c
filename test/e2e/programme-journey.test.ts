import assert from 'node:assert/strict';
import {
  avery,
  blake,
  botAddedToPersonalChat,
  execute,
  installed,
  message,
  testUser,
} from '../support/activities';
import {
  cardOf,
  createProgramme,
  invokeCard,
  startTestBot,
  TestBot,
  textOf,
  verbsOf,
} from '../support/test-bot';
import { programmeInput } from '../support/domain-fixtures';

const chris = testUser('c', 'Chris Dahl', { timeZone: 'America/New_York', locale: 'en-US' });

describe('e2e: a coordinator sets up a programme over real HTTP', () => {
  let bot: TestBot;
  let svc: string;
  beforeEach(async () => {
    bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId });
    svc = bot.connector.url;
  });
  afterEach(() => bot.close());

  it('welcomes a person once when the app is installed, with the confidentiality promise', async () => {
    assert.equal((await bot.post(installed(blake, svc))).status, 200);
    // Teams also sends conversationUpdate for the same install: no second welcome
    assert.equal((await bot.post(botAddedToPersonalChat(blake, svc))).status, 200);
    const sent = bot.connector.to(blake.conversationId);
    assert.equal(sent.length, 1);
    const text = textOf(cardOf(sent[0]));
    assert.match(text, /Welcome to Peer Coach/);
    assert.match(text, /Hello Blake Berg/);
    assert.match(text, /never what anyone wrote/);
  });

  it('install → programme → enrol two supervisors → pair them → both are told who their peer is', async () => {
    for (const u of [avery, blake, chris]) await bot.post(installed(u, svc));

    await bot.post(message(avery, svc, '  New   Programme '));
    const form = cardOf(bot.connector.to(avery.conversationId).at(-1));
    assert.match(textOf(form), /New programme/);
    assert.deepEqual(verbsOf(form), ['programme.save']);

    const { programmeId, card: programmeCard } = await createProgramme(bot, avery, 'Autumn term, Medicine');
    assert.match(textOf(programmeCard), /Autumn term, Medicine/);

    const enrolCard = invokeCard((await bot.post(execute(avery, svc, 'enrol.open', { programmeId }))).body);
    assert.match(textOf(enrolCard), /Blake Berg/);
    assert.match(textOf(enrolCard), /Chris Dahl/);

    const report = invokeCard(
      (
        await bot.post(
          execute(avery, svc, 'enrol.save', {
            programmeId,
            people: `${blake.aadObjectId},${chris.aadObjectId}`,
          }),
        )
      ).body,
    );
    assert.match(textOf(report), /Enrolled now \(2\)/);
    await bot.connector.waitFor(() => bot.connector.to(chris.conversationId).length >= 2);
    assert.match(
      textOf(cardOf(bot.connector.to(blake.conversationId).at(-1))),
      /You are enrolled in Autumn term/,
    );

    const pairing = invokeCard((await bot.post(execute(avery, svc, 'pairing.open', { programmeId }))).body);
    assert.match(textOf(pairing), /2 waiting for a peer/);
    const paired = invokeCard(
      (
        await bot.post(
          execute(avery, svc, 'pairing.manual', {
            programmeId,
            first: blake.aadObjectId,
            second: chris.aadObjectId,
          }),
        )
      ).body,
    );
    assert.match(textOf(paired), /Paired\n2/);

    await bot.connector.waitFor(() => bot.connector.to(chris.conversationId).length >= 3);
    const toBlake = textOf(cardOf(bot.connector.to(blake.conversationId).at(-1)));
    const toChris = textOf(cardOf(bot.connector.to(chris.conversationId).at(-1)));
    assert.match(toBlake, /You have a peer in Autumn term, Medicine/);
    assert.match(toBlake, /Your peer: Chris Dahl/);
    assert.match(toChris, /Your peer: Blake Berg/);
    // the pair card leads straight to scheduling the first observation
    assert.deepEqual(verbsOf(cardOf(bot.connector.to(chris.conversationId).at(-1))), ['schedule.open']);

    // pairing the same two again changes nothing and says why
    const again = invokeCard(
      (
        await bot.post(
          execute(avery, svc, 'pairing.manual', {
            programmeId,
            first: blake.aadObjectId,
            second: chris.aadObjectId,
          }),
        )
      ).body,
    );
    assert.match(textOf(again), /Nobody is waiting for a peer/);
    assert.equal(bot.connector.to(blake.conversationId).length, 3);
  });

  it('refuses coordinator commands and card actions from a supervisor, and creates nothing', async () => {
    await bot.post(installed(blake, svc));
    for (const command of ['programmes', 'new programme', 'coordinators']) {
      await bot.post(message(blake, svc, command));
      assert.match(String(bot.connector.to(blake.conversationId).at(-1)?.text), /for programme coordinators/);
    }
    const forged = await bot.post(
      execute(blake, svc, 'programme.save', { name: 'Mine', startDate: '2026-09-01', endDate: '2026-12-01' }),
    );
    assert.equal(forged.status, 200);
    await bot.connector.waitFor(() =>
      /for programme coordinators/.test(String(bot.connector.to(blake.conversationId).at(-1)?.text)),
    );
    assert.deepEqual(
      await bot.app.store.containers.programmes.items
        .readAll()
        .fetchAll()
        .then((r) => r.resources),
      [],
    );
  });

  it('refuses programme dates outside a sane window, field by field, and stores nothing', async () => {
    await bot.post(installed(avery, svc));
    const save = async (startDate: string, endDate: string) =>
      invokeCard(
        (
          await bot.post(
            execute(avery, svc, 'programme.save', programmeInput({ name: 'Far away', startDate, endDate })),
          )
        ).body,
      );
    const stored = () =>
      bot.app.store.containers.programmes.items
        .readAll()
        .fetchAll()
        .then((r) => r.resources.filter((d) => d.type === 'programme'));

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
    await bot.post(installed(blake, svc));
    await bot.post(message(blake, svc, 'what is this?'));
    assert.match(String(bot.connector.to(blake.conversationId).at(-1)?.text), /Type \*\*help\*\*/);
    await bot.post(message(blake, svc, 'HELP'));
    const help = textOf(cardOf(bot.connector.to(blake.conversationId).at(-1)));
    assert.match(help, /invite/);
    assert.doesNotMatch(help, /new programme/);
    await bot.post(installed(avery, svc));
    await bot.post(message(avery, svc, 'help'));
    assert.match(textOf(cardOf(bot.connector.to(avery.conversationId).at(-1))), /new programme/);
  });
});
