import { execute, message, TestUser } from './activities';
import { buttonData } from './cycle-fixtures';
import { cardOf, invokeCard, TestBot } from './test-bot';

/**
 * The coordinator types `nudge` and previews one: returns the preview card and the id of the message
 * holding the nudge card, which later steps update in place.
 */
export async function previewNudge(
  bot: TestBot,
  coordinator: TestUser,
  inputs: { segment: string; days: string; wording: string; message: string },
): Promise<{ preview: Record<string, unknown>; cardId: string }> {
  const svc = bot.connector.url;
  await bot.post(message(coordinator, svc, 'nudge'));
  const composed = bot.connector.sent.filter((s) => s.conversationId === coordinator.conversationId).at(-1)!;
  const answer = await bot.post({
    ...execute(coordinator, svc, 'nudge.preview', {
      ...buttonData(cardOf(composed.activity), 'nudge.preview'),
      ...inputs,
    }),
    replyToId: composed.id,
  });
  return { preview: invokeCard(answer.body), cardId: composed.id };
}
