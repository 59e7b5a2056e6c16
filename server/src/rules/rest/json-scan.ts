// Finds JSON samples and schemas in a code region (a literal block or a code-block body) and checks
// them: strictly as JSON when they are written as JSON, leniently (brackets and quotes only) when
// they are Python dicts, carry placeholders or `...` elisions. One pass, no backtracking regexes.

export interface RegionLine {
  readonly line: number;
  readonly text: string;
}

export interface JsonProblem {
  readonly line: number;
  readonly character: number;
  readonly length: number;
  readonly message: string;
}

export interface JsonKey {
  readonly name: string;
  /** Position of the name, without its quotes. */
  readonly line: number;
  readonly character: number;
  /** The key of the object that holds this key (`properties` for a schema's fields). */
  readonly parentKey: string | undefined;
}

export interface JsonSegment {
  readonly startLine: number;
  readonly endLine: number;
  /** `strict` when written as JSON; `lenient` for Python dicts, placeholders and elisions. */
  readonly mode: 'strict' | 'lenient';
  /** A JSON Schema (it has `properties`, `$schema` or a top-level `"type": "object"`). */
  readonly schema: boolean;
  readonly keys: readonly JsonKey[];
  readonly problem: JsonProblem | undefined;
}

type TokenKind = 'punct' | 'string' | 'word' | 'other' | 'comment';

interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  /** The punctuation character, the string's contents, or the word. */
  readonly value: string;
  readonly quote?: '"' | "'";
  /** A string that is not closed on its line. */
  readonly unterminated?: boolean;
}

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const ASSIGNMENT = /^[A-Za-z_][\w.]*\s*=\s*$/;
const WRAP_LOOKAHEAD_LINES = 5;
const WRAPPED_STRING_END = /^\s*(?:[,}\]:]|$)/;
const AFTER_SPACE = /\s/;

/** The patterns this module runs over spec text, for the linear-time test. */
export const JSON_PATTERNS: readonly RegExp[] = [JSON_NUMBER, ASSIGNMENT, WRAPPED_STRING_END, AFTER_SPACE];

/** `[A-Za-z0-9_$.+-]`: what a word token (a number, a keyword, a placeholder) is made of. */
function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 36 ||
    code === 46 ||
    code === 43 ||
    code === 45
  );
}

class Text {
  readonly text: string;
  private readonly starts: number[] = [];
  private readonly lineNumbers: number[] = [];

  constructor(lines: readonly RegionLine[]) {
    let offset = 0;
    for (const { line, text } of lines) {
      this.starts.push(offset);
      this.lineNumbers.push(line);
      offset += text.length + 1;
    }
    this.text = lines.map((line) => line.text).join('\n');
  }

  position(offset: number): { line: number; character: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: this.lineNumbers[low], character: offset - this.starts[low] };
  }

  lineEnd(offset: number): number {
    const end = this.text.indexOf('\n', offset);
    return end < 0 ? this.text.length : end;
  }
}

/** Reads one token at `offset` (whitespace skipped); undefined at the end of the text. */
function readToken(source: Text, offset: number, previous: Token | undefined): Token | undefined {
  const text = source.text;
  let code = text.charCodeAt(offset);
  while (code === 32 || code === 9 || code === 10) code = text.charCodeAt(++offset);
  if (offset >= text.length) return undefined;
  const char = text[offset];
  // { } [ ] : ,
  if (code === 123 || code === 125 || code === 91 || code === 93 || code === 58 || code === 44) {
    return { kind: 'punct', start: offset, end: offset + 1, value: char };
  }
  if (code === 35 || (code === 47 && (text[offset + 1] === '/' || text[offset + 1] === '*'))) {
    const end = source.lineEnd(offset);
    return { kind: 'comment', start: offset, end, value: text.slice(offset, end) };
  }
  if (code === 34) return readString(source, offset, '"');
  if (code === 39) {
    const afterSpace = offset === 0 || AFTER_SPACE.test(text[offset - 1]);
    const atValueStart = !previous || (previous.kind === 'punct' && previous.value !== '}' && previous.value !== ']') || afterSpace;
    if (atValueStart) return readString(source, offset, "'");
  }
  if (char === '…') return { kind: 'word', start: offset, end: offset + 1, value: '...' };
  if (isWordChar(code)) {
    let end = offset + 1;
    while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
    return { kind: 'word', start: offset, end, value: text.slice(offset, end) };
  }
  return { kind: 'other', start: offset, end: offset + 1, value: char };
}

