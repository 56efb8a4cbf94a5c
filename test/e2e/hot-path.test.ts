import { buttonData, pairUp, scheduleObservation } from '../support/cycle-fixtures';
import assert from 'node:assert/strict';
import { Items } from '@azure/cosmos';
import sinon from 'sinon';
import { calendarId } from '../../src/domain/cycle/calendar';
import { cosmosRepositories } from '../../src/store/repositories';
import { avery, blake, chris, execute, installed, message, tenantId, TestUser } from '../support/activities';
import { storeRoundTrips } from '../support/store-round-trips';
import { cardOf, createProgramme, invokeCard, startTestBot, TestBot, textOf } from '../support/test-bot';

describe('e2e: the per-message hot path', () => {
  const sandbox = sinon.createSandbox();
  let bot: TestBot;
  let svc: string;
  beforeEach(async () => {
    bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId });
    svc = bot.connector.url;
  });
  afterEach(async () => {
    sandbox.restore();
    await bot.close();
  });

  it('answers a supervisor’s messages and an invitation with point reads and writes only, no queries', async () => {
    for (const u of [avery, blake, chris]) await bot.post(installed(u, svc));
    const { programmeId } = await createProgramme(bot, avery, 'Autumn');
    await bot.post(
      execute(avery, svc, 'enrol.save', { programmeId, people: `${blake.aadObjectId},${chris.aadObjectId}` }),
    );
    await bot.post(execute(blake, svc, 'invite.send', { colleague: `${programmeId}|${chris.aadObjectId}` }));
    await bot.connector.waitFor(() =>
      /invites you/.test(textOf(cardOf(bot.connector.to(chris.conversationId).at(-1)))),
    );
    const invitation = (
      cardOf(bot.connector.to(chris.conversationId).at(-1))!.actions as { data: Record<string, string> }[]
    )[0]!.data;

    const queries = sandbox.spy(Items.prototype, 'query');
    for (const text of ['help', 'profile', 'pause', 'resume', 'something else'])
      await bot.post(message(chris, svc, text));
    await bot.post(execute(chris, svc, 'invitation.accept', invitation));
    await bot.connector.waitFor(() =>
      /accepted your invitation/.test(textOf(cardOf(bot.connector.to(blake.conversationId).at(-1)))),
    );
    assert.equal(queries.callCount, 0, 'queries on the hot path');
  });

  it('answers prompt cards, up to and including the summary, without a query', async () => {
    bot.clock.set('2026-09-01T08:00:00Z');
    await pairUp(bot, avery, blake, chris);
    await scheduleObservation(bot, blake, blake, { date: '2026-09-03', startTime: '10:00' });
    bot.clock.set('2026-09-03T10:00:00Z');
    await bot.runDueWork();
    const promptData = (u: typeof blake) =>
      (cardOf(bot.connector.to(u.conversationId).at(-1))!.actions as { data: Record<string, string> }[])[0]!
        .data;
    const observerData = promptData(chris);
    const hostData = promptData(blake);

    const queries = sandbox.spy(Items.prototype, 'query');
    await bot.post(
      execute(chris, svc, 'prompt.answer', { ...observerData, 'ao.worked': 'a', 'ao.focus': 'b' }),
    );
    await bot.post(execute(blake, svc, 'prompt.answer', { ...hostData, 'ah.plan': 'c' }));
    await bot.post(execute(blake, svc, 'prompt.answer', { ...hostData, 'ah.plan': 'c' }));
    assert.match(textOf(cardOf(bot.connector.to(chris.conversationId).at(-1))), /side by side/);
    assert.equal(queries.callCount, 0, 'queries while answering');
  });

  it('answers a prompt card within three store round trips one after another, and the one that completes the summary within five', async () => {
    bot.clock.set('2026-09-01T08:00:00Z');
    await pairUp(bot, avery, blake, chris);
    await scheduleObservation(bot, blake, blake, { date: '2026-09-03', startTime: '10:00' });
    const lastData = (u: TestUser) =>
      buttonData(cardOf(bot.connector.to(u.conversationId).at(-1)), 'prompt.answer');
    const trips = storeRoundTrips(sandbox);
    const answer = (u: TestUser, typed: Record<string, string>) => {
      const data = { ...lastData(u), ...typed };
      return trips.during(() => bot.post(execute(u, svc, 'prompt.answer', data)));
    };

    bot.clock.set('2026-09-02T15:00:00Z');
    await bot.runDueWork();
    const plain = [
      // the host's focus goes onto the observer's card at once
      await answer(blake, { 'bh.strategy': 'a', 'bh.focus': 'b' }),
      await answer(chris, { 'bo.attention': 'c' }),
    ];
    bot.clock.set('2026-09-03T10:00:00Z');
    await bot.runDueWork();
    plain.push(await answer(chris, { 'ao.worked': 'd', 'ao.focus': 'e' }));
    const completing = await answer(blake, { 'ah.plan': 'f' });
    assert.match(textOf(cardOf(bot.connector.to(chris.conversationId).at(-1))), /side by side/);

    for (const trip of plain) assert.ok(trip.depth <= 3, `a plain answer: ${trip.sequence}`);
    assert.ok(completing.depth <= 5, `the answer that completes the summary: ${completing.sequence}`);
  });

  it('schedules, lists, moves, cancels and marks observations as not happened without a query, however long the history', async () => {
    bot.clock.set('2026-09-01T08:00:00Z');
    await pairUp(bot, avery, blake, chris);
    // a history: observations that have happened stay `scheduled`, but no longer cost anything
    for (const date of ['2026-09-02', '2026-09-03', '2026-09-04'])
      await scheduleObservation(bot, blake, blake, { date, startTime: '10:00' });
    bot.clock.set('2026-09-07T08:00:00Z');
    const lastCard = (u: TestUser) => cardOf(bot.connector.to(u.conversationId).at(-1));
    const act = async (u: TestUser, verb: string, data: Record<string, string>) =>
      textOf(invokeCard((await bot.post(execute(u, svc, verb, data))).body));

    const queries = sandbox.spy(Items.prototype, 'query');
    const scheduled = await scheduleObservation(bot, blake, blake, {
      date: '2026-09-08',
      startTime: '10:00',
    });
    assert.match(textOf(scheduled), /Scheduled/);
    const clash = await scheduleObservation(bot, chris, chris, { date: '2026-09-08', startTime: '10:30' });
    assert.match(textOf(clash), /already has an observation then/);

    await bot.post(message(chris, svc, 'upcoming'));
    await bot.post(execute(chris, svc, 'schedule.open', buttonData(lastCard(chris), 'schedule.open')));
    const moved = await act(chris, 'schedule.save', {
      ...buttonData(lastCard(chris), 'schedule.save'),
      date: '2026-09-09',
      startTime: '13:00',
      durationMinutes: '60',
      hostId: blake.aadObjectId,
      setting: 'wardRound',
      learnerLevel: 'studentLate',
    });
    assert.match(moved, /Moved to/);
    await bot.post(message(blake, svc, 'upcoming'));
    assert.match(
      await act(blake, 'observation.cancel', buttonData(lastCard(blake), 'observation.cancel')),
      /Cancelled/,
    );

    await scheduleObservation(bot, chris, chris, { date: '2026-09-08', startTime: '10:30' });
    await bot.post(message(blake, svc, 'upcoming'));
    assert.match(
      await act(blake, 'observation.didNotHappen', buttonData(lastCard(blake), 'observation.didNotHappen')),
      /Nothing is held against anyone/,
    );
    assert.equal(queries.callCount, 0, 'queries while scheduling');

    // the calendars keep what is still to come, and nothing else
    const repos = cosmosRepositories(bot.app.store, { tenantId, home: true });
    for (const u of [blake, chris]) {
      const id = calendarId(u.aadObjectId);
      assert.deepEqual((await repos.cycles.calendars.read(id, id))?.doc.entries, []);
    }
  });
});
