import assert from 'node:assert/strict';
import { capturedLog } from '../support/captured-log';
import {
  avery,
  blake,
  botAddedToTeam,
  chris,
  execute,
  installed,
  message,
  tenantId as tenantA,
  testUser,
  TestUser,
} from '../support/activities';
import { buttonData, pairUp, scheduleObservation } from '../support/cycle-fixtures';
import { cardOf, invokeCard, startTestBot, TestBot, textOf } from '../support/test-bot';

/**
 * Two organisations share one deployment: tenant A (Avery coordinates Blake and Chris in "Autumn")
 * and tenant B (Tova coordinates Ulf and Vera in "Winter"). Everything here goes over real HTTP to
 * the whole bot with the embedded Cosmos DB server; a third tenant and other channels are refused
 * at the door.
 */
const tenantB = '00000000-0000-4000-8000-0000000000bb';
const tenantC = '00000000-0000-4000-8000-0000000000cc';
const tova = testUser('7', 'Tova Ring', { tenantId: tenantB, conversationId: 'a:personal-tova' });
const ulf = testUser('8', 'Ulf Sand', { tenantId: tenantB, conversationId: 'a:personal-ulf' });
const vera = testUser('9', 'Vera Strand', { tenantId: tenantB, conversationId: 'a:personal-vera' });
/** someone from an organisation the operator did not allow */
const mallory = testUser('1', 'Mallory Outside', { tenantId: tenantC, conversationId: 'a:personal-mallory' });

/** what tenant B must never be shown of tenant A, and the other way round */
const ofA = /Autumn|Avery Lind|Blake Berg|Chris Dahl|A-SECRET/;
const ofB = /Winter|Tova Ring|Ulf Sand|Vera Strand|B-SECRET/;

type Card = Record<string, unknown>;

