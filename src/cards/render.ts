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
  return preparedTemplate(template).expand({ $root: data }) as AdaptiveCard;
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
