import assert from 'node:assert/strict';
import { avery, blake, chris, dana, eli, execute, fran, installed, message } from '../support/activities';
import { buttonData } from '../support/cycle-fixtures';
import { cardOf, createProgramme, invokeCard, startTestBot, TestBot, textOf } from '../support/test-bot';
import { previewNudge } from '../support/nudge-fixtures';

describe('e2e: a coordinator nudges a segment, previewed, with live progress', () => {
  let bot: TestBot;
  let svc: string;
  beforeEach(async () => {
    bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId });
    svc = bot.connector.url;
    bot.clock.set('2026-09-01T08:00:00Z');
    for (const u of [avery, blake, chris, dana, eli, fran]) await bot.post(installed(u, svc));
    const { programmeId } = await createProgramme(bot, avery, 'Autumn');
    const people = [blake, chris, dana, eli, fran].map((u) => u.aadObjectId).join(',');
    await bot.post(execute(avery, svc, 'enrol.save', { programmeId, people }));
    await bot.post(
      execute(avery, svc, 'pairing.manual', {
        programmeId,
        first: blake.aadObjectId,
        second: chris.aadObjectId,
      }),
    );
    await bot.post(message(eli, svc, 'pause'));
  });
  afterEach(() => bot.close());

  /** Avery previews the nudge card `composed` again, for `segment`, thanking people */
  const previewAgain = async (composed: { activity: Record<string, unknown> }, segment: string) =>
    invokeCard(
      (
        await bot.post(
          execute(avery, svc, 'nudge.preview', {
            ...buttonData(cardOf(composed.activity), 'nudge.preview'),
            segment,
            wording: 'thanks',
            days: '3',
            message: '',
          }),
        )
      ).body,
    );

  it('counts the people it reaches in the singular and the plural, in English and in Swedish', async () => {
    const inputs = { segment: 'notPaired', days: '3', wording: 'peer', message: '' };
    const swedish = { ...avery, locale: 'sv-SE' };
    // Dana and Fran (Eli is paused)
    let text = textOf((await previewNudge(bot, avery, inputs)).preview);
    assert.match(text, /This nudge reaches 2 people\./);
    assert.match(text, /Send to 2 people/);
    text = textOf((await previewNudge(bot, swedish, inputs)).preview);
    assert.match(text, /Den här knuffen når 2 personer\./);
    assert.match(text, /Skicka till 2 personer/);

    await bot.post(message(fran, svc, 'pause'));
    text = textOf((await previewNudge(bot, avery, inputs)).preview);
    assert.match(text, /This nudge reaches 1 person\./);
    assert.match(text, /Send to 1 person\b/);
    text = textOf((await previewNudge(bot, swedish, inputs)).preview);
    assert.match(text, /Den här knuffen når 1 person\./);
    assert.match(text, /Skicka till 1 person\b/);
  });

  it('previews who it reaches and what they see, sends exactly that, and turns the card into a delivery report', async () => {
    const { preview, cardId } = await previewNudge(bot, avery, {
      segment: 'notPaired',
      days: '3',
      wording: 'peer',
      message: '',
    });
    const text = textOf(preview);
    assert.match(text, /This nudge reaches 2 people/, 'Dana and Fran; Eli is paused');
    assert.match(text, /1 paused and 0 not reachable in Teams are left out/);
    assert.match(text, /You do not have a peer yet/);

    const started = invokeCard(
      (
        await bot.post({
          ...execute(avery, svc, 'nudge.send', buttonData(preview, 'nudge.send')),
          replyToId: cardId,
        })
      ).body,
    );
    assert.match(textOf(started), /Sending the nudge/);
    // a second click: the same nudge is already on its way
    await bot.post({
      ...execute(avery, svc, 'nudge.send', buttonData(preview, 'nudge.send')),
      replyToId: cardId,
    });

    await bot.runDueWork();
    for (const u of [dana, fran]) {
      const notes = bot.connector
        .to(u.conversationId)
        .filter((a) => /A note from your programme coordinator/.test(textOf(cardOf(a))));
      assert.equal(notes.length, 1, `${u.name} got it once`);
    }
    for (const u of [blake, chris, eli]) {
      assert.ok(
        !bot.connector
          .to(u.conversationId)
          .some((a) => /A note from your programme coordinator/.test(textOf(cardOf(a)))),
      );
    }
    const report = bot.connector.updated.filter((u) => u.id === cardId).at(-1);
    const reportText = textOf(cardOf(report?.activity));
    assert.match(reportText, /Nudge delivered/);
    assert.match(reportText, /2 of 2 done/);
    assert.match(reportText, /Sent\n2/);

    await bot.post(
      execute(avery, svc, 'report.audit', { programmeId: buttonData(preview, 'nudge.send').programmeId! }),
    );
    assert.match(JSON.stringify(bot.connector.to(avery.conversationId).at(-1)), /sent a nudge/);
  });

  it('lists the unreachable for the coordinator instead of sending to them', async () => {
    bot.connector.failures.set(dana.conversationId, { status: 403, code: 'ConversationBlockedByUser' });
    // Dana's conversation is found gone on the next send: after that she is unreachable
    await bot.post(message(avery, svc, 'nudge'));
    const composed = bot.connector.sent.filter((s) => s.conversationId === avery.conversationId).at(-1)!;
    const everyone = await previewAgain(composed, 'everyone');
    await bot.post({
      ...execute(avery, svc, 'nudge.send', buttonData(everyone, 'nudge.send')),
      replyToId: composed.id,
    });
    await bot.runDueWork();
    const delivered = textOf(
      cardOf(bot.connector.updated.filter((u) => u.id === composed.id).at(-1)?.activity),
    );
    assert.match(delivered, /Not reachable\n1/);

    const list = await previewAgain(composed, 'unreachable');
    assert.match(textOf(list), /cannot be reached in Teams[\s\S]*Dana Ek/);
    assert.throws(() => buttonData(list, 'nudge.send'), 'nothing to send to them');
  });
});
