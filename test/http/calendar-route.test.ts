import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CalendarLinkClaims, CalendarLinkSigner } from '../../src/calendar/calendar-link';
import { avery, blake, chris, dana, tenantId } from '../support/activities';
import { calendarUrl, pairUp, scheduleObservation } from '../support/cycle-fixtures';
import { parseIcs } from '../support/ical';
import { cardOf, startTestBot, TestBot } from '../support/test-bot';

const secret = 'test-calendar-secret-0123456789-abcdefghijklmnop';
const otherTenant = '11111111-0000-4000-8000-0000000000bb';
const day = 86_400_000;

describe('GET /calendar/<token>.ics', () => {
  let bot: TestBot;
  let url: string;
  let claims: CalendarLinkClaims;
  const signer = new CalendarLinkSigner(secret);

  const get = async (address: string) => {
    const res = await fetch(address);
    return { status: res.status, headers: res.headers, body: await res.text() };
  };
  const tokenOf = (address: string) => /\/calendar\/([^/]+)\.ics$/.exec(address)![1]!;
  const linkWith = (changes: Partial<CalendarLinkClaims>, by = signer) =>
    `${bot.app.url}/calendar/${by.sign({ ...claims, ...changes })}.ics`;
  const observationDoc = async () => {
    const { resources } = await bot.app.store.containers.cycles.items
      .query({ query: "SELECT * FROM c WHERE c.type = 'observation'" })
      .fetchAll();
    return resources[0] as { id: string; pairId: string; programmeId: string };
  };

  beforeEach(async () => {
    bot = await startTestBot({
      COORDINATOR_AAD_IDS: avery.aadObjectId,
      CALENDAR_LINK_SECRET: secret,
      ALLOWED_TENANT_IDS: `${tenantId},${otherTenant}`,
    });
    bot.clock.set('2026-09-01T08:00:00Z');
    await pairUp(bot, avery, blake, chris);
    await scheduleObservation(bot, blake, blake, { date: '2026-09-03', startTime: '10:00' });
    url = calendarUrl(cardOf(bot.connector.to(chris.conversationId).at(-1)));
    claims = signer.verify(tokenOf(url), bot.clock.now())!;
  });
  afterEach(() => bot.close());

  it("serves its owner's file, as a download nobody caches, without the person's id or name in the link", async () => {
    const res = await get(url);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="peer-observation.ics"');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const { events } = await parseIcs(res.body);
    assert.equal(events[0]?.summary, 'Peer observation with Blake Berg');
    assert.ok(url.startsWith(`${bot.app.url}/calendar/`), url);
    for (const revealing of [
      chris.aadObjectId,
      chris.aadObjectId.replace(/-/g, ''),
      'Chris',
      'Dahl',
      'chris',
    ])
      assert.ok(!url.toLowerCase().includes(revealing.toLowerCase()), `${revealing} in ${url}`);
    const payload = Buffer.from(tokenOf(url).split('.')[0]!, 'base64url').toString('utf8');
    assert.ok(!payload.toLowerCase().includes(chris.aadObjectId.toLowerCase()), payload);
    assert.ok(!/chris|dahl/i.test(payload), payload);
  });

  it('answers 404 with one and the same body to every link that is not a live link of a member', async () => {
    const token = tokenOf(url);
    const [payload, signature] = token.split('.') as [string, string];
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    const attempts: Record<string, () => Promise<string> | string> = {
      'a character of the payload changed': () =>
        `${bot.app.url}/calendar/${flip(payload, 5)}.${signature}.ics`,
      'a character of the signature changed': () =>
        `${bot.app.url}/calendar/${payload}.${flip(signature, 3)}.ics`,
      "another link's payload under this signature": () =>
        `${bot.app.url}/calendar/${tokenOf(linkWith({ observationId: 'observation:other' })).split('.')[0]}.${signature}.ics`,
      "a member's token replayed with the other member's tag": () =>
        `${bot.app.url}/calendar/${tokenOf(linkWith({ personTag: signer.personTag(tenantId, blake.aadObjectId) })).split('.')[0]}.${signature}.ics`,
      'signed with another secret': () => linkWith({}, new CalendarLinkSigner(`${secret}-other`)),
      'a tenant that is not allowed': () => linkWith({ tenantId: '22222222-0000-4000-8000-0000000000cc' }),
      'another allowed tenant': () => linkWith({ tenantId: otherTenant }),
      'someone who is not in the pair': () =>
        linkWith({ personTag: signer.personTag(tenantId, dana.aadObjectId) }),
      malformed: () => `${bot.app.url}/calendar/not-a-token.ics`,
      'without .ics': () => `${bot.app.url}/calendar/${token}`,
      expired: () => {
        bot.clock.set(new Date(Date.parse('2026-09-03T09:00:00Z') + 30 * day).toISOString());
        return url;
      },
    };
    const bodies = new Set<string>();
    for (const [what, make] of Object.entries(attempts)) {
      const res = await get(await make());
      assert.equal(res.status, 404, what);
      assert.equal(res.headers.get('cache-control'), 'no-store', what);
      bodies.add(res.body);
    }
    assert.equal(bodies.size, 1, [...bodies].join(' | '));
    // the same link worked a moment before it expired
    bot.clock.set(new Date(Date.parse('2026-09-03T09:00:00Z') + 30 * day - 1000).toISOString());
    assert.equal((await get(url)).status, 200);
  });

  it('answers the same 404 once the person is no longer in the pair', async () => {
    const o = await observationDoc();
    const pairs = bot.app.store.containers.programmes;
    const { resource: pair } = await pairs.item(o.pairId, o.programmeId).read();
    const notFound = (await get(`${bot.app.url}/calendar/x.ics`)).body;
    await pairs.items.upsert({ ...pair, memberIds: [blake.aadObjectId, dana.aadObjectId] });
    assert.deepEqual(await get(url).then((r) => [r.status, r.body]), [404, notFound]);
  });

  it("answers the same 404 once the observation's document is gone", async () => {
    const o = await observationDoc();
    const notFound = (await get(`${bot.app.url}/calendar/x.ics`)).body;
    await bot.app.store.containers.cycles.item(o.id, o.pairId).delete();
    assert.deepEqual(await get(url).then((r) => [r.status, r.body]), [404, notFound]);
  });

  it('answers every mangled link with the same 404, never an error and never a file (fuzzed)', async () => {
    const notFound = (await get(`${bot.app.url}/calendar/x.ics`)).body;
    const token = tokenOf(url);
    const mangled = fc.oneof(
      fc.string({ maxLength: 400 }).map((t) => encodeURIComponent(t)),
      fc
        .tuple(fc.nat({ max: token.length - 1 }), fc.string({ minLength: 1, maxLength: 1 }))
        .map(([i, c]) => token.slice(0, i) + encodeURIComponent(c) + token.slice(i + 1)),
      fc.nat({ max: token.length - 1 }).map((n) => token.slice(0, n)),
      fc.string({ maxLength: 40 }).map((t) => `${token}${encodeURIComponent(t)}`),
    );
    await fc.assert(
      fc.asyncProperty(mangled, async (t) => {
        fc.pre(t !== token);
        const res = await get(`${bot.app.url}/calendar/${t}.ics`);
        return res.status === 404 && res.body === notFound;
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });
});
