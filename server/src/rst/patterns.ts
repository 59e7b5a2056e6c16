// The line patterns of docutils' Body state (docutils/parsers/rst/states.py, Body.patterns), as
// hand-written scanners or anchored regular expressions that stay linear on any input (no
// nested quantifiers that can backtrack over the same characters).
/** Transition names, as numbers. ALL: try the state's transitions in their usual order. */
export const ALL = -1;
export const T_TEXT = 0;
export const T_BLANK = 1;
export const T_INDENT = 2;
export const T_BULLET = 3;
export const T_ENUMERATOR = 4;
export const T_FIELD_MARKER = 5;
export const T_OPTION_MARKER = 6;
export const T_DOCTEST = 7;
export const T_LINE_BLOCK = 8;
export const T_GRID_TABLE_TOP = 9;
export const T_SIMPLE_TABLE_TOP = 10;
export const T_EXPLICIT_MARKUP = 11;
export const T_ANONYMOUS = 12;
/** Body's `line` pattern, which Text and Line call `underline`. */
export const T_LINE = 13;

export const FORMAT_PARENS = 0;
export const FORMAT_RPAREN = 1;
export const FORMAT_PERIOD = 2;
const FORMAT_INFO = [
  { prefix: '(', suffix: ')' },
  { prefix: '', suffix: ')' },
  { prefix: '', suffix: '.' },
];

/** Details of the last successful match (docutils' match object). */
export const M = { end: 0, format: 0, text: '' };

function spacesOrEnd(line: string, i: number): boolean {
  if (i < line.length && line.charCodeAt(i) !== 32) return false;
  while (i < line.length && line.charCodeAt(i) === 32) i++;
  M.end = i;
  return true;
}

/** `[!-/:-@[-`{-~]`: printable 7-bit ASCII, neither letter nor digit nor space. */
export function isNonAlphaNum7Bit(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

/** Body.patterns['line'] on an rstripped line: one punctuation character, repeated. */
export function isAdornment(line: string): boolean {
  if (line.length === 0) return false;
  const c = line.charCodeAt(0);
  if (!isNonAlphaNum7Bit(c)) return false;
  for (let i = 1; i < line.length; i++) if (line.charCodeAt(i) !== c) return false;
  return true;
}

function isEnumChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 35;
}

