import assert from 'node:assert/strict';
import { avery, blake, chris, execute, message, TestUser } from '../support/activities';
import { buttonData, pairWithThursdayObservation } from '../support/cycle-fixtures';
import { cardOf, createProgramme, invokeCard, startTestBot, TestBot, textOf } from '../support/test-bot';

/**
 * What the cards promise about timing is what the programme's policy and the timing scale make
 * happen: in a local run (TIMING_SCALE=minutes) a policy day is a minute and quiet hours and working
 * days do not apply, so the cards must not speak of weeks or quiet hours there.
 */
interface Mode {
  readonly name: string;
  readonly env: Record<string, string>;
  readonly saved: RegExp;
  /** a moment before the follow-up is due, and the moment it is, after the action point */
  readonly notYet: number;
  readonly due: number;
  readonly timing: RegExp;
  readonly notTiming: RegExp;
  /** what the programme form says above its timing fields */
  readonly formNote: RegExp;
}

const modes: Mode[] = [
  {
    name: 'normal mode',
    env: {},
    saved: /Action point saved\. I will ask you in 2 weeks how it went\./,
    notYet: 2 * 60_000,
    due: 14 * 24 * 3600_000,
    timing: /Quiet hours\n\d\d:\d\d–\d\d:\d\d\nWorking days\n/,
    notTiming: /local run/i,
    formNote: /Timing of prompts\nEach person gets prompts in their own time zone\.\n/,
  },
  {
    name: 'local mode (TIMING_SCALE=minutes)',
    env: { TIMING_SCALE: 'minutes' },
    saved: /Action point saved\. This is a local run, so I will ask you in 2 minutes how it went\./,
    notYet: 60_000,
    due: 2 * 60_000,
    timing:
      /Timing\nLocal run: each day of the timing lasts one minute; quiet hours and working days do not apply\./,
    notTiming: /Quiet hours|Working days/,
    formNote:
      /Timing of prompts\nEach person gets prompts in their own time zone\. This is a local run: each day of the timing lasts one minute, and quiet hours and working days do not apply\.\n/,
  },
];

for (const mode of modes) {
  describe(`e2e: cards say when things will happen, in ${mode.name}`, () => {
    let bot: TestBot;
    let svc: string;
    const last = (u: TestUser) => cardOf(bot.connector.to(u.conversationId).at(-1));
    const followUps = (u: TestUser) =>
      bot.connector.to(u.conversationId).filter((a) => /Your action point/.test(textOf(cardOf(a)))).length;

    beforeEach(async () => {
      bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId, ...mode.env });
      svc = bot.connector.url;
    });
    afterEach(() => bot.close());

    it('promises the follow-up of an action point when it will come, and it comes then', async () => {
      await pairWithThursdayObservation(bot, avery, blake, chris);
      bot.clock.set('2026-09-03T10:00:00Z');
      await bot.runDueWork();
      for (const [u, answers] of [
        [chris, { 'ao.worked': 'Calm questions', 'ao.focus': 'The pauses' }],
        [blake, { 'ah.plan': 'Beyond the plan', 'ah.safety': '5' }],
      ] as const)
        await bot.post(
          execute(u, svc, 'prompt.answer', { ...buttonData(last(u), 'prompt.answer'), ...answers }),
        );
      const saved = invokeCard(
        (
          await bot.post(
            execute(blake, svc, 'summary.actionPoint', {
              ...buttonData(last(blake), 'summary.actionPoint'),
              actionPoint: 'Wait longer',
            }),
          )
        ).body,
      );
      assert.match(textOf(saved), mode.saved);

      bot.clock.advance(mode.notYet);
      await bot.runDueWork();
      assert.equal(followUps(blake), 0, 'not before the time promised');
      bot.clock.advance(mode.due - mode.notYet + 60_000);
      await bot.runDueWork();
      assert.equal(followUps(blake), 1, 'at the time promised');
    });

    it('shows on the programme card the timing rules that apply', async () => {
      await bot.post(message(avery, svc, 'hello'));
      const { card } = await createProgramme(bot, avery, 'Autumn');
      assert.match(textOf(card), mode.timing);
      assert.doesNotMatch(textOf(card), mode.notTiming);

      await bot.post(message(avery, svc, 'new programme'));
      assert.match(textOf(cardOf(bot.connector.to(avery.conversationId).at(-1))), mode.formNote);
    });
  });
}
