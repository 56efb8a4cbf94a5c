import assert from 'node:assert/strict';
import { capturedLog } from '../support/captured-log';
import { avery, blake, chris, execute, fileConsent, message, TestUser } from '../support/activities';
import { buttonData, pairUp, scheduleObservation } from '../support/cycle-fixtures';
import { cardOf, invokeCard, startTestBot, storedIn, TestBot } from '../support/test-bot';
import { TelemetryRecorder } from '../support/telemetry-recorder';
import { metricNames } from '../../src/telemetry/telemetry';

/** a baseline answer: no marker fits in a 1–5 rating, so its evidence is its shape and its words */
const baselineRatings = {
  's.strategies': '5',
  's.complexity': '1',
  's.reflection': '3',
  's.feedback': '4',
  's.learnerPerspective': '2',
  's.sharedConcern': '5',
};

/**
 * The canary: every free-text answer carries a unique marker. Then every coordinator feature and
 * every log line the process wrote is searched; no marker may appear anywhere.
 */
describe('e2e: canary — nothing supervisors write reaches coordinators, logs or telemetry', () => {
  let bot: TestBot;
  const { log, lines: logLines } = capturedLog('trace');
  /** every span, metric and attribute the bot produced, as an exporter would send them */
  const recorder = new TelemetryRecorder();
  const markers: string[] = [];
  const marker = (where: string) => {
    const m = `CANARY-${where}-${markers.length}-${Math.random().toString(36).slice(2, 8)}`;
    markers.push(m);
    return m;
  };

  before(async () => {
    // everything, at the most talkative level
    bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId }, undefined, undefined, log, {
      telemetry: recorder.telemetry,
    });
    const svc = bot.connector.url;
    bot.clock.set('2026-09-01T08:00:00Z');
    await pairUp(bot, avery, blake, chris);
    // the baseline questionnaire: two tampered answers carrying markers (refused), then a real one
    const baseline = bot.connector
      .to(blake.conversationId)
      .map(cardOf)
      .find((c) => JSON.stringify(c ?? {}).includes('evaluation.answer'));
    const baselineData = buttonData(baseline, 'evaluation.answer');
    for (const answer of [
      { 's.strategies': marker('baselineValue') },
      { [`s.${marker('baselineStatement')}`]: '3' },
      baselineRatings,
    ])
      await bot.post(execute(blake, svc, 'evaluation.answer', { ...baselineData, ...answer }));
    // a tampered card whose verb is a marker: refused, and no metric or span may name it
    await bot.post(execute(blake, svc, marker('verb'), baselineData));
    await scheduleObservation(bot, blake, blake, { date: '2026-09-03', startTime: '10:00' });
    const last = (u: TestUser) => cardOf(bot.connector.to(u.conversationId).at(-1));
    const answer = (u: TestUser, answers: Record<string, string>) =>
      bot.post(execute(u, svc, 'prompt.answer', { ...buttonData(last(u), 'prompt.answer'), ...answers }));

    bot.clock.set('2026-09-02T14:00:00Z');
    await bot.runDueWork();
    await answer(blake, {
      'bh.strategy': marker('strategy'),
      'bh.complexity': marker('complexity'),
      'bh.focus': marker('focus'),
      'bh.safety': marker('safety'),
    });
    await answer(chris, { 'bo.attention': marker('attention') });
    // a refused answer (missing a required field) must not leak either
    bot.clock.set('2026-09-03T10:00:00Z');
    await bot.runDueWork();
    await answer(chris, { 'ao.learner': marker('refused') });
    await answer(chris, {
      'ao.worked': marker('worked'),
      'ao.focus': marker('seen'),
      'ao.try': marker('try'),
      'ao.contrast': marker('contrast'),
    });
    await answer(blake, {
      'ah.plan': marker('plan'),
      'ah.noticed': marker('noticed'),
      'ah.discuss': marker('discuss'),
      'ah.safety': '2',
    });
    const summary = [...bot.connector.to(blake.conversationId)]
      .reverse()
      .map(cardOf)
      .find((c) => c && JSON.stringify(c).includes('side by side'));
    await bot.post(
      execute(blake, svc, 'summary.actionPoint', {
        ...buttonData(summary, 'summary.actionPoint'),
        actionPoint: marker('action'),
      }),
    );
    assert.ok(markers.length >= 12);
  });
  after(async () => {
    await bot.close();
    await recorder.shutdown();
  });

  const assertClean = (what: string, text: string) => {
    for (const m of markers) assert.ok(!text.includes(m), `${what} contains ${m}`);
  };

  it('the pair themselves do see what they wrote (the markers are really stored)', () => {
    const toPair = JSON.stringify(
      bot.connector.sent.filter((s) => s.conversationId === chris.conversationId),
    );
    assert.ok(
      toPair.includes(markers.find((m) => m.includes('plan'))!),
      'the summary carries the host reflection',
    );
  });

  it('the report, chart and pair status list hold none of it', async () => {
    await bot.post(message(avery, bot.connector.url, 'report'));
    const report = cardOf(bot.connector.to(avery.conversationId).at(-1));
    assert.match(JSON.stringify(report), /where it stands/);
    assertClean('the report card', JSON.stringify(report));
  });

  it('the audit log holds none of it', async () => {
    const report = cardOf(bot.connector.to(avery.conversationId).at(-1));
    const result = await bot.post(
      execute(avery, bot.connector.url, 'report.audit', buttonData(report, 'report.audit')),
    );
    const audit = cardOf(bot.connector.to(avery.conversationId).at(-1));
    assert.match(JSON.stringify(audit), /coordinator actions/);
    assertClean('the audit log', JSON.stringify(audit) + JSON.stringify(result.body));
  });

  it('every coordinator card holds none of it', async () => {
    const svc = bot.connector.url;
    await bot.post(message(avery, svc, 'programmes'));
    const list = cardOf(bot.connector.to(avery.conversationId).at(-1));
    const programme = invokeCard(
      (await bot.post(execute(avery, svc, 'programme.open', buttonData(list, 'programme.open')))).body,
    );
    assertClean('the programme card', JSON.stringify(programme));
    assertClean('everything sent to the coordinator', JSON.stringify(bot.connector.to(avery.conversationId)));
  });

  it('the CSV export holds none of it', async () => {
    const svc = bot.connector.url;
    await bot.post(message(avery, svc, 'report'));
    const report = cardOf(bot.connector.to(avery.conversationId).at(-1));
    const { programmeId } = buttonData(report, 'report.export');
    await bot.post(
      fileConsent(avery, svc, 'accept', { programmeId }, bot.connector.uploadInfo('canary.csv')),
    );
    const csv = bot.connector.uploads.at(-1)?.body.toString('utf8') ?? '';
    assert.match(csv, /figure,value/, 'the export was made');
    assertClean('the CSV', csv);
  });

  it('the nudge preview and the nudge itself hold none of it', async () => {
    const svc = bot.connector.url;
    await bot.post(message(avery, svc, 'nudge'));
    const composed = bot.connector.sent.filter((x) => x.conversationId === avery.conversationId).at(-1)!;
    const seen: string[] = [];
    for (const segment of [
      'everyone',
      'notPaired',
      'nothingScheduled',
      'promptWaiting',
      'behindTarget',
      'unreachable',
    ]) {
      const preview = await bot.post({
        ...execute(avery, svc, 'nudge.preview', {
          ...buttonData(cardOf(composed.activity), 'nudge.preview'),
          segment,
          days: '1',
          wording: 'waiting',
          message: '',
        }),
        replyToId: composed.id,
      });
      seen.push(JSON.stringify(preview.body));
    }
    assert.match(seen.join(''), /This nudge reaches/);
    const everyone = invokeCard(JSON.parse(seen[0]!));
    await bot.post({
      ...execute(avery, svc, 'nudge.send', buttonData(everyone, 'nudge.send')),
      replyToId: composed.id,
    });
    await bot.runDueWork();
    assertClean('the nudge previews', seen.join('\n'));
    assertClean(
      'the progress and delivery report',
      JSON.stringify(bot.connector.updated.filter((u) => u.conversationId === avery.conversationId)),
    );
    const { resources } = await bot.app.store.containers.programmes.items.readAll().fetchAll();
    assertClean('the programme partition (audit, nudges, deliveries)', JSON.stringify(resources));
  });

  it('no coordinator card and no log line shows who answered the baseline questionnaire, or how', async () => {
    const stored = await storedIn(bot, 'programmes', 'evaluation');
    assert.deepEqual(
      stored.find((d) => d.personId === blake.aadObjectId)?.ratings,
      { strategies: 5, complexity: 1, reflection: 3, feedback: 4, learnerPerspective: 2, sharedConcern: 5 },
      'the answer is really stored',
    );
    const toCoordinator = JSON.stringify(bot.connector.to(avery.conversationId));
    const everywhere = `${toCoordinator}\n${logLines.join('\n')}`;
    for (const evidence of [/Your starting point/, /evaluation:baseline/, /learnerPerspective/, /"ratings"/])
      assert.doesNotMatch(everywhere, evidence);
  });

  it('no log line holds any of it', () => {
    assert.ok(
      logLines.some((l) => l.includes('Peer Coach is listening')),
      'the logs were captured',
    );
    assertClean('the logs', logLines.join('\n'));
  });

  it('no span, metric or attribute holds any of it, nor anyone’s name, Entra id or conversation id', async () => {
    const points = await recorder.points();
    const spans = recorder.spans().map((s) => ({
      name: s.name,
      attributes: s.attributes,
      status: s.status,
      events: s.events,
      links: s.links,
      resource: s.resource.attributes,
    }));
    assert.ok(
      points.some((p) => p.name === metricNames.turns && p.value > 0),
      'the turns were counted',
    );
    assert.ok(spans.length > 0, 'spans were recorded');
    const everything = JSON.stringify({ points, spans });
    assertClean('the telemetry', everything);
    for (const person of [avery, blake, chris])
      for (const identity of [
        person.name,
        person.aadObjectId,
        person.conversationId,
        person.name.split(' ')[0]!,
      ])
        assert.ok(!everything.includes(identity), `the telemetry holds ${identity}`);
    const programmes = await storedIn(bot, 'programmes', 'programme');
    for (const p of programmes) assert.ok(!everything.includes(String(p.name)), 'a programme name');
  });

  it('the stored safety rating is kept apart from the answers, for aggregate use only', async () => {
    const { resources } = await bot.app.store.containers.cycles.items
      .query("SELECT * FROM c WHERE c.type = 'prompt' AND c.kind = 'afterHost'")
      .fetchAll();
    assert.equal(resources[0]?.safetyRating, 2);
    assert.equal(resources[0]?.answers?.['ah.safety'], undefined);
  });

  /**
   * The evaluation's comments are the one text coordinators may read: only when five or more wrote
   * one, and only as released at the close. Here Blake and Chris write one each, with three more
   * written straight into the store by people outside the pairs (the end card is built elsewhere),
   * then one after the close. Every other marker stays hidden; the released comments appear, and
   * nothing beside them says who wrote which or when.
   */
  it('the evaluation card and its CSV show the comments released, and nothing else or about who wrote them', async () => {
    const svc = bot.connector.url;
    const programmeId = String((await storedIn(bot, 'programmes', 'programme'))[0]?.id);
    const writers = [blake.aadObjectId, chris.aadObjectId, 'writer-3', 'writer-4', 'writer-5'];
    const released = writers.map((_, i) => `CANARY-released-${i}-${Math.random().toString(36).slice(2, 8)}`);
    const end = (personId: string, comment: string) =>
      bot.app.store.containers.programmes.items.create({
        type: 'evaluation',
        id: `evaluation:end:${personId}`,
        programmeId,
        personId,
        phase: 'end',
        status: 'answered',
        sentAt: '2026-12-20T08:00:00.000Z',
        answeredAt: '2026-12-21T08:17:00.000Z',
        ratings: { strategies: 4 },
        comment,
      });
    for (const [i, personId] of writers.entries()) await end(personId, released[i]!);
    const ask = await bot.post(execute(avery, svc, 'evaluation.close.ask', { programmeId }));
    const results = JSON.stringify(
      (
        await bot.post(
          execute(avery, svc, 'evaluation.close', buttonData(invokeCard(ask.body), 'evaluation.close')),
        )
      ).body,
    );
    await end('writer-late', marker('lateComment'));
    const again = JSON.stringify(
      (await bot.post(execute(avery, svc, 'evaluation.results', { programmeId }))).body,
    );
    await bot.post(
      fileConsent(
        avery,
        svc,
        'accept',
        { programmeId, file: 'evaluation' } as { programmeId: string },
        bot.connector.uploadInfo('evaluation.csv'),
      ),
    );
    const csv = bot.connector.uploads.at(-1)?.body.toString('utf8') ?? '';
    assert.match(csv, /comments released/, 'the evaluation export was made');
    for (const [what, text] of [
      ['the evaluation card', results],
      ['the evaluation card read again', again],
      ['the evaluation CSV', csv],
    ] as const) {
      for (const r of released) assert.ok(text.includes(r), `${what} lacks a released comment`);
      assertClean(what, text);
      for (const who of [...writers, blake.name, chris.name, 'evaluation:end', '08:17', '2026-12-21'])
        assert.ok(!text.includes(who), `${what} says who wrote a comment, or when: ${who}`);
    }
    assertClean('everything sent to the coordinator', JSON.stringify(bot.connector.to(avery.conversationId)));
    assertClean('the logs', logLines.join('\n'));
    for (const r of released) assert.ok(!logLines.join('\n').includes(r), 'a log line holds a comment');
  });

  // last: it takes Blake's words away from the pair as well
  it('after the host deletes what they wrote, no message as it looks now and no version sent since holds it', async () => {
    const svc = bot.connector.url;
    const { sent, updated } = bot.connector;
    const since = { sent: sent.length, updated: updated.length };
    await bot.post(message(blake, svc, 'delete my data'));
    const confirm = sent.filter((s) => s.conversationId === blake.conversationId).at(-1)!;
    await bot.post({
      ...execute(blake, svc, 'data.erase', buttonData(cardOf(confirm.activity), 'data.erase')),
      replyToId: confirm.id,
    });
    await bot.runDueWork();

    const blakes = ['strategy', 'complexity', 'focus', 'safety', 'plan', 'noticed', 'discuss', 'action'];
    const hers = markers.filter((m) => blakes.some((w) => m.startsWith(`CANARY-${w}-`)));
    assert.equal(hers.length, blakes.length);
    const now = new Map<string, unknown>();
    for (const a of [...sent, ...updated]) now.set(`${a.conversationId} ${a.id}`, a.activity);
    const asNow = JSON.stringify([...now.values()]);
    const newer = JSON.stringify([...sent.slice(since.sent), ...updated.slice(since.updated)]);
    for (const m of hers) {
      assert.ok(!asNow.includes(m), `a message as it looks now contains ${m}`);
      assert.ok(!newer.includes(m), `a version sent since the erasure contains ${m}`);
    }
    // Chris's own words stay in the pair's summary
    assert.ok(asNow.includes(markers.find((m) => m.startsWith('CANARY-worked-'))!));
  });
});

