import type { en } from './en';

/** the categories `Intl.PluralRules` sorts a number into, in any language */
export const pluralCategories = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof pluralCategories)[number];
/**
 * A message that holds a count: one form per plural category of the language, chosen by its
 * `{count}` parameter ("1 person", "2 people"). `other` is always there, as the fallback.
 */
export type PluralForms = Readonly<Partial<Record<PluralCategory, string>> & { other: string }>;

/** a plural message rather than a section: only plural categories as keys, `other` among them */
export function isPlural(node: unknown): node is PluralForms {
  if (!node || typeof node !== 'object') return false;
  const entries = Object.entries(node);
  return (
    typeof (node as Record<string, unknown>).other === 'string' &&
    entries.every(([k, v]) => (pluralCategories as readonly string[]).includes(k) && typeof v === 'string')
  );
}

/** the shape a translation of English strings `T` must have: the same keys, any strings */
export type Translation<T> = { readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
/** the shape every language must have: the same keys as English, any strings */
export type Catalogue = Translation<typeof en>;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${P}${K}`
    : keyof T[K] extends PluralCategory
      ? `${P}${K}`
      : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
/** a dotted path to one string, e.g. 'welcome.title' */
export type MessageKey = Leaves<typeof en>;
