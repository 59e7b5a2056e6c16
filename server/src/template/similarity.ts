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

function computeTitleKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/\(s\)/g, 's')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
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
