import assert from 'node:assert/strict';
import { avery, blake, chris, execute, TestUser } from '../support/activities';
import { buttonData, pairWithThursdayObservation } from '../support/cycle-fixtures';
import { previewNudge } from '../support/nudge-fixtures';
import { programmeInput } from '../support/domain-fixtures';
import { e2eBot, pressOnLastCard } from '../support/e2e-bot';
import { invokeCard, storedIn, textOf } from '../support/test-bot';

describe('e2e: identifiers are refused in every free text that is kept', () => {
  const bot = e2eBot();
  const answer = (u: TestUser, answers: Record<string, string>) =>
    pressOnLastCard(bot, u, 'prompt.answer', answers);
  const stored = async () => JSON.stringify(await storedIn(bot, 'cycles'));

  beforeEach(async () => {
    await pairWithThursdayObservation(bot, avery, blake, chris);
    bot.clock.set('2026-09-03T10:00:00Z');
    await bot.runDueWork();
  });

  it('refuses an action point with a personnummer, phone and record number: masked, nothing stored, the peer sees nothing', async () => {
    await answer(chris, { 'ao.worked': 'Chris saw calm questions', 'ao.focus': 'Chris noticed the pauses' });
    await answer(blake, { 'ah.plan': 'Blake went beyond the plan', 'ah.safety': '5' });
    const summary = bot.lastCardTo(blake);
    await bot.say(chris, 'history');
    await pressOnLastCard(bot, chris, 'summary.open');
    const peerBefore = textOf(bot.lastCardTo(chris));

    const response = await bot.post(
      execute(blake, bot.svc, 'summary.actionPoint', {
        ...buttonData(summary, 'summary.actionPoint'),
        actionPoint: 'Ring pat 19121212-1212 på 070-123 45 67, journalnr 1234567',
      }),
    );
    const shown = textOf(invokeCard(response.body));
    assert.match(shown, /••••••••-••12/);
    assert.doesNotMatch(shown, /19121212|070-123|1234567/);
    assert.doesNotMatch(shown, /Action point saved/);

    const kept = await stored();
    assert.doesNotMatch(kept, /1212-1212|123 45 67|1234567|Ring pat/);

    await bot.say(chris, 'history');
    await pressOnLastCard(bot, chris, 'summary.open');
    assert.equal(textOf(bot.lastCardTo(chris)), peerBefore);
  });

  it('refuses an answer whose personnummer hides a zero-width space, and stores no invisible characters', async () => {
    const response = await answer(chris, {
      'ao.worked': 'Patienten 1912\u200b1212-1212 var lugn',
      'ao.focus': 'Chris noticed the pauses',
    });
    assert.match(textOf(invokeCard(response.body)), /••••••••-••12/);
    assert.doesNotMatch(await stored(), /1212-1212|Patienten 1912/);

    await answer(chris, {
      'ao.worked': 'Chris saw\u2066 calm\u200b questions',
      'ao.focus': 'Chris noticed the pauses',
    });
    const kept = await stored();
    assert.match(kept, /Chris saw calm questions/);
    assert.doesNotMatch(kept, /[\u200b\u2066]/);
  });

  it('refuses a nudge message with a phone number written with dots: masked, no nudge stored or sent', async () => {
    const sentBefore = bot.connector.sent.length;
    const { preview } = await previewNudge(bot, avery, {
      segment: 'nothingScheduled',
      days: '3',
      wording: '',
      message: 'Ring mig på 070.123.45.67 om patient 7654321',
    });
    const text = textOf(preview);
    // the refusal names what was found, masked; what was typed stays in the box, for the writer only
    assert.match(text, /Not previewed[^\n]*\(•••\.•••\.••\.67, •••••21\)/);
    assert.doesNotMatch(text, /This nudge reaches/);
    assert.doesNotMatch(JSON.stringify(await storedIn(bot, 'programmes')), /070\.123|7654321|"type":"nudge"/);
    assert.equal(
      bot.connector.sent.length,
      sentBefore + 1,
      'only the compose card the coordinator asked for',
    );
  });

  it('refuses a programme name with a personnummer: masked beside the name, no programme stored', async () => {
    const before = (await storedIn(bot, 'programmes')).length;
    const response = await bot.post(
      execute(avery, bot.svc, 'programme.save', programmeInput({ name: 'Handledning 811218\u200b-9876' })),
    );
    const text = textOf(invokeCard(response.body));
    assert.match(text, /••••••-••76/);
    const after = await storedIn(bot, 'programmes');
    assert.equal(after.length, before);
    assert.doesNotMatch(JSON.stringify(after), /9876/);
  });
});