describe('e2e: tenants — each organisation sees only its own, any other is refused at the door', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let svc: string;
  const { log, lines: logLines } = capturedLog('info');
  let autumn: string;
  let winter: string;
  const teamB = { id: '19:b-supervisors@thread.tacv2', name: 'B supervisors' };

  const lastCard = (u: TestUser) => cardOf(bot.connector.to(u.conversationId).at(-1)) as Card;
  const say = async (u: TestUser, text: string) => {
    await bot.post(message(u, svc, text));
    return lastCard(u);
  };
  /** everything `u` is shown for one Action.Execute: the invoke's answer and any new messages */
  const act = async (u: TestUser, verb: string, data: Record<string, string>) => {
    const before = bot.connector.to(u.conversationId).length;
    const res = await bot.post(execute(u, svc, verb, data));
    const sent = bot.connector.to(u.conversationId).slice(before);
    return JSON.stringify([res.body, sent]);
  };

  /** every document in every container, without system fields: to show nothing changed */
  async function everything(): Promise<string> {
    const all = await Promise.all(
      Object.values(bot.app.store.containers).map(
        async (c) => (await c.items.readAll().fetchAll()).resources,
      ),
    );
    return JSON.stringify(
      all
        .flat()
        .map((d: Record<string, unknown>) =>
          Object.fromEntries(Object.entries(d).filter(([k]) => !k.startsWith('_'))),
        )
        .sort((a, b) =>
          `${String(a.type)}:${String(a.id)}`.localeCompare(`${String(b.type)}:${String(b.id)}`),
        ),
    );
  }

  before(async () => {
    bot = await startTestBot(
      {
        ALLOWED_TENANT_IDS: `${tenantA},${tenantB}`,
        COORDINATOR_AAD_IDS: `${avery.aadObjectId},${tova.aadObjectId}`,
      },
      undefined,
      undefined,
      log,
    );
    svc = bot.connector.url;
    bot.clock.set('2026-09-01T08:00:00Z');
    autumn = await pairUp(bot, avery, blake, chris);
    await scheduleObservation(bot, blake, blake, { date: '2026-09-03', startTime: '10:00' });
    winter = await pairUp(bot, tova, ulf, vera, { name: 'Winter' });
    await scheduleObservation(bot, ulf, ulf, { date: '2026-09-03', startTime: '10:00' });
    await bot.post(botAddedToTeam(tova, svc, teamB));
    bot.connector.rosters.set(
      teamB.id,
      [tova, ulf, vera].map((u) => ({ id: `29:${u.aadObjectId}`, name: u.name, aadObjectId: u.aadObjectId })),
    );
  });
  after(() => bot?.close());

  describe('at the door', () => {
    it('refuses an allowed channel from a tenant not on the list: 403, nothing stored, nothing sent', async () => {
      const stored = await everything();
      const sent = bot.connector.sent.length;
      for (const activity of [
        installed(mallory, svc),
        message(mallory, svc, 'help'),
        execute(mallory, svc, 'programme.open', { programmeId: autumn }),
      ])
        assert.equal((await bot.post(activity)).status, 403);
      assert.equal(bot.connector.sent.length, sent, 'nothing sent');
      assert.equal(await everything(), stored, 'nothing stored');
    });

    it('refuses an activity with no tenant, or naming two different ones', async () => {
      const stored = await everything();
      const sent = bot.connector.sent.length;
      const plain = message(blake, svc, 'help');
      const variants = [
        { ...plain, conversation: { ...plain.conversation, tenantId: undefined }, channelData: {} },
        {
          ...plain,
          conversation: { ...plain.conversation, tenantId: '' },
          channelData: { tenant: { id: '' } },
        },
        { ...plain, channelData: { tenant: { id: tenantC } } },
        { ...plain, conversation: { ...plain.conversation, tenantId: tenantC } },
        { ...plain, channelData: { tenant: { id: 42 } } },
      ];
      for (const v of variants) assert.equal((await bot.post(v)).status, 403, JSON.stringify(v.channelData));
      assert.equal(bot.connector.sent.length, sent, 'nothing sent');
      assert.equal(await everything(), stored, 'nothing stored');
    });

    it('refuses every channel but Teams, even from an allowed tenant', async () => {
      const stored = await everything();
      const sent = bot.connector.sent.length;
      for (const channelId of ['webchat', 'directline', 'emulator', 'MSTEAMS', '', undefined])
        assert.equal(
          (await bot.post({ ...message(blake, svc, 'my data'), channelId })).status,
          403,
          String(channelId),
        );
      assert.equal(bot.connector.sent.length, sent, 'nothing sent');
      assert.equal(await everything(), stored, 'nothing stored');
    });

    it('logs a refused tenant by its id, once a minute however often it knocks', async () => {
      const other = '00000000-0000-4000-8000-0000000000dd';
      const stranger = { ...mallory, tenantId: other };
      const lines = () => logLines.filter((l) => l.includes(other));
      for (let i = 0; i < 5; i++) await bot.post(message(stranger, svc, 'help'));
      assert.equal(lines().length, 1);
      assert.match(lines()[0]!, /not from an allowed Teams tenant/);
      bot.clock.advance(61_000);
      await bot.post(message(stranger, svc, 'help'));
      assert.equal(lines().length, 2);
    });

    it('serves both allowed tenants', async () => {
      assert.match(textOf(await say(blake, 'upcoming')), /Thu, 3 Sept 2026/);
      assert.match(textOf(await say(ulf, 'upcoming')), /Thu, 3 Sept 2026/);
    });
  });

  describe("one tenant's coordinator and another's programme", () => {
    it("lists only their own tenant's programmes", async () => {
      const mine = textOf(await say(tova, 'programmes'));
      assert.match(mine, /Winter/);
      assert.doesNotMatch(mine, ofA);
      const theirs = textOf(await say(avery, 'programmes'));
      assert.match(theirs, /Autumn/);
      assert.doesNotMatch(theirs, ofB);
    });

    it("cannot open, edit, enrol into, pair, report on, audit, nudge or export the other's programme", async () => {
      const stored = await everything();
      for (const [verb, data] of [
        ['programme.open', {}],
        ['programme.edit', {}],
        ['enrol.open', {}],
        ['enrol.save', { people: ulf.aadObjectId }],
        ['pairing.open', {}],
        ['pairing.auto', {}],
        ['report.open', {}],
        ['report.audit', {}],
        ['report.export', {}],
        ['nudge.open', {}],
        ['nudge.preview', { segment: 'everyone', days: '3', wording: 'thanks', message: '' }],
      ] as const) {
        const shown = await act(tova, verb, { programmeId: autumn, ...data });
        assert.doesNotMatch(shown, ofA, verb);
        assert.doesNotMatch(shown, /reaches \d+ (people|person)/, verb);
      }
      assert.equal(await everything(), stored, 'nothing of A changed');
    });

    it("neither tenant's enrol or coordinators card offers the other's people or teams", async () => {
      const enrolA = invokeCard(
        (await bot.post(execute(avery, svc, 'enrol.open', { programmeId: autumn }))).body,
      );
      assert.doesNotMatch(JSON.stringify(enrolA), ofB);
      assert.doesNotMatch(JSON.stringify(enrolA), new RegExp(tova.aadObjectId));
      const enrolB = invokeCard(
        (await bot.post(execute(tova, svc, 'enrol.open', { programmeId: winter }))).body,
      );
      assert.match(textOf(enrolB), /B supervisors/);
      assert.doesNotMatch(JSON.stringify(enrolB), ofA);
      assert.doesNotMatch(JSON.stringify(await say(avery, 'coordinators')), ofB);
      assert.doesNotMatch(JSON.stringify(await say(tova, 'coordinators')), ofA);
    });

    it("cannot enrol the other tenant's team roster or people", async () => {
      const stored = await everything();
      const shown = await act(avery, 'enrol.save', {
        programmeId: autumn,
        teamIds: teamB.id,
        people: `${ulf.aadObjectId},${vera.aadObjectId}`,
      });
      assert.doesNotMatch(shown, ofB);
      const enrolments = await bot.app.store.containers.programmes.items
        .query({
          query: "SELECT c.personId FROM c WHERE c.type = 'enrolment' AND c.programmeId = @p",
          parameters: [{ name: '@p', value: autumn }],
        })
        .fetchAll();
      assert.deepEqual(
        enrolments.resources.map((e: { personId: string }) => e.personId).sort(),
        [blake.aadObjectId, chris.aadObjectId].sort(),
      );
      assert.equal(await everything(), stored);
    });

    it("a coordinator is one only in their own tenant: A's coordinator id arriving from B gets nothing of either", async () => {
      const averyFromB: TestUser = { ...avery, tenantId: tenantB, conversationId: 'a:personal-avery-b' };
      const stored = await everything();
      await bot.post(message(averyFromB, svc, 'programmes'));
      // what the chat shows (each reply also names its own addressee, from the activity itself)
      const shown = bot.connector
        .to(averyFromB.conversationId)
        .map((a) => `${String(a.text ?? '')}\n${textOf(cardOf(a))}`)
        .join('\n');
      assert.ok(shown.length > 0, 'she is answered');
      assert.doesNotMatch(shown, ofA);
      assert.doesNotMatch(shown, ofB);
      assert.equal(await everything(), stored, "Avery's document still points at her own chat");
    });
  });

  describe("a pair's content", () => {
    it("stays with its tenant: B's observation ids, prompts and summaries are out of A's reach", async () => {
      const upcomingB = await say(ulf, 'upcoming');
      const observationB = buttonData(upcomingB, 'observation.cancel');
      const stored = await everything();
      for (const verb of ['observation.cancel', 'observation.didNotHappen', 'schedule.open', 'summary.open'])
        assert.doesNotMatch(await act(blake, verb, observationB), ofB, verb);
      assert.equal(await everything(), stored);
    });

    it("is dispatched by its tenant's services: both pairs get their before-cards, each with its own names", async () => {
      bot.clock.set('2026-09-02T14:00:00Z');
      await bot.runDueWork();
      const toB = JSON.stringify([ulf, vera].flatMap((u) => bot.connector.to(u.conversationId)));
      const toA = JSON.stringify([blake, chris].flatMap((u) => bot.connector.to(u.conversationId)));
      assert.match(textOf(lastCard(vera)), /Ulf Sand/);
      assert.match(textOf(lastCard(chris)), /Blake Berg/);
      assert.doesNotMatch(toB, ofA);
      assert.doesNotMatch(toA, ofB);
    });

    it('carries its tenant on every document and every job', async () => {
      const { resources } = await bot.app.store.containers.cycles.items.readAll().fetchAll();
      const byPair = new Map<string, Set<unknown>>();
      for (const d of resources as Record<string, unknown>[]) {
        const set = byPair.get(String(d.pairId)) ?? new Set();
        set.add(d.tenantId);
        byPair.set(String(d.pairId), set);
      }
      assert.deepEqual([...byPair.values()].map((s) => [...s].sort()).sort(), [[tenantA], [tenantB]]);
      const jobs = (await bot.app.store.containers.schedule.items.readAll().fetchAll()).resources.filter(
        (j: Record<string, unknown>) => j.type === 'job',
      );
      assert.ok(jobs.length > 0);
      for (const j of jobs) assert.ok([tenantA, tenantB].includes(j.payload.tenantId), j.id);
    });
  });

  describe('data written before tenants were recorded', () => {
    it('belongs to the first allowed tenant: still A’s, still out of B’s reach', async () => {
      // strip the tenant from every document of A, as documents were stored before this change
      for (const container of Object.values(bot.app.store.containers)) {
        const { resources } = await container.items.readAll().fetchAll();
        for (const d of resources as Record<string, unknown>[]) {
          if (d.tenantId !== tenantA) continue;
          const { tenantId: _t, ...rest } = d;
          await container.items.upsert(rest);
        }
      }
      const mine = textOf(await say(avery, 'programmes'));
      assert.match(mine, /Autumn/);
      assert.match(await act(avery, 'report.open', { programmeId: autumn }), /Autumn: where it stands/);
      assert.match(textOf(await say(blake, 'upcoming')), /Thu, 3 Sept 2026/);
      assert.doesNotMatch(JSON.stringify(await say(tova, 'programmes')), ofA);
      assert.doesNotMatch(await act(tova, 'programme.open', { programmeId: autumn }), ofA);
    });
  });
});
