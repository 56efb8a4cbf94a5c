import assert from 'node:assert/strict';
import { avery, blake, chris, dana, execute, installed, message } from '../support/activities';
import { pairUp } from '../support/cycle-fixtures';
import { FuzzBot, formatReport, runFuzz, startFuzzBot } from '../support/fuzz';

/**
 * The short form of the fuzz (the long one: `npm run fuzz`). A fixed seed keeps CI repeatable;
 * FUZZ_SEED and FUZZ_RUNS explore further.
 */
describe('e2e: fuzzing /api/messages', () => {
  let target: FuzzBot;
  before(async () => {
    target = await startFuzzBot();
  });
  after(() => target.close());

  it('answers random and mutated activities and card payloads without a 5xx, stays healthy and stores only well-formed documents', async function () {
    this.timeout(120_000);
    const runs = Number(process.env.FUZZ_RUNS ?? 300);
    const report = await runFuzz({
      runs,
      seed: Number(process.env.FUZZ_SEED ?? 20261126),
      bot: target.bot,
      logged: target.logged,
    });
    const figures = formatReport(report).join('\n');
    assert.equal(report.failure, undefined, figures);
    assert.deepEqual(report.malformed, [], figures);
    assert.equal(report.runs, runs);
    // most of them were real requests the bot answered
    assert.ok(report.requests > runs * 0.8, figures);
    assert.ok((report.statuses['200'] ?? 0) > runs / 3, figures);
  });
});

/** what the fuzz found, kept as examples: each was a 500, a 501, a crash caught in a turn, or a bad document */
describe('e2e: bodies the fuzz found', () => {
  let target: FuzzBot;
  let svc: string;
  let programmeId: string;
  before(async () => {
    target = await startFuzzBot();
    svc = target.bot.connector.url;
    programmeId = await pairUp(target.bot, avery, blake, chris);
  });
  after(() => target.close());

  const raw = (body: string, contentType = 'application/json') =>
    fetch(`${target.bot.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
  const crashes = () => target.logged.filter((e) => e.errorName && e.errorName !== 'RestError');

  it('refuses a body without an activity type with 400, not 500', async () => {
    for (const body of ['{}', '{"type":5}', '{"type":""}', '{"type":null,"text":"help"}'])
      assert.equal((await raw(body)).status, 400, body);
    // a form is not even read: only JSON is (test/http/hostile-bodies.test.ts)
    assert.equal((await raw('text=help', 'application/x-www-form-urlencoded')).status, 415);
  });

  it('refuses with 400 an activity whose fields botbuilder or the bot would trip over', async () => {
    const help = message(blake, svc, 'help');
    const broken: Record<string, object> = {
      'serviceUrl a number': { ...help, serviceUrl: 5 },
      'serviceUrl not a URL': { ...help, serviceUrl: 'not a url' },
      'no serviceUrl, from someone': { ...help, serviceUrl: undefined },
      'sender name a number': { ...help, from: { ...help.from, name: 5 } },
      'entities an object': { ...help, entities: {} },
      'text a number': { ...help, text: 5 },
      'locale a list': { ...help, locale: ['en'] },
      'conversation id an object': { ...help, conversation: { ...help.conversation, id: { a: 1 } } },
      'conversation id not ASCII': { ...help, conversation: { ...help.conversation, id: 'a:ü' } },
      'activity id a lone surrogate': { ...help, id: '\ud800' },
      'sender but no conversation': { ...help, conversation: undefined },
      'isGroup a string': { ...help, conversation: { ...help.conversation, isGroup: 'yes' } },
      'members added, no recipient': {
        ...installed(blake, svc),
        type: 'conversationUpdate',
        membersAdded: [{ id: 'x' }],
        from: undefined,
        recipient: undefined,
      },
      'deleted message without channelData': { ...help, type: 'messageDelete', channelData: undefined },
      'card action without an action': { ...execute(blake, svc, 'command.run'), value: {} },
      'file consent without a value': {
        ...help,
        type: 'invoke',
        name: 'fileConsent/invoke',
        value: undefined,
      },
      'search with a string value': { ...help, type: 'invoke', name: 'application/search', value: 'x' },
    };
    for (const [what, body] of Object.entries(broken))
      assert.equal((await raw(JSON.stringify(body))).status, 400, what);
    assert.deepEqual(crashes(), []);
  });

  it('answers a card action whose reply cannot be delivered with the failure under the card, not 501', async () => {
    target.bot.connector.failures.set(blake.conversationId, {
      status: 403,
      code: 'ConversationBlockedByUser',
    });
    try {
      const res = await target.bot.post(execute(blake, svc, 'command.run', { command: 'help' }));
      assert.equal(res.status, 200);
      assert.equal((res.body as { type: string }).type, 'application/vnd.microsoft.activity.message');
    } finally {
      target.bot.connector.failures.delete(blake.conversationId);
    }
  });

  it('reads ids a document cannot have (empty, blank, too long, a path, a lone surrogate) as not found', async () => {
    for (const pairId of ['', '   ', 'x'.repeat(3000), 'a/b', '\ud800'])
      for (const promptId of ['', ' '.repeat(200), 'p'.repeat(300), 'a#b', '\udc00']) {
        const res = await target.bot.post(
          execute(blake, svc, 'prompt.answer', { pairId, promptId, 'bh.strategy': 'x', 'bh.focus': 'y' }),
        );
        assert.equal(res.status, 200);
      }
    assert.deepEqual(crashes(), []);
  });

  it('enrols only Entra object ids: a key like __proto__, a path or an overlong id is nobody', async () => {
    await target.bot.post(installed(dana, svc));
    const people = [
      '__proto__',
      'constructor',
      'a/b',
      'f'.repeat(300),
      ` ${dana.aadObjectId.toUpperCase()} `,
    ];
    const res = await target.bot.post(
      execute(avery, svc, 'enrol.save', { programmeId, people: people.join(',') }),
    );
    assert.equal(res.status, 200);
    const { resources } = await target.bot.app.store.containers.people.items
      .query<{ id: string }>('SELECT c.id FROM c')
      .fetchAll();
    assert.deepEqual(
      resources.map((p) => p.id).sort(),
      [avery, blake, chris, dana].map((u) => u.aadObjectId).sort(),
    );
    const { resources: enrolled } = await target.bot.app.store.containers.programmes.items
      .query<{ personId: string }>({
        query: "SELECT c.personId FROM c WHERE c.type = 'enrolment' AND c.programmeId = @p",
        parameters: [{ name: '@p', value: programmeId }],
      })
      .fetchAll();
    assert.ok(enrolled.some((e) => e.personId === dana.aadObjectId));
    assert.equal(enrolled.length, 3);
  });

  it('keeps answering real people afterwards', async () => {
    assert.equal((await fetch(`${target.bot.app.url}/healthz`)).status, 200);
    const before = target.bot.connector.to(blake.conversationId).length;
    assert.equal((await target.bot.post(message(blake, svc, 'help'))).status, 200);
    await target.bot.connector.waitFor(() => target.bot.connector.to(blake.conversationId).length > before);
  });
});