const ENUM_TEXT = /^(?:[0-9]+|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+|#)$/;

function tryEnumerator(line: string, p: number, suffix: number, format: number): boolean {
  let s = p;
  while (s < line.length && isEnumChar(line.charCodeAt(s))) s++;
  if (s === p || s >= line.length || line.charCodeAt(s) !== suffix) return false;
  const text = line.slice(p, s);
  if (!ENUM_TEXT.test(text) || !spacesOrEnd(line, s + 1)) return false;
  M.format = format;
  M.text = text;
  return true;
}

/** `(parens|rparen|period)( +|$)` with enum = arabic|loweralpha|upperalpha|roman|#. */
function matchEnumerator(line: string): boolean {
  const c = line.charCodeAt(0);
  if (c === 40) return tryEnumerator(line, 1, 41, FORMAT_PARENS);
  if (!isEnumChar(c)) return false;
  // Both forms scan the same run of enumerator characters: only the character after it decides.
  let s = 1;
  while (s < line.length && isEnumChar(line.charCodeAt(s))) s++;
  if (s >= line.length) return false;
  const suffix = line.charCodeAt(s);
  if (suffix === 41) return tryEnumerator(line, 0, 41, FORMAT_RPAREN);
  if (suffix === 46) return tryEnumerator(line, 0, 46, FORMAT_PERIOD);
  return false;
}

/**
 * `:(?![: ])([^:\\]|\\.|:(?!([ `]|$)))*(?<! ):( +|$)`. The repeated group can only stop at a
 * colon followed by a space, a backquote or the end (or at a final backslash), and only there can
 * the rest of the pattern match, so one forward scan decides.
 */
export function matchFieldMarker(line: string): boolean {
  const n = line.length;
  if (n < 2 || line.charCodeAt(0) !== 58) return false;
  const c1 = line.charCodeAt(1);
  if (c1 === 58 || c1 === 32) return false;
  let i = 1;
  for (;;) {
    if (i >= n) return false;
    const c = line.charCodeAt(i);
    if (c === 92) {
      if (i + 1 >= n) return false;
      i += 2;
    } else if (c === 58) {
      const d = i + 1 < n ? line.charCodeAt(i + 1) : -1;
      if (d === 32 || d === 96 || d === -1) break;
      i++;
    } else {
      i++;
    }
  }
  if (line.charCodeAt(i - 1) === 32) return false;
  return spacesOrEnd(line, i + 1);
}

const OPTARG = '(?:[a-zA-Z][a-zA-Z0-9_-]*|<[^<>]+>)';
const SHORTOPT = `(?:-|\\+)[a-zA-Z0-9](?: ?${OPTARG})?`;
const LONGOPT = `(?:--|/)[a-zA-Z0-9][a-zA-Z0-9_-]*(?:[ =]${OPTARG})?`;
const OPTION = `(?:${SHORTOPT}|${LONGOPT})`;
const OPTION_MARKER = new RegExp(`^${OPTION}(?:, ${OPTION})*(?:  +| ?$)`);

function matchOptionMarker(line: string): boolean {
  const m = OPTION_MARKER.exec(line);
  if (!m) return false;
  M.end = m[0].length;
  return true;
}

/** `\+-[-+]+-\+ *$` on an rstripped line. */
export function isGridTableTop(line: string): boolean {
  const n = line.length;
  if (n < 5 || line.charCodeAt(0) !== 43 || line.charCodeAt(1) !== 45) return false;
  if (line.charCodeAt(n - 2) !== 45 || line.charCodeAt(n - 1) !== 43) return false;
  for (let i = 2; i < n - 2; i++) {
    const c = line.charCodeAt(i);
    if (c !== 45 && c !== 43) return false;
  }
  return true;
}

/** `=+[ =]*$` (simple_table_border_pat) on an rstripped line. */
export function isSimpleTableBorder(line: string): boolean {
  if (line.charCodeAt(0) !== 61) return false;
  for (let i = 1; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 61 && c !== 32) return false;
  }
  return true;
}

/** `=+( +=+)+ *$` on an rstripped line: a border with at least two columns. */
function isSimpleTableTop(line: string): boolean {
  return isSimpleTableBorder(line) && line.indexOf(' ') > 0;
}

function isBulletChar(c: number): boolean {
  return c === 45 || c === 43 || c === 42 || c === 0x2022 || c === 0x2023 || c === 0x2043;
}

/**
 * The first of Body's transitions (blank, indent, bullet, enumerator, field_marker,
 * option_marker, doctest, line_block, grid_table_top, simple_table_top, explicit_markup,
 * anonymous, line, text) that matches an rstripped line. `only` is ALL or T_TEXT (the only
 * transition docutils ever forces in these states).
 */
export function matchBody(line: string, only: number): number {
  if (only === T_TEXT) return T_TEXT;
  if (line.length === 0) return T_BLANK;
  const c = line.charCodeAt(0);
  if (c === 32) return T_INDENT;
  // most lines start with a letter or digit: then only an enumerator can match (one test, not twelve)
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return matchEnumerator(line) ? T_ENUMERATOR : T_TEXT;
  if (isBulletChar(c) && spacesOrEnd(line, 1)) return T_BULLET;
  if (matchEnumerator(line)) return T_ENUMERATOR;
  if (c === 58 && matchFieldMarker(line)) return T_FIELD_MARKER;
  if ((c === 45 || c === 43 || c === 47) && matchOptionMarker(line)) return T_OPTION_MARKER;
  if (line.startsWith('>>>') && spacesOrEnd(line, 3)) return T_DOCTEST;
  if (c === 124 && spacesOrEnd(line, 1)) return T_LINE_BLOCK;
  if (c === 43 && isGridTableTop(line)) return T_GRID_TABLE_TOP;
  if (c === 61 && isSimpleTableTop(line)) return T_SIMPLE_TABLE_TOP;
  if (line.startsWith('..') && spacesOrEnd(line, 2)) return T_EXPLICIT_MARKUP;
  if (line.startsWith('__') && spacesOrEnd(line, 2)) return T_ANONYMOUS;
  if (isAdornment(line)) return T_LINE;
  return T_TEXT;
}

