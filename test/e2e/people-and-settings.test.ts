import assert from 'node:assert/strict';
import {
  avery,
  blake,
  botAddedToTeam,
  botRemovedFromTeam,
  eli,
  execute,
  installed,
  message,
  uninstalled,
} from '../support/activities';
import { programmeInput } from '../support/domain-fixtures';
import {
  cardOf,
  createProgramme,
  invokeCard,
  startTestBot,
  TestBot,
  textOf,
  verbsOf,
} from '../support/test-bot';

const team = { id: '19:ward-7@thread.tacv2', name: 'Ward 7 supervisors' };

/** the value an input of a card currently holds */
function inputValue(card: unknown, id: string): unknown {
  let found: unknown;
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.id === id && typeof o.type === 'string' && o.type.startsWith('Input.')) found = o.value;
    Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}

describe('e2e: people, profiles and programme settings', () => {
  let bot: TestBot;
  let svc: string;
  beforeEach(async () => {
    bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId });
    svc = bot.connector.url;
    await bot.post(installed(avery, svc));
    await bot.post(installed(blake, svc));
  });
  afterEach(() => bot.close());

  const last = (u: typeof avery) => bot.connector.to(u.conversationId).at(-1);

  it('refuses a wrong programme card with every problem shown and nothing typed lost', async () => {
    const bad = programmeInput({
      name: 'Winter',
      endDate: '2026-08-01',
      timeZone: 'Mars/Olympus',
      quietEnd: '25:00',
    });
    const card = invokeCard((await bot.post(execute(avery, svc, 'programme.save', bad))).body);
    const text = textOf(card);
    assert.match(text, /The last day must be on or after the first day/);
    assert.match(text, /not a time zone I know/);
    assert.match(text, /Use a time like 16:00/);
    assert.equal(inputValue(card, 'name'), 'Winter');
    assert.equal(inputValue(card, 'timeZone'), 'Mars/Olympus');
    assert.equal(inputValue(card, 'quietEnd'), '25:00');
    assert.deepEqual(
      await bot.app.store.containers.programmes.items
        .readAll()
        .fetchAll()
        .then((r) => r.resources),
      [],
    );
  });

  it('refuses to overwrite an edit someone else saved meanwhile, keeping what was typed', async () => {
    const { programmeId } = await createProgramme(bot, avery, 'Autumn');
    const formA = invokeCard((await bot.post(execute(avery, svc, 'programme.edit', { programmeId }))).body);
    const formB = invokeCard((await bot.post(execute(avery, svc, 'programme.edit', { programmeId }))).body);
    const versionOf = (card: Record<string, unknown>) =>
      (card.actions as { data: Record<string, string> }[])[0]!.data;
    await bot.post(
      execute(avery, svc, 'programme.save', { ...programmeInput({ name: 'Autumn A' }), ...versionOf(formA) }),
    );
    const conflict = invokeCard(
      (
        await bot.post(
          execute(avery, svc, 'programme.save', {
            ...programmeInput({ name: 'Autumn B' }),
            ...versionOf(formB),
          }),
        )
      ).body,
    );
    assert.match(textOf(conflict), /Someone else saved this programme/);
    assert.equal(inputValue(conflict, 'name'), 'Autumn B');
    const opened = invokeCard((await bot.post(execute(avery, svc, 'programme.open', { programmeId }))).body);
    assert.match(textOf(opened), /Autumn A/);
    // saving again from the refreshed form wins, on purpose
    const again = invokeCard(
      (
        await bot.post(
          execute(avery, svc, 'programme.save', {
            ...programmeInput({ name: 'Autumn B' }),
            ...versionOf(conflict),
          }),
        )
      ).body,
    );
    assert.match(textOf(again), /Autumn B/);
    assert.match(textOf(again), /Saved/);
  });

  it('lets a supervisor override time zone and language, refusing a wrong zone without losing the rest', async () => {
    await bot.post(message(blake, svc, 'profile'));
    assert.match(textOf(cardOf(last(blake))), /Teams says: Europe\/Stockholm/);
    const refused = invokeCard(
      (
        await bot.post(
          execute(blake, svc, 'profile.save', {
            timeZone: 'Europe/Stokholm',
            locale: 'en',
            department: 'Surgery',
          }),
        )
      ).body,
    );
    assert.match(textOf(refused), /not a time zone I know/);
    assert.equal(inputValue(refused, 'department'), 'Surgery');
    const saved = invokeCard(
      (
        await bot.post(
          execute(blake, svc, 'profile.save', {
            timeZone: 'America/Chicago',
            locale: 'en',
            department: 'Surgery',
          }),
        )
      ).body,
    );
    assert.match(textOf(saved), /I will show times in America\/Chicago/);
    assert.deepEqual(verbsOf(saved), [], 'a saved profile card cannot be submitted again');
  });

  it('pauses and resumes, and says so when nothing changes', async () => {
    await bot.post(message(blake, svc, 'pause'));
    assert.match(String(last(blake)?.text), /Paused/);
    await bot.post(message(blake, svc, 'PAUSE'));
    assert.match(String(last(blake)?.text), /already paused/);
    await bot.post(message(blake, svc, 'help'));
    assert.match(textOf(cardOf(last(blake))), /You are paused/);
    await bot.post(message(blake, svc, 'resume'));
    assert.match(String(last(blake)?.text), /prompts are on again/);
  });

  it('forgets an uninstalled person’s chat and welcomes them again when they reinstall', async () => {
    await bot.post(uninstalled(blake, svc));
    const stored = await bot.app.store.containers.people.item(blake.aadObjectId, blake.aadObjectId).read();
    assert.equal(stored.resource?.reach, undefined);
    const before = bot.connector.to(blake.conversationId).length;
    await bot.post(installed(blake, svc));
    assert.equal(bot.connector.to(blake.conversationId).length, before + 1);
    assert.match(textOf(cardOf(last(blake))), /Welcome to Peer Coach/);
  });

  it('offers a team for enrolment only while the bot is in it', async () => {
    const { programmeId } = await createProgramme(bot, avery, 'Autumn');
    await bot.post(botAddedToTeam(avery, svc, team));
    assert.match(
      textOf(invokeCard((await bot.post(execute(avery, svc, 'enrol.open', { programmeId }))).body)),
      /Ward 7/,
    );
    await bot.post(botRemovedFromTeam(avery, svc, team));
    assert.doesNotMatch(
      textOf(invokeCard((await bot.post(execute(avery, svc, 'enrol.open', { programmeId }))).body)),
      /Ward 7/,
    );
  });

  it('lets a coordinator add another coordinator, who can then run programmes', async () => {
    await bot.post(message(blake, svc, 'programmes'));
    assert.match(String(last(blake)?.text), /for programme coordinators/);
    await bot.post(message(avery, svc, 'coordinators'));
    assert.match(textOf(cardOf(last(avery))), /Avery Lind \(from configuration\)/);
    const added = invokeCard(
      (await bot.post(execute(avery, svc, 'coordinator.add', { person: blake.aadObjectId }))).body,
    );
    assert.match(textOf(added), /Blake Berg is now a coordinator/);
    await bot.post(message(blake, svc, 'programmes'));
    assert.match(textOf(cardOf(last(blake))), /Programmes/);
    // and a supervisor cannot make themselves one by forging the card
    await bot.post(installed(eli, svc));
    await bot.post(execute(eli, svc, 'coordinator.add', { person: eli.aadObjectId }));
    await bot.post(message(eli, svc, 'programmes'));
    assert.match(String(bot.connector.to(eli.conversationId).at(-1)?.text), /for programme coordinators/);
  });
});