/** A string; one that runs past its line is accepted only when it is a long value wrapped to fit. */
function readString(source: Text, offset: number, quote: '"' | "'"): Token {
  const text = source.text;
  const lineEnd = source.lineEnd(offset);
  const close = (from: number, limit: number): number => {
    for (let index = from; index < limit; index++) {
      if (text[index] === '\\') index++;
      else if (text[index] === quote) return index;
    }
    return -1;
  };
  let end = close(offset + 1, lineEnd);
  if (end < 0 && quote === '"') {
    let limit = lineEnd;
    for (let extra = 0; extra < WRAP_LOOKAHEAD_LINES && limit < text.length; extra++) limit = source.lineEnd(limit + 1);
    const wrapped = close(lineEnd, limit);
    if (wrapped >= 0 && WRAPPED_STRING_END.test(text.slice(wrapped + 1, source.lineEnd(wrapped) + 1))) end = wrapped;
  }
  if (end < 0) return { kind: 'string', start: offset, end: lineEnd, value: text.slice(offset + 1, lineEnd), quote, unterminated: true };
  return { kind: 'string', start: offset, end: end + 1, value: text.slice(offset + 1, end), quote };
}

/** Finds every JSON-looking segment: a line of the region that starts with `{` or `[` (or `name = {`). */
export function scanJsonSegments(lines: readonly RegionLine[], forceLenient: boolean): JsonSegment[] {
  if (lines.length === 0) return [];
  const source = new Text(lines);
  const segments: JsonSegment[] = [];
  let lineIndex = 0;
  let offset = 0;
  while (lineIndex < lines.length) {
    const text = lines[lineIndex].text;
    const lineStart = offset;
    const trimmed = text.trimStart();
    const indent = text.length - trimmed.length;
    let open = -1;
    let assigned = false;
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) open = lineStart + indent;
    else {
      const equals = trimmed.indexOf('=');
      const bracket = equals < 0 ? -1 : trimmed.length - trimmed.slice(equals + 1).trimStart().length;
      if (bracket > 0 && (trimmed[bracket] === '{' || trimmed[bracket] === '[') && ASSIGNMENT.test(trimmed.slice(0, bracket))) {
        open = lineStart + indent + bracket;
        assigned = true;
      }
    }
    if (open < 0) {
      offset += text.length + 1;
      lineIndex++;
      continue;
    }
    const segment = readSegment(source, open, forceLenient || assigned);
    segments.push(segment);
    while (lineIndex < lines.length && lines[lineIndex].line < segment.endLine) {
      offset += lines[lineIndex].text.length + 1;
      lineIndex++;
    }
  }
  return segments;
}

function readSegment(source: Text, open: number, forceLenient: boolean): JsonSegment {
  const tokens: Token[] = [];
  let depth = 0;
  let offset = open;
  let previous: Token | undefined;
  for (;;) {
    const token = readToken(source, offset, previous);
    if (!token) break;
    tokens.push(token);
    if (token.kind !== 'comment') previous = token;
    offset = token.end;
    if (token.kind === 'punct' && (token.value === '{' || token.value === '[')) depth++;
    if (token.kind === 'punct' && (token.value === '}' || token.value === ']')) depth--;
    if (depth === 0) break;
  }
  const lenient = forceLenient || isLenient(tokens);
  const found = lenient ? checkBalanced(tokens) : checkStrict(tokens);
  // A sample that stops after an item's comma is an excerpt that leaves the rest out on purpose.
  const excerpt = depth > 0 && tokens[tokens.length - 1]?.value === ',';
  const problem = excerpt && found?.unclosed ? undefined : found;
  const last = tokens[tokens.length - 1];
  const startLine = source.position(open).line;
  const endLine = source.position(Math.max(open, last.end - 1)).line + 1;
  return {
    startLine,
    endLine,
    mode: lenient ? 'lenient' : 'strict',
    schema: isSchema(tokens),
    keys: collectKeys(tokens).map(({ name, start, parentKey }) => ({ name, parentKey, ...source.position(start) })),
    problem: problem && { ...source.position(problem.offset), length: problem.length, message: problem.message },
  };
}

