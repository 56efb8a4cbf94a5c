import assert from 'node:assert/strict';
import sinon from 'sinon';
import {
  addActionPoint,
  answerPrompt,
  endObservation,
  openSummary,
  saveSchedule,
  schedule,
} from '../../../src/bot/handlers/cycle-handlers';
import { actorOf, botServices, reachablePerson } from '../../support/bot-actors';
import { sampleObservation, samplePairs, samplePrompt, sampleSummary } from '../../support/card-samples';
import { followUpWeeks } from '../../../src/domain/timing';
import { textOf } from '../../support/test-bot';
import { TelemetryRecorder } from '../../support/telemetry-recorder';
import { metricNames } from '../../../src/telemetry/telemetry';

const host = reachablePerson(1, 'Blake Berg', { id: 'host' });
const actor = actorOf({ person: host });
const words = actor.words;
const pair = {
  ...samplePairs(1)[0]!,
  id: 'pair:1',
  memberIds: ['host', 'observer'],
  memberNames: { host: 'Blake Berg', observer: 'Chris Dahl' },
};
const stale = { reply: { text: words.t('common.stale') } };

describe('cycle-handlers', () => {
  const sandbox = sinon.createSandbox();
  let cycles: Record<string, Record<string, sinon.SinonStub> | object>;
  const stub = (part: string, name: string) => (cycles[part] as Record<string, sinon.SinonStub>)[name]!;
  beforeEach(() => {
    cycles = {
      reads: {
        pairsOf: sandbox.stub().resolves([{ pair, programme: { name: 'Autumn' } }]),
        observationOf: sandbox.stub().resolves(undefined),
      },
      scheduling: {
        schedule: sandbox.stub().resolves({ status: 'scheduled', observation: sampleObservation() }),
        upcoming: sandbox.stub().resolves([]),
        end: sandbox.stub(),
      },
      answers: { answer: sandbox.stub() },
      summaries: { summaryFor: sandbox.stub().resolves(sampleSummary()) },
      actionPoints: { addActionPoint: sandbox.stub().resolves('added') },
      scale: { unit: 'days' },
    };
  });
  afterEach(() => sandbox.restore());

  it('tells someone without a pair that there is nobody to schedule with', async () => {
    stub('reads', 'pairsOf').resolves([]);
    assert.deepEqual(await schedule(actor, botServices({ cycles })), { text: words.t('schedule.noPair') });
  });

  describe('saveSchedule', () => {
    it('schedules for the pair the card names and confirms with the peer’s name', async () => {
      const data = { pair: 'pair:1|p-1', date: '2026-09-02', startTime: '10:00', hostId: 'host' };
      const people = { get: sandbox.stub().resolves(undefined) };
      const result = await saveSchedule(actor, data, botServices({ cycles, people }));
      const [person, pairId, programmeId, input] = stub('scheduling', 'schedule').firstCall.args;
      assert.deepEqual([person, pairId, programmeId, input.date], [host, 'pair:1', 'p-1', '2026-09-02']);
      assert.ok(textOf(result.update).includes('Chris Dahl'));
    });

    it('answers a card naming no pair as stale, and schedules nothing', async () => {
      assert.deepEqual(await saveSchedule(actor, { pair: 'nonsense' }, botServices({ cycles })), stale);
      assert.equal(stub('scheduling', 'schedule').called, false);
    });

    it('keeps the form, with the errors, when the input is refused', async () => {
      stub('scheduling', 'schedule').resolves({ status: 'invalid', errors: { date: 'schedule.error.date' } });
      const result = await saveSchedule(actor, { pair: 'pair:1|p-1', date: 'soon' }, botServices({ cycles }));
      assert.ok(textOf(result.update).includes(words.t('schedule.error.date')));
    });
  });

  describe('endObservation', () => {
    it('leaves an observation that has started, and says why', async () => {
      stub('scheduling', 'end').resolves({ status: 'started', observation: sampleObservation() });
      const result = await endObservation('cancelled')(actor, {}, botServices({ cycles }));
      assert.deepEqual(result.reply, { text: words.t('upcoming.startedNoCancel') });
      assert.ok(result.update);
    });

    it('confirms a cancellation naming the peer', async () => {
      stub('scheduling', 'end').resolves({ status: 'ended', observation: sampleObservation() });
      const result = await endObservation('cancelled')(actor, { pairId: 'pair:1' }, botServices({ cycles }));
      assert.ok(textOf(result.update).includes(words.t('upcoming.cancelled', { peer: 'Chris Dahl' })));
      assert.equal(stub('scheduling', 'end').firstCall.args[3], 'cancelled');
    });
  });

  describe('answerPrompt', () => {
    it('hands on only what was typed, not the card’s own keys', async () => {
      stub('answers', 'answer').resolves({ status: 'missing' });
      const data = { verb: 'prompt.answer', pairId: 'pair:1', promptId: 'p1', 'ah.plan': 'Fine' };
      assert.deepEqual(await answerPrompt(actor, data, botServices({ cycles })), stale);
      assert.deepEqual(stub('answers', 'answer').firstCall.args.slice(1), [
        'pair:1',
        'p1',
        { 'ah.plan': 'Fine' },
      ]);
    });

    it('tells someone answering another person’s prompt that it is not theirs', async () => {
      stub('answers', 'answer').resolves({ status: 'forbidden' });
      const result = await answerPrompt(actor, {}, botServices({ cycles }));
      assert.deepEqual(result, { reply: { text: words.t('prompt.forbidden') } });
    });

    it('keeps the card and says so when it is too early to answer', async () => {
      const view = { observation: sampleObservation(), programmeName: 'Autumn', names: pair.memberNames };
      stub('answers', 'answer').resolves({ status: 'notYet', prompt: samplePrompt('afterHost'), view });
      const result = await answerPrompt(actor, {}, botServices({ cycles }));
      assert.ok(result.update);
      assert.deepEqual(result.reply, { text: words.t('prompt.notYet') });
    });

    it('counts each Send by the prompt’s kind and the outcome; a prompt not theirs has no kind to tell', async () => {
      const recorder = new TelemetryRecorder();
      const services = botServices({ cycles, telemetry: recorder.telemetry });
      const view = { observation: sampleObservation(), programmeName: 'Autumn', names: pair.memberNames };
      stub('answers', 'answer')
        .onFirstCall()
        .resolves({ status: 'answered', prompt: samplePrompt('afterHost'), view })
        .onSecondCall()
        .resolves({ status: 'forbidden' });
      await answerPrompt(actor, {}, services);
      await answerPrompt(actor, {}, services);
      const counted = (await recorder.points()).filter((p) => p.name === metricNames.cardAnswers);
      assert.deepEqual(
        counted.map((p) => [p.attributes, p.value]),
        [
          [{ prompt_kind: 'afterHost', outcome: 'answered' }, 1],
          [{ prompt_kind: 'unknown', outcome: 'forbidden' }, 1],
        ],
      );
      await recorder.shutdown();
    });
  });

  it('opens a summary as a new message recorded as showing both members’ words', async () => {
    const result = await openSummary(
      actor,
      { pairId: 'pair:1', observationId: 'observation:1' },
      botServices({ cycles }),
    );
    assert.deepEqual(result.reply?.shows, {
      source: { kind: 'summary', observationId: 'observation:1' },
      personIds: ['host', 'observer'],
      pairs: [{ pairId: 'pair:1', programmeId: 'p-1' }],
    });
  });

  describe('addActionPoint', () => {
    it('puts the outcome on the summary card', async () => {
      stub('actionPoints', 'addActionPoint').resolves('tooLong');
      const result = await addActionPoint(actor, { actionPoint: 'x' }, botServices({ cycles }));
      assert.ok(textOf(result.update).includes(words.t('summary.actionTooLong')));
    });

    it('says how many minutes a local run waits, where a real one waits weeks', async () => {
      const local = { ...cycles, scale: { unit: 'minutes' } };
      const result = await addActionPoint(actor, { actionPoint: 'Pause' }, botServices({ cycles: local }));
      assert.ok(
        textOf(result.update).includes(words.t('summary.actionAddedLocal', { count: followUpWeeks })),
      );
      assert.ok(!textOf(result.update).includes(words.t('summary.actionAdded', { count: followUpWeeks })));
    });

    it('answers an action point for a summary that is gone as stale', async () => {
      stub('actionPoints', 'addActionPoint').resolves('missing');
      assert.deepEqual(await addActionPoint(actor, {}, botServices({ cycles })), stale);
    });
  });
});
