import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { avery, blake, chris, execute, TestUser } from '../support/activities';
import { buttonData, pairUp, scheduleObservation } from '../support/cycle-fixtures';
import { RecordedPoint, TelemetryRecorder } from '../support/telemetry-recorder';
import { cardOf, startTestBot, TestBot } from '../support/test-bot';
import { MetricName, metricNames } from '../../src/telemetry/telemetry';

const OPERATIONS = readFileSync(path.resolve(__dirname, '../../docs/operations.md'), 'utf8');

/** the only attribute keys any metric or span may carry: kinds, outcomes and codes */
const ATTRIBUTE_KEYS = new Set([
  'kind',
  'outcome',
  'code',
  'prompt_kind',
  'verb',
  'operation',
  'status',
  'work',
]);

/**
 * What an IT team sees of one whole observation cycle, from pairing to the summary: every metric an
 * operator's dashboard and alerts name, under the names docs/operations.md documents, and spans for
 * turns and due work — with only the attribute keys the docs list.
 */
describe('e2e: a whole observation cycle in telemetry', () => {
  let bot: TestBot;
  const recorder = new TelemetryRecorder();
  let points: RecordedPoint[];

  before(async () => {
    bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId }, undefined, undefined, undefined, {
      telemetry: recorder.telemetry,
    });
    const svc = bot.connector.url;
    bot.clock.set('2026-09-01T08:00:00Z');
    await pairUp(bot, avery, blake, chris);
    await scheduleObservation(bot, blake, blake, { date: '2026-09-03', startTime: '10:00' });
    const last = (u: TestUser) => cardOf(bot.connector.to(u.conversationId).at(-1));
    const answer = (u: TestUser, answers: Record<string, string>) =>
      bot.post(execute(u, svc, 'prompt.answer', { ...buttonData(last(u), 'prompt.answer'), ...answers }));
    // the before-cards, late by ten minutes (the scheduler ran late)
    bot.clock.set('2026-09-02T14:10:00Z');
    await bot.runDueWork();
    await answer(blake, { 'bh.strategy': 'a strategy', 'bh.focus': 'a focus' });
    await answer(chris, { 'bo.attention': 'attention' });
    bot.clock.set('2026-09-03T12:00:00Z');
    await bot.runDueWork();
    await answer(chris, { 'ao.worked': 'worked', 'ao.focus': 'seen', 'ao.try': 'try', 'ao.contrast': 'c' });
    await answer(blake, {
      'ah.plan': 'plan',
      'ah.noticed': 'noticed',
      'ah.discuss': 'discuss',
      'ah.safety': '4',
    });
    await bot.runDueWork();
    points = await recorder.points();
  });
  after(async () => {
    await bot.close();
    await recorder.shutdown();
  });

  const total = (name: MetricName, where: Record<string, unknown> = {}) =>
    points
      .filter((p) => p.name === name && Object.entries(where).every(([k, v]) => p.attributes[k] === v))
      .reduce((sum, p) => sum + p.value, 0);

  it('records every documented metric but lease takeovers (no instance crashed), and no other', () => {
    const names = new Set(points.map((p) => p.name));
    const documented = Object.values(metricNames);
    for (const name of documented.filter((n) => n !== metricNames.leaseTakeovers))
      assert.ok(names.has(name), `${name} was recorded`);
    for (const name of names) assert.ok((documented as string[]).includes(name), `${name} is documented`);
    for (const name of documented)
      assert.ok(OPERATIONS.includes(`\`${name}\``), `${name} in docs/operations.md`);
  });

  it('counts the four card answers, the cards sent, the jobs run and how late they ran', () => {
    for (const kind of ['beforeHost', 'beforeObserver', 'afterObserver', 'afterHost'])
      assert.equal(total(metricNames.cardAnswers, { prompt_kind: kind, outcome: 'answered' }), 1, kind);
    // two before-cards, two after-cards and two summaries at least, with the notices of scheduling
    assert.ok(total(metricNames.sends, { outcome: 'sent' }) >= 6);
    assert.equal(total(metricNames.sends, { outcome: 'failed' }), 0);
    assert.ok(total(metricNames.jobs, { kind: 'prompt.send', outcome: 'done' }) >= 4);
    const lag = points.find((p) => p.name === metricNames.dueWorkLag && p.attributes.kind === 'prompt.send');
    assert.ok(lag?.max !== undefined && lag.max >= 10 * 60_000, `ten minutes late: ${lag?.max}`);
    assert.ok(total(metricNames.turns, { kind: 'adaptiveCard/action', outcome: 'ok' }) >= 4);
    assert.ok(total(metricNames.storeRequests, { operation: 'read', status: 200 }) > 0);
    assert.equal(total(metricNames.startupDuration), 1, 'start-up once');
  });

  it('has a span per turn and per job, and every attribute is a documented key', () => {
    const spans = recorder.spans();
    assert.ok(spans.some((s) => s.name === 'turn' && s.attributes.kind === 'adaptiveCard/action'));
    assert.ok(spans.some((s) => s.name === 'job' && s.attributes.kind === 'prompt.send'));
    const keys = [
      ...points.flatMap((p) => Object.keys(p.attributes)),
      ...spans.flatMap((s) => Object.keys(s.attributes)),
    ];
    for (const key of keys) assert.ok(ATTRIBUTE_KEYS.has(key), `attribute ${key}`);
    for (const key of ATTRIBUTE_KEYS) assert.ok(OPERATIONS.includes(`\`${key}\``), `${key} documented`);
  });
});
