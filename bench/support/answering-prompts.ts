import { execute, TestUser } from '../../test/support/activities';
import { buttonData } from '../../test/support/cycle-fixtures';
import { Fleet, promptIdOf } from '../../test/support/fleet';
import { cardOf } from '../../test/support/test-bot';
import { Submission } from './answering-load';

type Node = Record<string, unknown>;

/**
 * What a supervisor would type into a prompt card: every text box a plain sentence (no digits, so
 * the identifier check has nothing to refuse), every choice its last option (a rating of 5, "no").
 */
export function filledInputs(card: unknown): Record<string, string> {
  const inputs: Record<string, string> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Node;
    if (o.type === 'Input.Text' && typeof o.id === 'string')
      inputs[o.id] = 'Let the student lead the history, and hold back my own questions until the end';
    else if (o.type === 'Input.ChoiceSet' && typeof o.id === 'string') {
      const choices = (o.choices as { value: string }[] | undefined) ?? [];
      if (choices.length > 0) inputs[o.id] = choices.at(-1)!.value;
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  return inputs;
}

/**
 * One `prompt.answer` click for every prompt card the fleet delivered, as its recipient would send
 * it from Teams: an adaptiveCard/action invoke with the card's data and every input filled in. Each
 * can be answered once; the order is shuffled (a fixed seed) so that before- and after-prompts and
 * both members of a pair mix as they would in an afternoon.
 */
export function promptSubmissions(fleet: Fleet): Submission[] {
  const byConversation = new Map(fleet.supervisors.map((s) => [s.conversationId, s]));
  const out: Submission[] = [];
  const seen = new Set<string>();
  for (const { conversationId, activity } of fleet.connector.sent) {
    const id = promptIdOf(activity);
    const supervisor = byConversation.get(conversationId);
    if (!id || seen.has(id) || fleet.expected.get(id) !== conversationId || !supervisor) continue;
    seen.add(id);
    const card = cardOf(activity);
    const user: TestUser = {
      aadObjectId: supervisor.id,
      name: supervisor.name,
      conversationId,
      timeZone: 'Europe/Stockholm',
      locale: 'en-GB',
    };
    const invoke = execute(user, fleet.connector.url, 'prompt.answer', {
      ...buttonData(card, 'prompt.answer'),
      ...filledInputs(card),
    });
    out.push({
      promptId: id,
      body: JSON.stringify({
        ...invoke,
        conversation: { ...invoke.conversation, tenantId: supervisor.tenantId },
        channelData: { tenant: { id: supervisor.tenantId } },
      }),
    });
  }
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
