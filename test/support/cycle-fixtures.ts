import { execute, installed, message, TestUser } from './activities';
import { cardOf, createProgramme, invokeCard, TestBot, textOf } from './test-bot';

/** the data of the first button with this verb in a card */
export function buttonData(card: unknown, verb: string): Record<string, string> {
  const found: Record<string, string>[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.verb === verb) found.push(o.data as Record<string, string>);
    Object.values(o).forEach(walk);
  };
  walk(card);
  if (!found[0]) throw new Error(`no ${verb} button in ${textOf(card).slice(0, 200)}`);
  return found[0];
}

/** everyone installs; the coordinator creates a programme, enrols the two and pairs them by hand */
export async function pairUp(
  bot: TestBot,
  coordinator: TestUser,
  a: TestUser,
  b: TestUser,
  programme: Record<string, string> = {},
): Promise<string> {
  const svc = bot.connector.url;
  for (const u of [coordinator, a, b]) await bot.post(installed(u, svc));
  const { programmeId } = await createProgramme(bot, coordinator, 'Autumn', programme);
  await bot.post(
    execute(coordinator, svc, 'enrol.save', { programmeId, people: `${a.aadObjectId},${b.aadObjectId}` }),
  );
  await bot.post(
    execute(coordinator, svc, 'pairing.manual', { programmeId, first: a.aadObjectId, second: b.aadObjectId }),
  );
  return programmeId;
}

/** `by` types `schedule` and saves the card; returns the card the bot answered with */
export async function scheduleObservation(
  bot: TestBot,
  by: TestUser,
  host: TestUser,
  when: { date: string; startTime: string; durationMinutes?: string },
): Promise<Record<string, unknown>> {
  const svc = bot.connector.url;
  await bot.post(message(by, svc, 'schedule'));
  const form = cardOf(bot.connector.to(by.conversationId).at(-1));
  const saved = await bot.post(
    execute(by, svc, 'schedule.save', {
      ...buttonData(form, 'schedule.save'),
      durationMinutes: '60',
      hostId: host.aadObjectId,
      setting: 'wardRound',
      learnerLevel: 'studentLate',
      ...when,
    }),
  );
  return invokeCard(saved.body);
}

/**
 * Tuesday 1 September 2026, 10:00 in Stockholm: the coordinator pairs host and observer, and the host
 * schedules an observation he hosts on Thursday 3 September at 10:00 (his time).
 */
export async function pairWithThursdayObservation(
  bot: TestBot,
  coordinator: TestUser,
  host: TestUser,
  observer: TestUser,
): Promise<void> {
  bot.clock.set('2026-09-01T08:00:00Z');
  await pairUp(bot, coordinator, host, observer);
  await scheduleObservation(bot, host, host, { date: '2026-09-03', startTime: '10:00' });
}
