import { avery, blake, chris, dana, eli, execute, installed, message, TestUser } from './activities';
import { buttonData, pairUp, scheduleObservation } from './cycle-fixtures';
import { cardOf, TestBot } from './test-bot';

/**
 * The fuzz starts from what a real session showed people: a short cycle driven over HTTP, and
 * every button (with its data) and every input of every card anyone was sent.
 */

/** one button of one card someone was really shown */
export interface CardPayload {
  /** who was shown the card */
  readonly owner: TestUser;
  readonly verb: string;
  readonly data: Readonly<Record<string, string>>;
  /** the card's inputs, whose values travel with the data: what the card offered or held */
  readonly inputs: readonly CardInput[];
}

/** one input of a card: its id, the value it showed, and the choices it offered */
export interface CardInput {
  readonly id: string;
  readonly offered: readonly string[];
}

export interface Corpus {
  readonly payloads: readonly CardPayload[];
  /** every id-like value the buttons carried (observation, prompt, pair, programme, nudge ids …) */
  readonly ids: readonly string[];
  /** the activity ids of cards the bot sent (what an Action.Submit replies to) */
  readonly cardActivityIds: readonly string[];
  readonly programmeId: string;
}

export const people: readonly TestUser[] = [avery, blake, chris, dana, eli];
const adaptive = 'application/vnd.microsoft.card.adaptive';

/** verbs that only open or show a card, safe to press while collecting */
const openingVerbs = new Set([
  'programme.open',
  'programme.edit',
  'programme.new',
  'enrol.open',
  'pairing.open',
  'schedule.open',
  'summary.open',
  'report.open',
  'report.audit',
  'nudge.open',
  'data.erase.ask',
]);
const harmlessCommands = new Set(['help', 'profile', 'schedule', 'upcoming', 'history', 'invite', 'myData']);

export function buttonsOf(card: unknown): { verb: string; data: Record<string, string> }[] {
  const out: { verb: string; data: Record<string, string> }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if ((o.type === 'Action.Execute' || o.type === 'Action.Submit') && o.data && typeof o.data === 'object') {
      const data = o.data as Record<string, string>;
      const verb = typeof o.verb === 'string' ? o.verb : data.verb;
      if (typeof verb === 'string') out.push({ verb, data });
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}

export function inputsOf(card: unknown): CardInput[] {
  const out: CardInput[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') {
      const choices = Array.isArray(o.choices) ? (o.choices as { value?: unknown }[]) : [];
      // an Input.Number holds a number; Teams sends it back as a string, as every input
      const offered = [o.value, ...choices.map((c) => c?.value)]
        .map((v) => (typeof v === 'number' ? String(v) : v))
        .filter((v): v is string => typeof v === 'string' && v !== '');
      out.push({ id: o.id, offered });
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}

/**
 * Drives a short real cycle (programme, enrolment, pair, an observation, before- and after-cards
 * answered, the summary, a nudge preview), presses every button that only opens a card, and keeps
 * every button of every card anyone was shown.
 */
export async function captureSession(bot: TestBot): Promise<Corpus> {
  const svc = bot.connector.url;
  const shown: { owner: TestUser; card: unknown }[] = [];
  const ownerOf = (conversationId: string) => people.find((p) => p.conversationId === conversationId);
  const press = async (u: TestUser, verb: string, data: Record<string, string>) => {
    const res = await bot.post(execute(u, svc, verb, data));
    const body = res.body as { type?: string; value?: unknown } | undefined;
    if (body?.type === adaptive) shown.push({ owner: u, card: body.value });
    return body?.value;
  };
  const lastCard = (u: TestUser, verb: string) =>
    [...bot.connector.to(u.conversationId)]
      .reverse()
      .map(cardOf)
      .find((c) => c && buttonsOf(c).some((b) => b.verb === verb));

  bot.clock.set('2026-09-01T08:00:00Z');
  const programmeId = await pairUp(bot, avery, blake, chris);
  for (const u of [dana, eli]) await bot.post(installed(u, svc));
  await press(avery, 'enrol.save', { programmeId, people: dana.aadObjectId });
  shown.push({
    owner: blake,
    card: await scheduleObservation(bot, blake, blake, { date: '2026-09-03', startTime: '10:00' }),
  });
  const said: [TestUser, string[]][] = [
    [avery, ['programmes', 'new programme', 'coordinators', 'report', 'nudge', 'help']],
    [blake, ['help', 'profile', 'schedule', 'upcoming', 'invite', 'my data', 'delete my data']],
    [dana, ['invite', 'profile']],
  ];
  for (const [u, words] of said) for (const w of words) await bot.post(message(u, svc, w));

  bot.clock.set('2026-09-02T15:00:00Z');
  await bot.runDueWork();
  const answer = (u: TestUser, answers: Record<string, string>) =>
    press(u, 'prompt.answer', { ...buttonData(lastCard(u, 'prompt.answer'), 'prompt.answer'), ...answers });
  await answer(blake, { 'bh.strategy': 'Let the student lead', 'bh.focus': 'My questions' });
  await answer(chris, { 'bo.attention': 'The silences' });
  bot.clock.set('2026-09-03T10:00:00Z');
  await bot.runDueWork();
  await answer(chris, { 'ao.worked': 'Waiting', 'ao.focus': 'Silence worked' });
  await answer(blake, { 'ah.plan': 'As planned', 'ah.noticed': 'Rushed', 'ah.safety': '4' });
  await press(avery, 'nudge.preview', {
    ...buttonData(lastCard(avery, 'nudge.preview'), 'nudge.preview'),
    segment: 'everyone',
    message: 'Please schedule your next observation',
  });

  const collect = () => [
    ...bot.connector.sent.map((s) => ({ owner: ownerOf(s.conversationId), card: cardOf(s.activity) })),
    ...bot.connector.updated.map((s) => ({ owner: ownerOf(s.conversationId), card: cardOf(s.activity) })),
    ...shown,
  ];
  // press what only opens a card, twice over, to reach the cards behind them
  const pressed = new Set<string>();
  for (let round = 0; round < 2; round++) {
    for (const { owner, card } of collect()) {
      if (!owner || !card) continue;
      for (const b of buttonsOf(card)) {
        const safe =
          openingVerbs.has(b.verb) ||
          (b.verb === 'command.run' && harmlessCommands.has(b.data.command ?? ''));
        const key = `${owner.name}|${JSON.stringify(b.data)}`;
        if (!safe || pressed.has(key)) continue;
        pressed.add(key);
        await press(owner, b.verb, b.data);
      }
    }
  }

  const payloads: CardPayload[] = [];
  const seen = new Set<string>();
  for (const { owner, card } of collect()) {
    if (!owner || !card) continue;
    const inputs = inputsOf(card);
    for (const b of buttonsOf(card)) {
      const key = `${owner.name}|${b.verb}|${JSON.stringify(b.data)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      payloads.push({ owner, verb: b.verb, data: b.data, inputs });
    }
  }
  const ids = [
    ...new Set(
      payloads.flatMap((p) =>
        Object.entries(p.data)
          .filter(([k, v]) => k !== 'verb' && /id$|Id$|key$|Key$/.test(k) && v)
          .map(([, v]) => v),
      ),
    ),
  ];
  return {
    payloads,
    ids: [...ids, ...people.map((p) => p.aadObjectId)],
    cardActivityIds: bot.connector.sent.map((s) => s.id),
    programmeId,
  };
}
