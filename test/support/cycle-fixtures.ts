import { execute, installed, message, TestUser } from './activities';
import { cardOf, createProgramme, invokeCard, TestBot, textOf } from './test-bot';

/** the first node of a card `pick` returns something for, or an error naming what was looked for */
function firstIn<T>(card: unknown, what: string, pick: (node: Record<string, unknown>) => T | undefined): T {
  const found: T[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    const picked = pick(o);
    if (picked !== undefined) found.push(picked);
    Object.values(o).forEach(walk);
  };
  walk(card);
  if (found[0] === undefined) throw new Error(`no ${what} in ${textOf(card).slice(0, 200)}`);
  return found[0];
}

/** the data of the first button with this verb in a card */
export function buttonData(card: unknown, verb: string): Record<string, string> {
  return firstIn(card, `${verb} button`, (o) =>
    o.type === 'Action.Execute' && o.verb === verb ? (o.data as Record<string, string>) : undefined,
  );
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
  // the baseline questionnaire each gets at enrolment goes now (outside quiet hours), not amid the cycle
  await bot.runDueWork();
  return programmeId;
}

/** `by` types `schedule` and saves the card; returns the card the bot answered with */
export async function scheduleObservation(
  bot: TestBot,
  by: TestUser,
  host: TestUser,
  when: {
    date: string;
    startTime: string;
    durationMinutes?: string;
    talk?: string;
    talkTime?: string;
    setting?: string;
    learnerLevel?: string;
  },
): Promise<Record<string, unknown>> {
  await bot.post(message(by, bot.connector.url, 'schedule'));
  return saveScheduleCard(bot, by, host, when);
}

/** saves the schedule card last sent to `by`: an hour on a ward round with a late student, unless `fields` say otherwise */
async function saveScheduleCard(
  bot: TestBot,
  by: TestUser,
  host: TestUser,
  fields: Record<string, string>,
): Promise<Record<string, unknown>> {
  const form = cardOf(bot.connector.to(by.conversationId).at(-1));
  const saved = await bot.post(
    execute(by, bot.connector.url, 'schedule.save', {
      ...buttonData(form, 'schedule.save'),
      durationMinutes: '60',
      hostId: host.aadObjectId,
      setting: 'wardRound',
      learnerLevel: 'studentLate',
      ...fields,
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

/** the address of the first Add to calendar button (Action.OpenUrl) in a card */
export function calendarUrl(card: unknown): string {
  return firstIn(card, 'Add to calendar button', (o) =>
    o.type === 'Action.OpenUrl' && typeof o.url === 'string' && o.url.includes('/calendar/')
      ? o.url
      : undefined,
  );
}

/**
 * `by` opens `upcoming`, presses Move on their first observation and saves the card with a new time
 * (and whatever else `fields` says); returns the card the bot answered with.
 */
export async function moveObservation(
  bot: TestBot,
  by: TestUser,
  host: TestUser,
  fields: Record<string, string>,
): Promise<Record<string, unknown>> {
  const svc = bot.connector.url;
  await bot.post(message(by, svc, 'upcoming'));
  const upcoming = cardOf(bot.connector.to(by.conversationId).at(-1));
  await bot.post(execute(by, svc, 'schedule.open', buttonData(upcoming, 'schedule.open')));
  return saveScheduleCard(bot, by, host, fields);
}
