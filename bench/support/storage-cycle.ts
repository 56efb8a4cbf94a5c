/**
 * One complete observation cycle, driven over real HTTP as test/e2e/observation-cycle.test.ts drives
 * it (schedule → before-prompts → answers → after-prompts → answers → summary), with every Cosmos DB
 * request the bot makes counted at the wire by a CountingProxy and booked to the step that made it:
 * an inbound turn (`inbound:<what>`) or one scheduler tick (`tick:<n>`).
 */
import { buttonData, pairUp } from '../../test/support/cycle-fixtures';
import { avery, execute, message, testUser, TestUser } from '../../test/support/activities';
import { cardOf, invokeCard, startTestBot, TestBot, textOf } from '../../test/support/test-bot';
import { embeddedKey, startEmbeddedCosmos } from '../../src/store/embedded-cosmos';
import { CountedRequest, CountingProxy } from './storage-proxy';

const blake = testUser('b', 'Blake Berg', { timeZone: 'Europe/Stockholm', locale: 'en-GB' });
const chris = testUser('c', 'Chris Dahl', { timeZone: 'Europe/Stockholm', locale: 'en-GB' });

export interface CycleCount {
  /** every request from scheduling to the summary (setup — installs, programme, pairing — left out) */
  readonly requests: readonly CountedRequest[];
  /** inbound turns, in order: the phase label of each */
  readonly turns: readonly string[];
  /** scheduler ticks made, busy or not */
  readonly ticks: number;
  /** ticks that claimed at least one job */
  readonly busyTicks: number;
  /** jobs the scheduler ran */
  readonly jobs: number;
  /** jobs still pending once the cycle was over and every deadline had passed */
  readonly leftPending: number;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

export async function countOneCycle(): Promise<CycleCount> {
  const cosmos = await startEmbeddedCosmos();
  const proxy = new CountingProxy(cosmos.endpoint);
  await proxy.start();
  let bot: TestBot | undefined;
  try {
    bot = await startTestBot({
      COORDINATOR_AAD_IDS: avery.aadObjectId,
      COSMOS_ENDPOINT: proxy.url,
      COSMOS_KEY: embeddedKey,
      LOG_LEVEL: 'silent',
    });
    const b = bot;
    const svc = b.connector.url;
    let ticks = 0;
    let busyTicks = 0;
    let jobs = 0;
    const turns: string[] = [];
    // each tick books its requests to a phase of its own
    const tick = b.app.dispatch.tick.bind(b.app.dispatch);
    b.app.dispatch.tick = async () => {
      proxy.phase = `tick:${++ticks}`;
      try {
        const result = await tick();
        if (result.claimed > 0) busyTicks++;
        jobs += result.claimed;
        return result;
      } finally {
        proxy.phase = 'between';
      }
    };
    const inbound = async (what: string, activity: object) => {
      proxy.phase = `inbound:${what}`;
      turns.push(proxy.phase);
      const res = await b.post(activity);
      // anything the turn left running is still its own
      await settle();
      proxy.phase = 'between';
      if (res.status !== 200) throw new Error(`${what}: status ${res.status}`);
      return res.body;
    };
    const cards = (u: TestUser) =>
      b.connector
        .to(u.conversationId)
        .map((a) => cardOf(a))
        .filter((c) => c !== undefined);
    const lastCard = (u: TestUser, title: RegExp) => {
      const found = [...cards(u)].reverse().find((c) => title.test(textOf(c).split('\n')[0] ?? ''));
      if (!found)
        throw new Error(
          `${u.name} has no card matching ${title}: ${cards(u)
            .map((c) => textOf(c).split('\n')[0])
            .join(' / ')}`,
        );
      return found;
    };
    const answer = async (u: TestUser, what: string, card: unknown, answers: Record<string, string>) => {
      const saved = invokeCard(
        await inbound(
          what,
          execute(u, svc, 'prompt.answer', { ...buttonData(card, 'prompt.answer'), ...answers }),
        ),
      );
      if (!/Thank you — saved/.test(textOf(saved)))
        throw new Error(`${what} was not saved: ${textOf(saved)}`);
    };
    const runDue = async (at: string) => {
      b.clock.set(at);
      await b.runDueWork();
    };

    // Tuesday 1 September 2026, 10:00 in Stockholm: a programme, and Blake and Chris paired (not counted)
    b.clock.set('2026-09-01T08:00:00Z');
    await pairUp(b, avery, blake, chris);
    await settle();
    proxy.reset();

    await inbound('message "schedule"', message(blake, svc, 'schedule'));
    const form = cardOf(b.connector.to(blake.conversationId).at(-1));
    const scheduled = invokeCard(
      await inbound(
        'schedule.save',
        execute(blake, svc, 'schedule.save', {
          ...buttonData(form, 'schedule.save'),
          date: '2026-09-03',
          startTime: '10:00',
          durationMinutes: '60',
          hostId: blake.aadObjectId,
          setting: 'wardRound',
          learnerLevel: 'studentLate',
        }),
      ),
    );
    if (!/Scheduled/.test(textOf(scheduled))) throw new Error(`not scheduled: ${textOf(scheduled)}`);
    await runDue('2026-09-01T08:00:00Z');
    // the working day before, 16:00 in Stockholm: both before-prompts
    await runDue('2026-09-02T14:00:00Z');
    await answer(blake, 'prompt.answer (host, before)', lastCard(blake, /Before you are observed/), {
      'bh.strategy': 'Let the student lead the history',
      'bh.focus': 'How I hold back my own questions',
    });
    await answer(chris, 'prompt.answer (observer, before)', lastCard(chris, /Before you observe/), {
      'bo.attention': 'When the student pauses',
    });
    // an hour after the end: both after-prompts
    await runDue('2026-09-03T10:00:00Z');
    await answer(chris, 'prompt.answer (observer, after)', lastCard(chris, /Your feedback for/), {
      'ao.worked': 'You waited for the student',
      'ao.focus': 'Twice you let silence work',
    });
    await answer(blake, 'prompt.answer (host, after)', lastCard(blake, /Your reflection/), {
      'ah.plan': 'Better than planned',
      'ah.safety': '4',
    });
    // the summary goes out now or on the next tick
    await runDue('2026-09-03T10:00:00Z');
    for (const u of [blake, chris]) lastCard(u, /side by side/);
    // every reminder and deadline of the cycle has passed: anything left would run now
    await runDue('2026-09-20T10:00:00Z');
    const requests = [...proxy.requests];

    const { resources } = await b.app.store.containers.schedule.items
      .query<number>("SELECT VALUE COUNT(1) FROM c WHERE c.type = 'job'")
      .fetchAll();
    return { requests, turns, ticks, busyTicks, jobs, leftPending: resources[0] ?? 0 };
  } finally {
    await bot?.close();
    await proxy.stop();
    await cosmos.close();
  }
}
