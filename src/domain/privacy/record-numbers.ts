import { Context } from './cue-words';
import { Group, sepChar } from './digit-groups';
import { Push } from './finding';

/**
 * Hospital and journal record numbers: a number of 6–12 digits (dashes may join parts: "12-345678")
 * shortly after a record cue ("journalnummer", "journal nr", "patient id", "record number", "MRN", "PID",
 * "personal number", "id-nummer", …). Record numbers have no checksum or fixed shape, so the cue is what
 * tells them from a lab value or a count. A bare "journal", "patient", "pat" or "remiss" counts only
 * right before the number ("patient 7654321", "remiss: 123456"); fewer than 6 digits ("patient 12") identifies nobody in a
 * region, more than 12 is not a record number format we know.
 */
export function findRecordNumbers(groups: readonly Group[], context: Context, push: Push): void {
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] as Group;
    let digits = g.digits.length;
    let j = i;
    for (
      let n = groups[j + 1];
      n && !n.first && sepChar(n.sep) === '-' && !/\s/.test(n.sep);
      n = groups[j + 1]
    ) {
      digits += n.digits.length;
      j++;
    }
    const cued = context.before('record', g.start) || (g.first && context.before('recordBare', g.start));
    if (!g.glued && digits >= 6 && digits <= 12 && cued) {
      push('recordNumber', g.start, (groups[j] as Group).end);
    }
    i = j;
  }
}
