import assert from 'node:assert/strict';
import { e2eBot } from '../support/e2e-bot';
import {
  avery,
  blake,
  botAddedToTeam,
  botRemovedFromTeam,
  eli,
  execute,
  uninstalled,
} from '../support/activities';
import { programmeInput } from '../support/domain-fixtures';
import { createProgramme, storedIn, textOf, verbsOf } from '../support/test-bot';

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
  const bot = e2eBot({ installed: [avery, blake] });

  it('refuses a wrong programme card with every problem shown and nothing typed lost', async () => {
    const bad = programmeInput({
      name: 'Winter',
      endDate: '2026-08-01',
      timeZone: 'Mars/Olympus',
      quietEnd: '25:00',
    });
    const card = await bot.click(avery, 'programme.save', bad);
    const text = textOf(card);
    assert.match(text, /The last day must be on or after the first day/);
    assert.match(text, /not a time zone I know/);
    assert.match(text, /Use a time like 16:00/);
    assert.equal(inputValue(card, 'name'), 'Winter');
    assert.equal(inputValue(card, 'timeZone'), 'Mars/Olympus');
    assert.equal(inputValue(card, 'quietEnd'), '25:00');
    assert.deepEqual(await storedIn(bot, 'programmes'), []);
  });

  it('refuses to overwrite an edit someone else saved meanwhile, keeping what was typed', async () => {
    const { programmeId } = await createProgramme(bot, avery, 'Autumn');
    const formA = await bot.click(avery, 'programme.edit', { programmeId });
    const formB = await bot.click(avery, 'programme.edit', { programmeId });
    const versionOf = (card: Record<string, unknown>) =>
      (card.actions as { data: Record<string, string> }[])[0]!.data;
    await bot.post(
      execute(avery, bot.svc, 'programme.save', {
        ...programmeInput({ name: 'Autumn A' }),
        ...versionOf(formA),
      }),
    );
    const conflict = await bot.click(avery, 'programme.save', {
      ...programmeInput({ name: 'Autumn B' }),
      ...versionOf(formB),
    });
    assert.match(textOf(conflict), /Someone else saved this programme/);
    assert.equal(inputValue(conflict, 'name'), 'Autumn B');
    const opened = await bot.click(avery, 'programme.open', { programmeId });
    assert.match(textOf(opened), /Autumn A/);
    // saving again from the refreshed form wins, on purpose
    const again = await bot.click(avery, 'programme.save', {
      ...programmeInput({ name: 'Autumn B' }),
      ...versionOf(conflict),
    });
    assert.match(textOf(again), /Autumn B/);
    assert.match(textOf(again), /Saved/);
  });

  it('lets a supervisor override time zone and language, refusing a wrong zone without losing the rest', async () => {
    await bot.say(blake, 'profile');
    assert.match(textOf(bot.lastCardTo(blake)), /Teams says: Europe\/Stockholm/);
    const refused = await bot.click(blake, 'profile.save', {
      timeZone: 'Europe/Stokholm',
      locale: 'en',
      department: 'Surgery',
    });
    assert.match(textOf(refused), /not a time zone I know/);
    assert.equal(inputValue(refused, 'department'), 'Surgery');
    const saved = await bot.click(blake, 'profile.save', {
      timeZone: 'America/Chicago',
      locale: 'en',
      department: 'Surgery',
    });
    assert.match(textOf(saved), /I will show times in America\/Chicago/);
    assert.deepEqual(verbsOf(saved), [], 'a saved profile card cannot be submitted again');
  });

  it('pauses and resumes, and says so when nothing changes', async () => {
    await bot.say(blake, 'pause');
    assert.match(String(bot.lastTo(blake)?.text), /Paused/);
    await bot.say(blake, 'PAUSE');
    assert.match(String(bot.lastTo(blake)?.text), /already paused/);
    await bot.say(blake, 'help');
    assert.match(textOf(bot.lastCardTo(blake)), /You are paused/);
    await bot.say(blake, 'resume');
    assert.match(String(bot.lastTo(blake)?.text), /prompts are on again/);
  });

  it('forgets an uninstalled person’s chat and welcomes them again when they reinstall', async () => {
    await bot.post(uninstalled(blake, bot.svc));
    const stored = await bot.app.store.containers.people.item(blake.aadObjectId, blake.aadObjectId).read();
    assert.equal(stored.resource?.reach, undefined);
    const before = bot.connector.to(blake.conversationId).length;
    await bot.install(blake);
    assert.equal(bot.connector.to(blake.conversationId).length, before + 1);
    assert.match(textOf(bot.lastCardTo(blake)), /Welcome to Peer Coach/);
  });

  it('offers a team for enrolment only while the bot is in it', async () => {
    const { programmeId } = await createProgramme(bot, avery, 'Autumn');
    await bot.post(botAddedToTeam(avery, bot.svc, team));
    assert.match(textOf(await bot.click(avery, 'enrol.open', { programmeId })), /Ward 7/);
    await bot.post(botRemovedFromTeam(avery, bot.svc, team));
    assert.doesNotMatch(textOf(await bot.click(avery, 'enrol.open', { programmeId })), /Ward 7/);
  });

  it('lets a coordinator add another coordinator, who can then run programmes', async () => {
    await bot.say(blake, 'programmes');
    assert.match(String(bot.lastTo(blake)?.text), /for programme coordinators/);
    await bot.say(avery, 'coordinators');
    assert.match(textOf(bot.lastCardTo(avery)), /Avery Lind \(from configuration\)/);
    const added = await bot.click(avery, 'coordinator.add', { person: blake.aadObjectId });
    assert.match(textOf(added), /Blake Berg is now a coordinator/);
    await bot.say(blake, 'programmes');
    assert.match(textOf(bot.lastCardTo(blake)), /Programmes/);
    // and a supervisor cannot make themselves one by forging the card
    await bot.install(eli);
    await bot.post(execute(eli, bot.svc, 'coordinator.add', { person: eli.aadObjectId }));
    await bot.say(eli, 'programmes');
    assert.match(String(bot.lastTo(eli)?.text), /for programme coordinators/);
  });
});
