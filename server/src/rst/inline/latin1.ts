// The inline patterns (scan.ts) over Latin-1 text. Compiling the patterns with their Unicode
// classes ([\p{L}\p{N}], Python's whitespace, docutils' delimiters) cost about a tenth of a corpus
// parse. A pattern reads a character other than `*`, `` ` ``, `_`, `|`, `[`, `]`, `#`, `:`, `-`,
// `.`, `+`, NUL and the digits only through its classes: so a text whose other characters are
// replaced by Latin-1 stand-ins in the same classes matches at the same offsets, and the patterns
// need only the classes' Latin-1 parts (no `u` flag, a few ranges). A text for which that does not
// hold (an astral character, a class combination no stand-in has) gets the Unicode patterns.
import { AFTER, BEFORE, SPACE } from './chars';

const NAME_BIT = 1;
const SPACE_BIT = 2;
const BEFORE_BIT = 4;
const AFTER_BIT = 8;

/** [\p{L}\p{N}] below U+0100 (test/rst/inline-latin1.test.ts checks it against the property classes). */
export const NAME_LATIN1 = 'A-Za-z0-9\\xaa\\xb2\\xb3\\xb5\\xb9\\xba\\xbc-\\xbe\\xc0-\\xd6\\xd8-\\xf6\\xf8-\\xff';

/** A class body of chars.ts (`\u{9}-\u{d}\u{1c}...`) as [first, last] code points. */
function ranges(source: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of source.matchAll(/\\u\{([0-9a-f]+)\}(?:-\\u\{([0-9a-f]+)\})?/g)) {
    const first = parseInt(m[1], 16);
    out.push([first, m[2] === undefined ? first : parseInt(m[2], 16)]);
  }
  return out;
}

const SPACE_RANGES = ranges(SPACE);
const BEFORE_RANGES = ranges(BEFORE);
const AFTER_RANGES = ranges(AFTER);

const hex = (c: number) => '\\x' + c.toString(16).padStart(2, '0');

/** The Latin-1 part of a class, as a class body for a pattern without the `u` flag. */
function latin1Body(list: [number, number][]): string {
  let body = '';
  for (const [first, last] of list) {
    if (first > 0xff) continue;
    const end = Math.min(last, 0xff);
    body += first === end ? hex(first) : `${hex(first)}-${hex(end)}`;
  }
  return body;
}

export const SPACE_LATIN1 = latin1Body(SPACE_RANGES);
export const BEFORE_LATIN1 = latin1Body(BEFORE_RANGES);
export const AFTER_LATIN1 = latin1Body(AFTER_RANGES);

const inRanges = (list: [number, number][], c: number) => list.some(([first, last]) => c >= first && c <= last);

let nameClass: RegExp | undefined;

function classBits(c: number): number {
  nameClass ??= /[\p{L}\p{N}]/u;
  let bits = nameClass.test(String.fromCharCode(c)) ? NAME_BIT : 0;
  if (inRanges(SPACE_RANGES, c)) bits |= SPACE_BIT;
  if (inRanges(BEFORE_RANGES, c)) bits |= BEFORE_BIT;
  if (inRanges(AFTER_RANGES, c)) bits |= AFTER_BIT;
  return bits;
}

/** Per class combination, a Latin-1 character in exactly those classes that no pattern names itself ('' if none). */
let standInFor: string[] | undefined;

function standInTable(): string[] {
  const table = new Array<string>(16).fill('');
  for (const c of ['a', '\xa0', '(', ')', '"', '$']) table[classBits(c.charCodeAt(0))] ||= c;
  return table;
}

/** A character above U+00FF → its stand-in ('' if none); filled as characters are met. */
const standIns = new Map<number, string>();

const ABOVE_LATIN1 = /[^\x00-\xff]/g;

/**
 * The text the Latin-1 patterns read in place of `text` (the same text when it is all Latin-1),
 * or null when only the Unicode patterns read it right.
 */
export function latin1Subject(text: string): string | null {
  ABOVE_LATIN1.lastIndex = 0;
  if (!ABOVE_LATIN1.test(text)) return text;
  let i = ABOVE_LATIN1.lastIndex - 1;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0xff) {
      out += text[i];
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) return null; // an astral character is one code point of two units
    let standIn = standIns.get(c);
    if (standIn === undefined) standIns.set(c, (standIn = (standInFor ??= standInTable())[classBits(c)]));
    if (standIn === '') return null;
    out += standIn;
  }
  return out;
}