/** Text, Line and Definition states: blank, indent, underline, text. */
export function matchText(line: string, only: number): number {
  if (only === T_TEXT) return T_TEXT;
  if (line.length === 0) return T_BLANK;
  if (line.charCodeAt(0) === 32) return T_INDENT;
  return isAdornment(line) ? T_LINE : T_TEXT;
}

// ---- enumerators (Body.parse_enumerator, is_enumerated_list_item, make_enumerator) ----

const SEQUENCES: [string, RegExp][] = [
  ['arabic', /^[0-9]+$/],
  ['loweralpha', /^[a-z]$/],
  ['upperalpha', /^[A-Z]$/],
  ['lowerroman', /^[ivxlcdm]+$/],
  ['upperroman', /^[IVXLCDM]+$/],
];

const ROMAN = /^M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const ROMAN_VALUES: [string, number][] = [
  ['M', 1000],
  ['CM', 900],
  ['D', 500],
  ['CD', 400],
  ['C', 100],
  ['XC', 90],
  ['L', 50],
  ['XL', 40],
  ['X', 10],
  ['IX', 9],
  ['V', 5],
  ['IV', 4],
  ['I', 1],
];

function fromRoman(s: string): number | null {
  if (!s || !ROMAN.test(s)) return null;
  let result = 0;
  let i = 0;
  for (const [numeral, value] of ROMAN_VALUES) {
    while (s.startsWith(numeral, i)) {
      result += value;
      i += numeral.length;
    }
  }
  return result;
}

function toRoman(n: number): string | null {
  if (!(n > 0 && n < 5000)) return null;
  let result = '';
  for (const [numeral, value] of ROMAN_VALUES) {
    while (n >= value) {
      result += numeral;
      n -= value;
    }
  }
  return result;
}

export interface Enumerator {
  format: number;
  sequence: string;
  ordinal: number | null;
}

export function parseEnumerator(expected: string | null): Enumerator {
  const text = M.text;
  let sequence = '';
  if (text === '#') sequence = '#';
  else if (expected) {
    const re = SEQUENCES.find(([name]) => name === expected)?.[1];
    if (re?.test(text)) sequence = expected;
  } else if (text === 'i') sequence = 'lowerroman';
  else if (text === 'I') sequence = 'upperroman';
  if (!sequence) sequence = (SEQUENCES.find(([, re]) => re.test(text)) ?? SEQUENCES[4])[0];
  let ordinal: number | null;
  if (sequence === '#') ordinal = 1;
  else if (sequence === 'arabic') ordinal = Number(text);
  else if (sequence === 'loweralpha') ordinal = text.charCodeAt(0) - 96;
  else if (sequence === 'upperalpha') ordinal = text.charCodeAt(0) - 64;
  else ordinal = fromRoman(text.toUpperCase());
  return { format: M.format, sequence, ordinal };
}

/** The next enumerator and the auto-enumerator, each followed by a space; null if out of range. */
export function makeEnumerator(ordinal: number, sequence: string, format: number): [string, string] | null {
  let enumerator: string;
  if (sequence === '#') enumerator = '#';
  else if (sequence === 'arabic') enumerator = String(ordinal);
  else if (sequence.endsWith('alpha')) {
    if (ordinal > 26) return null;
    enumerator = String.fromCharCode(ordinal + 96);
  } else {
    const roman = toRoman(ordinal);
    if (roman === null) return null;
    enumerator = roman;
  }
  if (sequence.startsWith('lower')) enumerator = enumerator.toLowerCase();
  else if (sequence.startsWith('upper')) enumerator = enumerator.toUpperCase();
  const { prefix, suffix } = FORMAT_INFO[format];
  return [prefix + enumerator + suffix + ' ', prefix + '#' + suffix + ' '];
}
