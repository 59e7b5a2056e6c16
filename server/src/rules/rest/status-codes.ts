// Finds HTTP status codes in a REST API impact section: in labelled fields ("Normal http response
// code(s): 202", "Expected error http response code(s):" followed by a list or a table) and in a
// few unmistakable prose forms (`HTTP 404`, `` `409 Conflict` ``, `badRequest(400)`).
import { saysWhy } from './http';

export interface ScopeLine {
  readonly line: number;
  readonly text: string;
  /** Columns before the first non-blank character. */
  readonly indent: number;
  /** Inside a JSON sample or schema: no codes, methods or URLs are read there. */
  readonly json: boolean;
  readonly heading: boolean;
}

export type CodeKind = 'normal' | 'error';

export interface StatusCodeRef {
  readonly line: number;
  readonly character: number;
  readonly code: number;
  /** From the field's label; undefined for fields like "Response codes:" and for prose. */
  readonly kind: CodeKind | undefined;
  /** In a labelled field (rather than prose). */
  readonly field: boolean;
  /** Whether some text says why the code happens. */
  readonly reason: boolean;
}

const BULLET = /^(?:[-*+•]|\d{1,2}[.)]|#\.)\s+/;
const KIND_WORD = /^(?:(?:expected|possible|the)\s+)?(normal|success(?:ful)?|error|failure|fault)\b/i;
const CODE_WORD = /\bcodes?\b(?:\s*\(s\))?/i;
const GENERIC_LABEL =
  /^(?:(?:possible|the)\s+)?(?:https?\s+)?(?:response|status|return)\s+codes?\b(?:\s*\(s\))?|^returns?(?=\s*[:：])|^codes?(?=\s*[:：])/i;
