import { editDistance } from '../text/edit-distance';

/** Keys of recent titles: matching compares every spec title with every template title. */
const KEYS = new Map<string, string>();
const KEYS_KEPT = 4096;
const KEYED_LENGTH = 200;

/** Title comparison that forgives case, punctuation, `(s)` and plural endings. */
export function titleKey(title: string): string {
  let key = KEYS.get(title);
  if (key !== undefined) return key;
  key = computeTitleKey(title);
  if (title.length <= KEYED_LENGTH) {
    if (KEYS.size >= KEYS_KEPT) KEYS.clear(); // bounded: a server runs for hours
    KEYS.set(title, key);
  }
  return key;
}

const NOT_ALPHANUMERIC = /[^\p{L}\p{N}]+/gu;
// The same for a lower-case ASCII title (nearly every title): V8 compiles the Unicode classes above
// to native code when a run keys many titles, which costs more than all the ASCII titles' keys.
const NOT_ASCII_ALPHANUMERIC = /[^a-z0-9]+/g;
const ASCII = /^[\x00-\x7f]*$/;

function computeTitleKey(title: string): string {
  const lower = title.toLowerCase().replace(/\(s\)/g, 's');
  return lower
    .replace(ASCII.test(lower) ? NOT_ASCII_ALPHANUMERIC : NOT_ALPHANUMERIC, ' ')
    .trim()
    .split(' ')
    .map((word) => (word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word))
    .join(' ');
}

/** A title that differs from another only by case, plural, punctuation or a small edit. */
export function isNearTitle(a: string, b: string): boolean {
  const keyA = titleKey(a);
  const keyB = titleKey(b);
  if (keyA === keyB) return true;
  const longer = Math.max(keyA.length, keyB.length);
  const limit = Math.min(2, Math.floor(longer / 4));
  return limit > 0 && Math.abs(keyA.length - keyB.length) <= limit && editDistance(keyA, keyB, limit) <= limit;
}
