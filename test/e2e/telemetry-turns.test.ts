import assert from 'node:assert/strict';
import { avery, blake, chris, execute, message, testUser } from '../support/activities';
import { capturedLog } from '../support/captured-log';
import { buttonData, pairWithThursdayObservation } from '../support/cycle-fixtures';
import { latestCardTitled, pressOnLastCard } from '../support/e2e-bot';
import { TelemetryRecorder } from '../support/telemetry-recorder';
import { startTestBot, TestBot } from '../support/test-bot';
import { metricNames } from '../../src/telemetry/telemetry';

/** someone from a tenant the operator did not allow */
const mallory = testUser('1', 'Mallory Outside', {
  tenantId: '00000000-0000-4000-8000-0000000000cc',
  conversationId: 'a:personal-mallory',
});

describe('e2e: an operator sees every inbound turn counted, timed and traced', () => {
  let bot: TestBot;
  let recorder: TelemetryRecorder;
  let lines: string[];
  beforeEach(async () => {
    recorder = new TelemetryRecorder();
    const captured = capturedLog('debug');
    lines = captured.lines;
    bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId }, undefined, undefined, captured.log, {
      telemetry: recorder.telemetry,
    });
    // Tuesday 1 September 2026, 10:00 in Stockholm: Blake and Chris are paired; Blake hosts on Thursday
    await pairWithThursdayObservation(bot, avery, blake, chris);
  });
  afterEach(async () => {
    await bot.close();
    await recorder.shutdown();
  });

  const turns = (where: Record<string, string>) => recorder.total(metricNames.turns, where);
  const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

  it('a message, a card answer and a turn from another tenant: by kind and outcome, each in a span', async () => {
    const before = {
      messages: await turns({ kind: 'message', outcome: 'ok' }),
      clicks: await turns({ kind: 'adaptiveCard/action', outcome: 'ok' }),
      spans: recorder.spans().length,
    };
    assert.equal(await turns({ kind: 'installationUpdate', outcome: 'ok' }), 3);

    await bot.post(message(blake, bot.connector.url, 'help'));
    // the day before, 16:00 in Stockholm: Blake's card before he is observed; he answers it
    bot.clock.set('2026-09-02T14:00:00Z');
    await bot.runDueWork();
    const answered = await pressOnLastCard(bot, blake, 'prompt.answer', {
      'bh.strategy': 'Thinking aloud',
      'bh.focus': 'How I ask questions',
    });
    assert.equal(answered.status, 200);
    assert.equal((await bot.post(message(mallory, bot.connector.url, 'help'))).status, 403);

    assert.equal(await turns({ kind: 'message', outcome: 'ok' }), before.messages + 1);
    assert.equal(await turns({ kind: 'adaptiveCard/action', outcome: 'ok' }), before.clicks + 1);
    assert.equal(await turns({ kind: 'message', outcome: 'refused' }), 1);
    assert.equal(await turns({ outcome: 'failed' }), 0);
    const durations = (await recorder.points()).filter((p) => p.name === metricNames.turnDuration);
    assert.equal(
      durations.reduce((n, p) => n + p.value, 0),
      await turns({}),
      'every turn is timed',
    );
    assert.ok(durations.every((p) => p.sum! > 0));
    assert.equal(
      await recorder.total(metricNames.cardAnswers, { prompt_kind: 'beforeHost', outcome: 'answered' }),
      1,
    );

    const spans = recorder
      .spans()
      .slice(before.spans)
      .filter((s) => s.name === 'turn');
    assert.deepEqual(
      spans.map((s) => [
        s.name,
        s.attributes.kind,
        s.attributes.verb,
        s.attributes.outcome,
        s.attributes.code,
      ]),
      [
        ['turn', 'message', undefined, 'ok', undefined],
        ['turn', 'adaptiveCard/action', 'prompt.answer', 'ok', undefined],
        ['turn', 'message', undefined, 'refused', 'tenant'],
      ],
    );
  });

  it('logs the refused turn at info by its code, and every turn at debug, without ids or words', async () => {
    await bot.post(message(mallory, bot.connector.url, 'help'));
    await bot.post(execute(blake, bot.connector.url, 'verb.from.an.old.card'));

    const info = logged().filter((e) => e.level === 30 && /^turn /.test(e.msg as string));
    assert.deepEqual(
      info.map((e) => [e.component, e.msg, e.kind, e.outcome, e.code]),
      [
        ['adapter', 'turn refused', 'message', 'refused', 'tenant'],
        ['adapter', 'turn refused', 'adaptiveCard/action', 'refused', 'unknownVerb'],
      ],
    );
    const debug = logged().filter((e) => e.level === 20 && e.msg === 'turn');
    assert.equal(debug.length, await turns({}));
    assert.ok(debug.every((e) => typeof e.ms === 'number'));
    const turnLines = JSON.stringify([...info, ...debug]);
    for (const secret of [
      mallory.tenantId!,
      mallory.aadObjectId,
      mallory.conversationId,
      'help',
      'verb.from',
    ])
      assert.ok(!turnLines.includes(secret), secret);
  });

  it('counts a baseline questionnaire answered', async () => {
    const card = latestCardTitled(bot, chris, /^Your starting point/)!;
    const data = buttonData(card, 'evaluation.answer');
    const ratings = Object.fromEntries(
      ['strategies', 'complexity', 'reflection', 'feedback', 'learnerPerspective', 'sharedConcern'].map(
        (s) => [`s.${s}`, '3'],
      ),
    );
    await bot.post(execute(chris, bot.connector.url, 'evaluation.answer', { ...data, ...ratings }));
    await bot.post(execute(chris, bot.connector.url, 'evaluation.answer', { ...data, ...ratings }));
    assert.equal(
      await recorder.total(metricNames.cardAnswers, {
        prompt_kind: 'evaluation.baseline',
        outcome: 'answered',
      }),
      1,
    );
    assert.equal(
      await recorder.total(metricNames.cardAnswers, {
        prompt_kind: 'evaluation.baseline',
        outcome: 'already',
      }),
      1,
    );
  });
});
