// JSON with comments and trailing commas (VS Code's settings syntax), read with VS Code's own
// jsonc-parser. Its error codes are turned into one message that says what was expected and what
// was found there, so a problem in `.rst-specs.json` reads as clearly as a compiler's.
import { createScanner, type Node, parseTree, ParseErrorCode, SyntaxKind, visit } from 'jsonc-parser/lib/esm/main';

export type { Node as JsonNode } from 'jsonc-parser/lib/esm/main';

export interface JsonSyntaxError {
  readonly message: string;
  readonly offset: number;
  readonly end: number;
}

const MAX_DEPTH = 64;
const OPTIONS = { allowTrailingComma: true, disallowComments: false };

/** Parses JSONC text into a tree; on a syntax error, returns the first error instead. */
export function parseJsonc(source: string): { root: Node; error?: undefined } | { root?: undefined; error: JsonSyntaxError } {
  // A byte order mark is white space here (as in VS Code); a space keeps the offsets.
  const text = source.startsWith('\uFEFF') ? ` ${source.slice(1)}` : source;
  // jsonc-parser recurses per level: 5,000 nested lists must give one message, not a stack overflow.
  const tooDeep = deepNesting(text);
  if (tooDeep !== undefined)
    return { error: { message: `values are nested more than ${MAX_DEPTH} levels deep`, offset: tooDeep, end: tooDeep + 1 } };
  const error = firstError(text);
  if (error) return { error };
  const root = parseTree(text, [], OPTIONS);
  // An empty text has no error code of its own in some versions: it is a missing value.
  return root ? { root } : { error: { message: 'expected a value, found the end of the file', offset: 0, end: 0 } };
}

/** The offset of the first `{` or `[` nested deeper than MAX_DEPTH, if any (the scanner skips strings and comments). */
function deepNesting(text: string): number | undefined {
  const scanner = createScanner(text, false);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (depth >= MAX_DEPTH) return scanner.getTokenOffset();
      depth++;
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

type Expecting =
  | { readonly kind: 'value' }
  | { readonly kind: 'key' }
  | { readonly kind: 'colon'; readonly key: string }
  | { readonly kind: 'after-property'; readonly key: string }
  | { readonly kind: 'after-item' }
  | { readonly kind: 'end' };

/** The first syntax error, worded from what the parser expected at that point. */
function firstError(text: string): JsonSyntaxError | undefined {
  // What comes next in each open object or list (the last one is the innermost), and at the top.
  const containers: { kind: 'object' | 'array'; key: string }[] = [];
  let expecting: Expecting = { kind: 'value' };
  const valueDone = () => {
    const inner = containers.at(-1);
    expecting = !inner ? { kind: 'end' } : inner.kind === 'object' ? { kind: 'after-property', key: inner.key } : { kind: 'after-item' };
  };
  let error: JsonSyntaxError | undefined;
  visit(
    text,
    {
      onObjectBegin: () => {
        containers.push({ kind: 'object', key: '' });
        expecting = { kind: 'key' };
      },
      onObjectProperty: (key) => {
        containers[containers.length - 1].key = key;
        expecting = { kind: 'colon', key };
      },
      onArrayBegin: () => {
        containers.push({ kind: 'array', key: '' });
        expecting = { kind: 'value' };
      },
      // Length 0: the closing bracket is missing, and the error about it comes next.
      onObjectEnd: (_offset, length) => {
        if (length === 0) return;
        containers.pop();
        valueDone();
      },
      onArrayEnd: (_offset, length) => {
        if (length === 0) return;
        containers.pop();
        valueDone();
      },
      onLiteralValue: valueDone,
      onSeparator: (character) => {
        if (character === ':') expecting = { kind: 'value' };
        else expecting = containers.at(-1)?.kind === 'object' ? { kind: 'key' } : { kind: 'value' };
      },
      onError: (code, offset, length) => {
        // A control character in a string is accepted, as JSON.parse of most tools does not mind it in a config.
        if (error || code === ParseErrorCode.InvalidCharacter) return;
        error = describeError(text, code, offset, length, expecting);
      },
    },
    OPTIONS,
  );
  return error;
}

function describeError(text: string, code: ParseErrorCode, offset: number, length: number, expecting: Expecting): JsonSyntaxError {
  switch (code) {
    case ParseErrorCode.UnexpectedEndOfString: {
      const newline = text.slice(offset).search(/[\r\n]/);
      return newline >= 0
        ? { message: 'a string is never closed on its line', offset, end: offset + newline }
        : { message: 'a string is never closed', offset, end: offset + 1 };
    }
    case ParseErrorCode.UnexpectedEndOfComment:
      return { message: 'a /* comment is never closed', offset, end: offset + 2 };
    case ParseErrorCode.InvalidEscapeCharacter:
    case ParseErrorCode.InvalidUnicode: {
      const escape = badEscape(text, offset, offset + length);
      return { message: `'\\${text[escape + 1] ?? ''}' is not a valid escape in a string`, offset: escape, end: escape + 2 };
    }
    case ParseErrorCode.InvalidNumberFormat:
    case ParseErrorCode.UnexpectedEndOfNumber:
      return { message: `'${text.slice(offset, offset + Math.min(length, 20))}' is not a valid number`, offset, end: offset + length };
  }
  const found = describe(text, offset);
  switch (expecting.kind) {
    case 'value': {
      // The offending token only (a word of at most 20 characters): never the rest of a file that is not a config.
      const word = /^[A-Za-z_$][\w$]{0,19}/.exec(text.slice(offset, offset + 20))?.[0];
      return {
        message: `expected a value, found ${word ? `'${word}'` : found}`,
        offset,
        end: offset + (word?.length ?? (offset < text.length ? 1 : 0)),
      };
    }
    case 'key':
      return at(`expected a property name in double quotes or '}', found ${found}`, text, offset);
    case 'colon':
      return at(`expected ':' after "${expecting.key}", found ${found}`, text, offset);
    case 'after-property':
      return at(`expected ',' or '}' after the value of "${expecting.key}", found ${found}`, text, offset);
    case 'after-item':
      return at(`expected ',' or ']' in a list, found ${found}`, text, offset);
    case 'end':
      return at(`unexpected ${found} after the end of the value`, text, offset);
  }
}

function at(message: string, text: string, offset: number): JsonSyntaxError {
  return { message, offset, end: Math.min(text.length, offset + 1) };
}

/** The first backslash in the string at [start, end) that does not begin a valid escape. */
function badEscape(text: string, start: number, end: number): number {
  for (let index = start; index < end; index++) {
    if (text[index] !== '\\') continue;
    const escape = text[index + 1];
    if ('"\\/bfnrt'.includes(escape) || (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6)))) index++;
    else return index;
  }
  return start;
}

function describe(text: string, at: number): string {
  if (at >= text.length) return 'the end of the file';
  const character = text[at];
  return /\s/.test(character) ? `a ${JSON.stringify(character)} character` : `'${character}'`;
}

/** Converts offsets in `text` to 0-based lines and UTF-16 characters. */
export function offsetToPosition(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    const character = text[index];
    if (character === '\n' || (character === '\r' && text[index + 1] !== '\n')) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, character: Math.min(offset, text.length) - lineStart };
}
