import { Push } from './finding';

const LOCAL = /[\p{L}\p{N}._%+\-']/u;
const LABEL = /[\p{L}\p{N}-]/u;
const TLD = /^\p{L}{2,}$/u;

/**
 * E-mail addresses: local@domain.tld — a local part of letters, digits and . _ % + - ' (up to 64), a
 * domain of at least two dot-separated labels (up to 253 characters), the last one two or more letters.
 * Letters include å, ä, ö. Found by scanning out from each '@' rather than by one big regex, which would be
 * quadratic on long runs of word characters without an '@'.
 */
export function findEmails(text: string, push: Push): void {
  let from = 0;
  for (let at = text.indexOf('@', from); at >= 0; at = text.indexOf('@', from)) {
    let start = at;
    while (start > 0 && at - start < 64 && LOCAL.test(text.charAt(start - 1))) start--;
    while (start < at && text.charAt(start) === '.') start++;
    let end = at + 1;
    let lastLabel = at + 1;
    let labels = 0;
    for (;;) {
      let e = end;
      while (e < text.length && e - at <= 253 && LABEL.test(text.charAt(e))) e++;
      if (e === end) break;
      labels++;
      lastLabel = end;
      end = e;
      if (text.charAt(end) !== '.' || !LABEL.test(text.charAt(end + 1))) break;
      end++;
    }
    if (start < at && labels >= 2 && TLD.test(text.slice(lastLabel, end))) {
      push('email', start, end);
      from = end;
    } else {
      from = at + 1;
    }
  }
}