describe('e2e: exporting the figures as CSV through Teams file consent', () => {
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId, EXPORT_AS: 'file' });
    bot.clock.set('2026-09-01T08:00:00Z');
    await pairUp(bot, avery, blake, chris);
  });
  after(() => bot.close());

  const consent = (u: TestUser, action: 'accept' | 'decline', programmeId: string) =>
    fileConsent(u, bot.connector.url, action, { programmeId }, bot.connector.uploadInfo('figures.csv'));

  it('asks for consent, uploads a content-free CSV on accept, shows the file, and records the export', async () => {
    const svc = bot.connector.url;
    await bot.post(message(avery, svc, 'report'));
    const report = cardOf(bot.connector.to(avery.conversationId).at(-1));
    await bot.post(execute(avery, svc, 'report.export', buttonData(report, 'report.export')));
    const consentCard = bot.connector.to(avery.conversationId).at(-1) as {
      attachments: { contentType: string; content: { acceptContext: { programmeId: string } } }[];
    };
    assert.equal(
      consentCard.attachments[0]!.contentType,
      'application/vnd.microsoft.teams.card.file.consent',
    );
    const programmeId = consentCard.attachments[0]!.content.acceptContext.programmeId;

    // a supervisor cannot use the consent flow to get the figures
    await bot.post(consent(blake, 'accept', programmeId));
    assert.equal(bot.connector.uploads.length, 0);

    const accepted = await bot.post(consent(avery, 'accept', programmeId));
    assert.equal(accepted.status, 200);
    const upload = bot.connector.uploads.at(-1)!;
    const csv = upload.body.toString('utf8');
    assert.match(csv, /contains no reflections/);
    assert.match(csv, /figure,value/);
    assert.match(csv, /Blake Berg and Chris Dahl/);
    const info = bot.connector.to(avery.conversationId).at(-1) as { attachments: { contentType: string }[] };
    assert.equal(info.attachments[0]!.contentType, 'application/vnd.microsoft.teams.card.file.info');

    await bot.post(execute(avery, svc, 'report.audit', { programmeId }));
    assert.match(JSON.stringify(bot.connector.to(avery.conversationId).at(-1)), /exported figures/);
  });

  it('in local mode (the Playground has no file consent) shows the same CSV in the chat', async () => {
    const local = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId });
    try {
      await pairUp(local, avery, blake, chris);
      await local.post(message(avery, local.connector.url, 'report'));
      const report = cardOf(local.connector.to(avery.conversationId).at(-1));
      await local.post(
        execute(avery, local.connector.url, 'report.export', buttonData(report, 'report.export')),
      );
      const text = String(local.connector.to(avery.conversationId).at(-1)?.text);
      assert.match(text, /contains no reflections/);
      assert.match(text, /pair,completed,target,stage/);
    } finally {
      await local.close();
    }
  });
});