const COLON_PARAGRAPH = /\b(?:response|status|http|error|return)\s+codes?\b/i;
const STANDALONE_CODE = /(?<![\w./:-])(\d{3})(?![\w./-]|:\d)/g;
const PROSE_CODE = /\bHTTP:?\s?(\d{3})\b|`(\d{3}) [A-Z]|([a-z][A-Za-z]{2,30})\((\d{3})\)/g;
const EMPHASIS = /^\*{1,2}/;
const ERROR_WORDS = /\b(?:error|errors|fail\w*|fault)\b/i;
const NORMAL_WORDS = /\b(?:normal|success\w*)\b/i;
const SENTENCE_BREAK = /[.:：]/;
const VALUE_LEAD = /^[\s:：*`]+/;
const ITEM_MARKUP = /[|*`'"]/g;
const LABEL_WORD = /code|return/i;

/** The patterns this module runs over spec text, for the linear-time test. */
export const STATUS_CODE_PATTERNS: readonly RegExp[] = [
  BULLET,
  LABEL_WORD,
  KIND_WORD,
  CODE_WORD,
  GENERIC_LABEL,
  COLON_PARAGRAPH,
  STANDALONE_CODE,
  PROSE_CODE,
  EMPHASIS,
  ERROR_WORDS,
  NORMAL_WORDS,
  SENTENCE_BREAK,
  VALUE_LEAD,
  ITEM_MARKUP,
];

/** How far into an item its code may be: `The HTTP response code 207 ...`. */
const LEADING_WINDOW = 40;

interface Label {
  readonly kind: CodeKind | undefined;
  /** Offset in the line where the value after the label starts. */
  readonly valueStart: number;
  /** The label leaves its value to the following lines (no value, or it ends with a colon). */
  readonly open: boolean;
}

export function stripBullet(text: string): { rest: string; offset: number } {
  const trimmed = text.trimStart();
  let offset = text.length - trimmed.length;
  let rest = trimmed;
  const bullet = BULLET.exec(rest);
  if (bullet) {
    offset += bullet[0].length;
    rest = rest.slice(bullet[0].length);
  }
  const emphasis = EMPHASIS.exec(rest);
  if (emphasis) {
    offset += emphasis[0].length;
    rest = rest.slice(emphasis[0].length);
  }
  return { rest, offset };
}

function kindOf(text: string): CodeKind | undefined {
  const error = ERROR_WORDS.test(text);
  const normal = NORMAL_WORDS.test(text);
  if (error === normal) return undefined;
  return error ? 'error' : 'normal';
}

function readLabel(lines: readonly ScopeLine[], index: number): Label | undefined {
  const current = lines[index];
  if (current.json || current.heading) return undefined;
  // Each kind of label needs "code" or "return" (ASCII, any case), or ends with a colon.
  if (!LABEL_WORD.test(current.text) && !current.text.trimEnd().endsWith(':')) return undefined;
  const { rest, offset } = stripBullet(current.text);
  const kindWord = KIND_WORD.exec(rest);
  if (kindWord) {
    const code = CODE_WORD.exec(rest.slice(0, 60));
    const between = code ? rest.slice(kindWord[0].length, code.index) : '';
    if (code && !SENTENCE_BREAK.test(between))
      return makeLabel(current.text, offset + code.index + code[0].length, kindOf(rest.slice(0, code.index)));
  }
  const generic = GENERIC_LABEL.exec(rest);
  if (generic) return makeLabel(current.text, offset + generic[0].length, kindOf(rest.slice(0, generic[0].length)));
  const trimmedEnd = current.text.trimEnd();
  if (trimmedEnd.endsWith(':')) {
    let paragraph = rest;
    for (let back = index - 1; back >= 0 && back >= index - 2; back--) {
      if (lines[back].text.trim() === '' || lines[back].line !== lines[back + 1].line - 1) break;
      paragraph = `${lines[back].text.trim()} ${paragraph}`;
    }
    if (COLON_PARAGRAPH.test(paragraph)) return { kind: kindOf(paragraph), valueStart: trimmedEnd.length, open: true };
  }
  return undefined;
}

function makeLabel(text: string, valueStart: number, kind: CodeKind | undefined): Label {
  const value = text.slice(valueStart).replace(VALUE_LEAD, '').trim();
  return { kind, valueStart, open: value === '' || value === ':' || value === '::' };
}

/** The first code near the start of an item: `404 Not Found`, `badRequest(400)`, `The HTTP response code 207 ...`. */
function leadingCode(text: string, from: number): { code: number; character: number; end: number } | undefined {
  // Only the start of the item is read, so that a long line split into many items stays linear.
  const window = text.slice(from, from + LEADING_WINDOW + 8);
  STANDALONE_CODE.lastIndex = 0;
  const match = STANDALONE_CODE.exec(window);
  if (!match || match.index > LEADING_WINDOW) return undefined;
  return { code: Number(match[1]), character: from + match.index, end: from + match.index + 3 };
}

/** Splits a field value on commas and semicolons outside parentheses. */
function pieces(text: string, from: number): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  let depth = 0;
  let start = from;
  for (let index = from; index <= text.length; index++) {
    const char = text[index];
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (index === text.length || ((char === ',' || char === ';') && depth === 0)) {
      found.push({ start, end: index });
      start = index + 1;
    }
  }
  return found;
}

export function findStatusCodes(lines: readonly ScopeLine[]): StatusCodeRef[] {
  const codes: StatusCodeRef[] = [];
  const consumed = new Set<number>();
  for (let index = 0; index < lines.length; index++) {
    const label = readLabel(lines, index);
    if (!label) continue;
    index = readField(lines, index, label, codes, consumed);
  }
  for (const current of lines) {
    if (current.json || consumed.has(current.line) || !hasThreeDigits(current.text)) continue;
    PROSE_CODE.lastIndex = 0;
    for (let match = PROSE_CODE.exec(current.text); match; match = PROSE_CODE.exec(current.text)) {
      // `badRequest(400)` is a status; `varchar(255)` is not.
      if (match[3] && saysWhy(match[3])) continue;
      const digits = match[1] ?? match[2] ?? match[4];
      const character = match.index + match[0].lastIndexOf(digits);
      codes.push({ line: current.line, character, code: Number(digits), kind: undefined, field: false, reason: true });
    }
  }
  return codes;
}

/** Whether three ASCII digits follow each other somewhere in the text (every prose code form needs them). */
function hasThreeDigits(text: string): boolean {
  let run = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char >= 48 && char <= 57) {
      if (++run === 3) return true;
    } else run = 0;
  }
  return false;
}

/** Reads one field; returns the index of its last line. */
function readField(lines: readonly ScopeLine[], index: number, label: Label, codes: StatusCodeRef[], consumed: Set<number>): number {
  const labelLine = lines[index];
  consumed.add(labelLine.line);
  const inline: { code: number; character: number; rest: string }[] = [];
  for (const piece of pieces(labelLine.text, label.valueStart)) {
    const found = leadingCode(labelLine.text, piece.start);
    if (found && found.end <= piece.end) {
      inline.push({ ...found, rest: labelLine.text.slice(piece.start, piece.end).replace(String(found.code), '') });
    }
  }
  let last = index;
  let tail = '';
  for (let next = index + 1; next < lines.length; next++) {
    const line = lines[next];
    if (line.line !== lines[next - 1].line + 1 || line.text.trim() === '' || line.json || line.heading) break;
    if (line.indent < labelLine.indent || readLabel(lines, next)) break;
    const stripped = line.text.replace(ITEM_MARKUP, ' ');
    if (leadingCode(stripped, stripBullet(stripped).offset)) break;
    tail += ` ${line.text}`;
    consumed.add(line.line);
    last = next;
  }
  const tailSaysWhy = saysWhy(tail);
  for (const { code, character, rest } of inline) {
    codes.push({ line: labelLine.line, character, code, kind: label.kind, field: true, reason: tailSaysWhy || saysWhy(rest) });
  }

  let itemIndent = -1;
  let item: { code: number; line: number; character: number; text: string } | undefined;
  const flush = () => {
    if (item)
      codes.push({
        line: item.line,
        character: item.character,
        code: item.code,
        kind: label.kind,
        field: true,
        reason: saysWhy(item.text),
      });
    item = undefined;
  };
  for (let next = last + 1; next < lines.length; next++) {
    const line = lines[next];
    if (line.heading) break;
    if (line.text.trim() === '' || line.json) continue;
    const bulletSibling = label.open && line.indent === labelLine.indent && BULLET.test(line.text.trimStart());
    if (line.indent <= labelLine.indent && !bulletSibling) break;
    if (line.indent <= labelLine.indent && readLabel(lines, next)) break;
    if (itemIndent < 0) itemIndent = line.indent;
    const stripped = line.text.replace(ITEM_MARKUP, ' ');
    const start = stripBullet(stripped).offset;
    const found = line.indent <= itemIndent ? leadingCode(stripped, start) : undefined;
    if (found) {
      flush();
      item = { code: found.code, line: line.line, character: found.character, text: stripped.slice(start).replace(String(found.code), '') };
    } else if (item) item.text += ` ${stripped}`;
    if (bulletSibling || found || item) consumed.add(line.line);
    last = next;
  }
  flush();
  return last;
}
