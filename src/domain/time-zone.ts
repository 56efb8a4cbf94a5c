import { IANAZone } from 'luxon';

/**
 * Names remembered, at most: they arrive in activities, so neither their number nor their length
 * may grow without end (the longest IANA name has 32 characters).
 */
const most = { names: 1000, length: 64 };
const checked = new Map<string, boolean>();

/**
 * Whether `name` is a time zone Intl knows (an IANA name such as Europe/Stockholm), as luxon's
 * IANAZone.isValidZone says. Asking builds an Intl.DateTimeFormat (~0.1 ms) and every turn asks
 * about its sender's zone, so each answer is remembered.
 */
export function isTimeZone(name: string): boolean {
  const known = checked.get(name);
  if (known !== undefined) return known;
  const valid = IANAZone.isValidZone(name);
  if (name.length <= most.length) {
    if (checked.size >= most.names) checked.clear();
    checked.set(name, valid);
  }
  return valid;
}