/**
 * The end questionnaire's canary: a comment written *to* the coordinator, with a marker, and a refused
 * one. No coordinator view shows either yet (the coordinator's side is not built), nor any log line.
 */
describe('e2e: canary — the end questionnaire’s answers and comment reach no coordinator view or log', () => {
  let bot: TestBot;
  const { log, lines: logLines } = capturedLog('trace');
  const stamp = Math.random().toString(36).slice(2, 8);
  const comment = `CANARY-endComment-${stamp}`;
  const refused = `CANARY-endRefused-${stamp}`;

  before(async () => {
    bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId }, undefined, undefined, log);
    const svc = bot.connector.url;
    bot.clock.set('2026-09-01T08:00:00Z');
    await pairUp(bot, avery, blake, chris, { endDate: '2026-09-30' });
    bot.clock.set('2026-09-30T06:00:00Z');
    await bot.runDueWork();
    const end = bot.connector
      .to(blake.conversationId)
      .map(cardOf)
      .find((c) => JSON.stringify(c ?? {}).includes('evaluation.end.answer'));
    const data = buttonData(end, 'evaluation.end.answer');
    for (const answer of <Record<string, string>[]>[
      { comment: `${refused} ring 070-123 45 67`, 'o.recommend': '3' },
      { comment, 'o.recommend': '3', 'o.safety': '2', 's.sharedConcern': '1' },
    ])
      await bot.post(execute(blake, svc, 'evaluation.end.answer', { ...data, ...answer }));
    await bot.post(message(avery, svc, 'report'));
    await bot.post(message(avery, svc, 'programmes'));
    const list = cardOf(bot.connector.to(avery.conversationId).at(-1));
    await bot.post(execute(avery, svc, 'programme.open', buttonData(list, 'programme.open')));
    const report = bot.connector
      .to(avery.conversationId)
      .map(cardOf)
      .find((c) => JSON.stringify(c ?? {}).includes('report.export'));
    await bot.post(
      fileConsent(
        avery,
        svc,
        'accept',
        { programmeId: buttonData(report, 'report.export').programmeId! },
        bot.connector.uploadInfo('canary.csv'),
      ),
    );
  });
  after(() => bot.close());

  it('the comment is really stored, for the person themselves', async () => {
    const stored = await storedIn(bot, 'programmes', 'evaluation');
    const end = stored.find((d) => d.id === `evaluation:end:${blake.aadObjectId}`);
    assert.equal(end?.comment, comment);
    assert.ok(!JSON.stringify(stored).includes(refused), 'the refused comment is not stored');
  });

  it('no coordinator card, CSV or log line holds the comment or the answers', () => {
    const everywhere = [
      JSON.stringify(bot.connector.to(avery.conversationId)),
      JSON.stringify(bot.connector.updated.filter((u) => u.conversationId === avery.conversationId)),
      ...bot.connector.uploads.map((u) => u.body.toString('utf8')),
      logLines.join('\n'),
    ].join('\n');
    assert.ok(
      logLines.some((l) => l.includes('Peer Coach is listening')),
      'the logs were captured',
    );
    for (const evidence of [comment, refused, 'Looking back', 'evaluation:end', '"overall"', '"comment"'])
      assert.ok(!everywhere.includes(evidence), `found ${evidence}`);
  });
});
