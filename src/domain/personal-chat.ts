import { Person } from './people';
import { ConversationReach, SendOutcome } from './ports';

/** posts one message to a stored 1:1 chat (Teams: a proactive send); knows nothing of people */
export type ChatTransport<M> = (reach: ConversationReach, message: M) => Promise<SendOutcome>;

/** what this needs of the people: forgetting a chat that Teams says is gone */
export interface ReachKeeper {
  uninstalled(personId: string): Promise<void>;
}

/**
 * Sends to a person's 1:1 chat, whatever the message is. When Teams says they cannot be reached
 * (blocked, uninstalled, the conversation gone), their stored chat is forgotten here, once for every
 * kind of message, so they are listed as unreachable from then on and nothing is sent there again.
 */
export class PersonalChat<M> {
  constructor(
    private readonly transport: ChatTransport<M>,
    private readonly people: ReachKeeper,
  ) {}

  async send(to: Person, message: M): Promise<SendOutcome> {
    if (!to.reach) return { status: 'unreachable', reason: 'not installed' };
    const outcome = await this.transport(to.reach, message);
    if (outcome.status === 'unreachable') await this.people.uninstalled(to.id);
    return outcome;
  }
}
