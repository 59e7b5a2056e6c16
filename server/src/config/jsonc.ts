// A small JSON-with-comments parser that keeps offsets, so problems point at the right place.
// Accepts `//` and `/* */` comments and trailing commas, like VS Code's own settings files.

export type JsonNode =
  | { readonly kind: 'object'; readonly offset: number; readonly end: number; readonly properties: readonly JsonProperty[] }
  | { readonly kind: 'array'; readonly offset: number; readonly end: number; readonly items: readonly JsonNode[] }
  | { readonly kind: 'string'; readonly offset: number; readonly end: number; readonly value: string }
  | { readonly kind: 'number'; readonly offset: number; readonly end: number; readonly value: number }
  | { readonly kind: 'boolean'; readonly offset: number; readonly end: number; readonly value: boolean }
  | { readonly kind: 'null'; readonly offset: number; readonly end: number; readonly value: null };

export interface JsonProperty {
  readonly key: string;
  readonly keyOffset: number;
  readonly keyEnd: number;
  readonly value: JsonNode;
}

export interface JsonSyntaxError {
  readonly message: string;
  readonly offset: number;
  readonly end: number;
}

const MAX_DEPTH = 64;

class SyntaxProblem extends Error {
  constructor(message: string, readonly offset: number, readonly end: number) {
    super(message);
  }
}

/** Parses JSONC text into a tree; on a syntax error, returns the first error instead. */
export function parseJsonc(text: string): { root: JsonNode; error?: undefined } | { root?: undefined; error: JsonSyntaxError } {
  let index = 0;

  const describe = (at: number): string => {
    if (at >= text.length) return 'the end of the file';
    const character = text[at];
    return /\s/.test(character) ? `a ${JSON.stringify(character)} character` : `'${character}'`;
  };
  const fail = (message: string, at = index, end = Math.min(text.length, at + 1)): never => {
    throw new SyntaxProblem(message, at, end);
  };

  const skip = () => {
    for (;;) {
      const character = text[index];
      if (character === ' ' || character === '\t' || character === '\n' || character === '\r' || character === '\uFEFF') index++;
      else if (character === '/' && text[index + 1] === '/') {
        while (index < text.length && text[index] !== '\n' && text[index] !== '\r') index++;
      } else if (character === '/' && text[index + 1] === '*') {
        const close = text.indexOf('*/', index + 2);
        if (close < 0) fail('a /* comment is never closed', index, index + 2);
        index = close + 2;
      } else return;
    }
  };

  const parseString = (): { value: string; offset: number; end: number } => {
    const offset = index;
    index++;
    let value = '';
    for (;;) {
      if (index >= text.length) fail('a string is never closed', offset, offset + 1);
      const character = text[index];
      if (character === '"') {
        index++;
        return { value, offset, end: index };
      }
      if (character === '\n' || character === '\r') fail('a string is never closed on its line', offset, index);
      if (character === '\\') {
        const escape = text[index + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (escape in simple) {
          value += simple[escape];
          index += 2;
        } else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) {
          value += String.fromCharCode(parseInt(text.slice(index + 2, index + 6), 16));
          index += 6;
        } else fail(`'\\${escape ?? ''}' is not a valid escape in a string`, index, index + 2);
      } else {
        value += character;
        index++;
      }
    }
  };

  // Deeper than any config file: 5,000 nested lists must give one message, not a stack overflow.
  let depth = 0;
  const parseValue = (): JsonNode => {
    skip();
    const offset = index;
    const character = text[index];
    if ((character === '{' || character === '[') && depth >= MAX_DEPTH) fail(`values are nested more than ${MAX_DEPTH} levels deep`);
    depth++;
    try {
      return parseInner(offset, character);
    } finally {
      depth--;
    }
  };

  const parseInner = (offset: number, character: string): JsonNode => {
    if (character === '{') {
      index++;
      const properties: JsonProperty[] = [];
      for (;;) {
        skip();
        if (text[index] === '}') {
          index++;
          return { kind: 'object', offset, end: index, properties };
        }
        if (text[index] !== '"') fail(`expected a property name in double quotes or '}', found ${describe(index)}`);
        const key = parseString();
        skip();
        if (text[index] !== ':') fail(`expected ':' after "${key.value}", found ${describe(index)}`);
        index++;
        const value = parseValue();
        properties.push({ key: key.value, keyOffset: key.offset, keyEnd: key.end, value });
        skip();
        if (text[index] === ',') index++;
        else if (text[index] !== '}') fail(`expected ',' or '}' after the value of "${key.value}", found ${describe(index)}`);
      }
    }
    if (character === '[') {
      index++;
      const items: JsonNode[] = [];
      for (;;) {
        skip();
        if (text[index] === ']') {
          index++;
          return { kind: 'array', offset, end: index, items };
        }
        items.push(parseValue());
        skip();
        if (text[index] === ',') index++;
        else if (text[index] !== ']') fail(`expected ',' or ']' in a list, found ${describe(index)}`);
      }
    }
    if (character === '"') {
      const { value, end } = parseString();
      return { kind: 'string', offset, end, value };
    }
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(index, index + 64));
    if (number && (character === '-' || (character >= '0' && character <= '9'))) {
      index += number[0].length;
      return { kind: 'number', offset, end: index, value: Number(number[0]) };
    }
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, index) && !/[\w$]/.test(text[index + word.length] ?? '')) {
        index += word.length;
        return value === null ? { kind: 'null', offset, end: index, value } : { kind: 'boolean', offset, end: index, value };
      }
    }
    // The offending token only (a word of at most 20 characters): never the rest of a file that is not a config.
    const word = /^[A-Za-z_$][\w$]{0,19}/.exec(text.slice(index, index + 20))?.[0];
    return fail(
      index >= text.length ? 'expected a value, found the end of the file' : `expected a value, found ${word ? `'${word}'` : describe(index)}`,
      index,
      index + (word?.length ?? 1),
    );
  };

  try {
    const root = parseValue();
    skip();
    if (index < text.length) fail(`unexpected ${describe(index)} after the end of the value`);
    return { root };
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    return { error: { message: error.message, offset: error.offset, end: Math.max(error.end, error.offset) } };
  }
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
