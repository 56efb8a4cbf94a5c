import { Attachment } from 'botbuilder';
import { AdaptiveCard } from '../cards/render';
import { Shows } from '../domain/cycle/posted';
import { Person } from '../domain/people';
import { Words } from '../i18n';

/**
 * Where a command, card verb or invoke may run: only in the person's 1:1 chat with the bot, or also
 * in a team channel or group chat, where everyone in it reads the answer.
 */
export type Where = 'personal' | 'anywhere';

/** who is acting in this turn, as the bot established it from the authenticated activity */
export interface Actor {
  readonly person: Person;
  readonly coordinator: boolean;
  readonly words: Words;
  /** the conversation the turn came from: the 1:1 chat, or one others read (a channel, a group chat) */
  readonly chat: 'personal' | 'shared';
  /** the message holding the card whose button was pressed, where the client says */
  readonly cardId?: string;
}

/** something to send as a new message */
export type Reply = (
  | { readonly card: AdaptiveCard }
  | { readonly text: string }
  /** several cards, in order (e.g. `my data` split to stay under Teams' card size) */
  | { readonly cards: readonly AdaptiveCard[] }
  /** any other Teams attachment, e.g. a file consent card */
  | { readonly attachment: Attachment }
) & {
  /** whose words it shows: each message is recorded once posted, so that erasing them reaches it */
  readonly shows?: Shows;
};

/** what a card action did: the card to show in place of the one clicked, and/or a new message */
export interface ActionResult {
  readonly update?: AdaptiveCard;
  readonly reply?: Reply;
  /**
   * refused before any handler ran, because of where it was clicked: only this line is shown (the
   * invoke's answer, or one message), the clicked card stays as it is and nothing else is sent
   */
  readonly refusal?: string;
}

/** card inputs and data as they arrive: every value a string (Action.Submit and Action.Execute alike) */
export type CardData = Readonly<Record<string, string>>;

export function field(data: CardData, name: string, max = 4000): string {
  const v = data[name];
  return typeof v === 'string' ? v.slice(0, max) : '';
}

export const textReply = (text: string): Reply => ({ text });
export const cardReply = (card: AdaptiveCard): Reply => ({ card });
