import { Attachment } from 'botbuilder';
import { AdaptiveCard } from '../cards/render';
import { Person } from '../domain/people';
import { Words } from '../i18n';

/** who is acting in this turn, as the bot established it from the authenticated activity */
export interface Actor {
  readonly person: Person;
  readonly coordinator: boolean;
  readonly words: Words;
  /** the message holding the card whose button was pressed, where the client says */
  readonly cardId?: string;
}

/** something to send as a new message */
export type Reply =
  | { readonly card: AdaptiveCard }
  | { readonly text: string }
  /** several cards, in order (e.g. `my data` split to stay under Teams' card size) */
  | { readonly cards: readonly AdaptiveCard[] }
  /** any other Teams attachment, e.g. a file consent card */
  | { readonly attachment: Attachment };

/** what a card action did: the card to show in place of the one clicked, and/or a new message */
export interface ActionResult {
  readonly update?: AdaptiveCard;
  readonly reply?: Reply;
}

/** card inputs and data as they arrive: every value a string (Action.Submit and Action.Execute alike) */
export type CardData = Readonly<Record<string, string>>;

export function field(data: CardData, name: string, max = 4000): string {
  const v = data[name];
  return typeof v === 'string' ? v.slice(0, max) : '';
}

export const textReply = (text: string): Reply => ({ text });
export const cardReply = (card: AdaptiveCard): Reply => ({ card });
