import { Template } from 'adaptivecards-templating';

/** an expanded Adaptive Card, ready to attach to a message */
export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly version: string;
  readonly [key: string]: unknown;
}

/** a choice in an Input.ChoiceSet */
export interface Choice {
  readonly title: string;
  readonly value: string;
}

/**
 * Expands a template from /cards with its data. Data values are inserted as values, never
 * evaluated, so text someone typed (a name, `${…}`) stays literal.
 */
export function expandCard(template: object, data: object): AdaptiveCard {
  return forEveryClient(preparedTemplate(template).expand({ $root: data }) as AdaptiveCard);
}

/**
 * What an Input.Number shows, for a card's data: the number in what was typed (Teams sends every
 * input as a string), or null for an empty or unreadable field — never 0 or NaN. A template's
 * `"value": "${…}"` takes the data's type, and the schema wants a number there: a client shows a
 * string value as an empty box.
 */
export function numberValue(typed: string | undefined): number | null {
  const text = (typed ?? '').trim();
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : null;
}

type Json = { [key: string]: unknown };

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Universal Actions with a way back for clients without them: every Action.Execute in the card
 * (buttons, action sets, show-card actions; not the `refresh` action, which only Universal Actions
 * clients run) gets an Action.Submit fallback with the same title and data — the data carries the
 * verb, so the bot handles both alike. An Input.Number with no value (the templating keeps a null)
 * is sent without one, and a `refresh` that names nobody is dropped rather than sent as "refresh for
 * no one". One walk over the card does all three.
 */
function forEveryClient(card: AdaptiveCard): AdaptiveCard {
  const visit = (node: unknown, key?: string): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!isObject(node)) return;
    if (node.type === 'Input.Number' && node.value === null) delete node.value;
    if (node.type === 'Action.Execute' && key !== 'action' && node.fallback === undefined) {
      node.fallback = {
        type: 'Action.Submit',
        ...(node.title === undefined ? {} : { title: node.title }),
        ...(node.style === undefined ? {} : { style: node.style }),
        data: {
          ...(isObject(node.data) ? node.data : {}),
          ...(typeof node.verb === 'string' ? { verb: node.verb } : {}),
        },
      };
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'fallback') visit(v, k);
  };
  visit(card);
  const refresh = (card as Json).refresh;
  if (isObject(refresh) && Array.isArray(refresh.userIds) && refresh.userIds.length === 0)
    delete refresh.userIds;
  return card;
}

/**
 * A Template parses every `${…}` of its JSON when it is made (most of the cost of rendering a card),
 * and expanding it leaves it as it was, so each template file is parsed once per process.
 */
const prepared = new WeakMap<object, Template>();

function preparedTemplate(template: object): Template {
  let t = prepared.get(template);
  if (!t) {
    t = new Template(template);
    prepared.set(template, t);
  }
  return t;
}

/** a record with every listed key present ('' where there is no value), for `$when` tests in templates */
export function allKeys<K extends string>(
  keys: readonly K[],
  values: Partial<Record<K, string>>,
): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, values[k] ?? ''])) as Record<K, string>;
}

/**
 * At most `max` items, and how many were left out. Cards must stay well under Teams' 28 KB, so a
 * list that grows with the faculty is cut and says so.
 */
export function firstOf<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}