/** Python dicts, placeholders, comments and elisions: anything a JSON parser would trip on by design. */
function isLenient(tokens: readonly Token[]): boolean {
  let previous: Token | undefined;
  for (const token of tokens) {
    if (token.kind === 'comment') return true;
    if (token.kind === 'string' && token.quote === "'") return true;
    if (token.kind === 'other' && (token.value === '<' || token.value === '=' || token.value === '(')) return true;
    if (token.kind === 'word') {
      const word = token.value;
      if (word.includes('..') || word.startsWith('$')) return true;
      const atValue = !previous || previous.kind === 'punct';
      if (atValue && !JSON_NUMBER.test(word) && word !== 'true' && word !== 'false' && word !== 'null') return true;
    }
    previous = token;
  }
  return false;
}

interface RawProblem {
  readonly offset: number;
  readonly length: number;
  readonly message: string;
  /** The sample ends before this bracket is closed. */
  readonly unclosed?: boolean;
}

function describe(token: Token): string {
  if (token.kind === 'string') return token.quote === "'" ? 'a single-quoted string' : `the string "${clip(token.value)}"`;
  if (token.kind === 'punct') return `'${token.value}'`;
  return `'${clip(token.value)}'`;
}

function clip(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

function tokenProblem(token: Token, message: string): RawProblem {
  return { offset: token.start, length: Math.max(1, Math.min(token.end, token.start + 40) - token.start), message };
}

/** JSON grammar over the tokens, iteratively (no recursion depth limit). */
function checkStrict(tokens: readonly Token[]): RawProblem | undefined {
  type State = 'value' | 'key-or-end' | 'key' | 'colon' | 'comma-or-end' | 'value-or-end';
  const stack: Token[] = [];
  let state: State = 'value';
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.kind === 'string' && token.unterminated) {
      return tokenProblem(token, 'Invalid JSON: this string is not closed on its line.');
    }
    const container = stack[stack.length - 1];
    const inObject = container?.value === '{';
    const isOpen = token.kind === 'punct' && (token.value === '{' || token.value === '[');
    const isClose = token.kind === 'punct' && (token.value === '}' || token.value === ']');
    const isScalar =
      token.kind === 'string' ||
      (token.kind === 'word' && (JSON_NUMBER.test(token.value) || ['true', 'false', 'null'].includes(token.value)));
    switch (state) {
      case 'value':
      case 'value-or-end':
        if (state === 'value-or-end' && isClose && token.value === ']') {
          stack.pop();
          state = 'comma-or-end';
        } else if (isOpen) {
          stack.push(token);
          state = token.value === '{' ? 'key-or-end' : 'value-or-end';
        } else if (isScalar) state = 'comma-or-end';
        else if (isClose && tokens[index - 1]?.value === ',')
          return tokenProblem(tokens[index - 1], `Invalid JSON: a comma before '${token.value}' (JSON allows no trailing comma).`);
        else return tokenProblem(token, `Invalid JSON: a value was expected, not ${describe(token)}.`);
        break;
      case 'key-or-end':
      case 'key':
        if (state === 'key-or-end' && isClose && token.value === '}') {
          stack.pop();
          state = 'comma-or-end';
        } else if (token.kind === 'string' && token.quote === '"') state = 'colon';
        else if (isClose && token.value === '}')
          return tokenProblem(tokens[index - 1], "Invalid JSON: a comma before '}' (JSON allows no trailing comma).");
        else return tokenProblem(token, `Invalid JSON: a property name in double quotes was expected, not ${describe(token)}.`);
        break;
      case 'colon':
        if (token.kind === 'punct' && token.value === ':') state = 'value';
        else return tokenProblem(token, `Invalid JSON: ':' was expected after the property name, not ${describe(token)}.`);
        break;
      case 'comma-or-end':
        if (!container) return undefined;
        if (token.kind === 'punct' && token.value === ',') state = inObject ? 'key' : 'value';
        else if (isClose && token.value === (inObject ? '}' : ']')) {
          stack.pop();
          if (stack.length === 0) return undefined;
        } else {
          const expected = inObject ? "',' or '}' after a property value" : "',' or ']' after an array item";
          return tokenProblem(token, `Invalid JSON: ${expected} was expected, not ${describe(token)}.`);
        }
        break;
    }
  }
  const opener = stack[stack.length - 1];
  return opener
    ? { offset: opener.start, length: 1, message: `Invalid JSON: this '${opener.value}' is never closed.`, unclosed: true }
    : undefined;
}

/** Brackets that match and quotes that close: what a Python dict or an elided sample must still get right. */
function checkBalanced(tokens: readonly Token[]): RawProblem | undefined {
  const stack: Token[] = [];
  for (const token of tokens) {
    if (token.kind === 'string' && token.unterminated) {
      return tokenProblem(token, 'Unclosed quote in this sample: the string is not closed on its line.');
    }
    if (token.kind !== 'punct') continue;
    if (token.value === '{' || token.value === '[') stack.push(token);
    else if (token.value === '}' || token.value === ']') {
      const opener = stack.pop();
      const expected = opener?.value === '{' ? '}' : ']';
      if (opener && token.value !== expected) {
        return {
          offset: token.start,
          length: 1,
          message: `Unbalanced brackets in this sample: '${token.value}' closes a '${opener.value}' (it needs '${expected}').`,
        };
      }
    }
  }
  const opener = stack[stack.length - 1];
  return opener
    ? {
        offset: opener.start,
        length: 1,
        message: `Unbalanced brackets in this sample: this '${opener.value}' is never closed.`,
        unclosed: true,
      }
    : undefined;
}

function collectKeys(tokens: readonly Token[]): { name: string; start: number; parentKey: string | undefined }[] {
  const keys: { name: string; start: number; parentKey: string | undefined }[] = [];
  const containers: { bracket: string; key: string | undefined }[] = [];
  let lastKey: string | undefined;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.kind === 'punct' && (token.value === '{' || token.value === '[')) {
      containers.push({ bracket: token.value, key: lastKey });
      lastKey = undefined;
    } else if (token.kind === 'punct' && (token.value === '}' || token.value === ']')) {
      containers.pop();
      lastKey = undefined;
    } else if (token.kind === 'string' && tokens[index + 1]?.value === ':' && containers.at(-1)?.bracket === '{') {
      keys.push({ name: token.value, start: token.start + 1, parentKey: containers.at(-1)?.key });
      lastKey = token.value;
    } else if (token.kind === 'punct' && token.value === ',') lastKey = undefined;
  }
  return keys;
}

function isSchema(tokens: readonly Token[]): boolean {
  let depth = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.kind === 'punct' && (token.value === '{' || token.value === '[')) depth++;
    else if (token.kind === 'punct' && (token.value === '}' || token.value === ']')) depth--;
    else if (token.kind === 'string' && tokens[index + 1]?.value === ':') {
      if (token.value === 'properties' || token.value === '$schema') return true;
      const value = tokens[index + 2];
      if (depth === 1 && token.value === 'type' && value?.kind === 'string' && value.value === 'object') return true;
    }
  }
  return false;
}

/** Every quoted word of the lines (`"name"`, `'name'`), by word: the positions of the word without its quotes. */
export function quotedWords(lines: readonly RegionLine[]): Map<string, { line: number; character: number }[]> {
  const found = new Map<string, { line: number; character: number }[]>();
  for (const { line, text } of lines) {
    for (let index = 0; index < text.length; index++) {
      const quote = text[index];
      if (quote !== '"' && quote !== "'") continue;
      let end = index + 1;
      while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
      if (end > index + 1 && text[end] === quote) {
        const name = text.slice(index + 1, end);
        const list = found.get(name) ?? [];
        list.push({ line, character: index + 1 });
        found.set(name, list);
        index = end - 1;
      }
    }
  }
  return found;
}
