// Pygments' RegexLexer (pygments/lexer.py, 2.14), reduced to the question Sphinx asks a lexer: where
// is its first Error token? A lexer is its state table copied from Pygments (the patterns in
// Python's syntax, translated here to JavaScript's); the token types don't matter, only which rule
// matches and where it leads. At a position no rule of the current state matches, Pygments yields
// an Error token (a newline instead sends it back to its root state).

/** A rule: its pattern, and the state(s) it leads to ('#pop', '#pop:2', a name, or several in turn). */
export type LexRule = readonly [pattern: string, next?: string | readonly string[]];
export interface LexerTable {
  /** Python's re.DOTALL for every pattern (re.MULTILINE always is, as RegexLexer's default). */
  readonly dotall?: boolean;
  readonly states: Readonly<Record<string, readonly LexRule[]>>;
}

/** Python's \s on str; its \w: letters, numbers and the underscore (JavaScript's are ASCII). */
const WS = String.raw`\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000`;
const WORD = String.raw`\p{L}\p{N}_`;
const SYNTAX = new Set('^$\\.*+?()[]{}|/');

/**
 * A Python regular expression (as RegexLexer compiles it) in JavaScript's syntax, for the `u` flag.
 * `ascii`: for a text without other characters, where JavaScript's \w and \b are Python's (faster).
 */
export function pyRegex(source: string, dotall = false, ascii = false, groupOffset = 0): string {
  if (source.startsWith('(?s)')) {
    source = source.slice(4);
    dotall = true;
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const e = source[++i];
      if (e === 'p' || e === 'P') {
        const end = source.indexOf('}', i);
        out += '\\' + source.slice(i, end + 1);
        i = end;
      } else if (ascii && 'wWbB'.includes(e)) out += '\\' + e;
      else if (e === 'w') out += inClass ? WORD : `[${WORD}]`;
      else if (e === 'W' && !inClass) out += `[^${WORD}]`;
      else if (e === 's') out += inClass ? WS : `[${WS}]`;
      else if (e === 'S' && !inClass) out += `[^${WS}]`;
      else if (e === 'd') out += '\\p{Nd}';
      else if (e === 'b' && !inClass) out += `(?:(?<=[${WORD}])(?![${WORD}])|(?<![${WORD}])(?=[${WORD}]))`;
      else if (e === 'B' && !inClass) out += `(?:(?<=[${WORD}])(?=[${WORD}])|(?<![${WORD}])(?![${WORD}]))`;
      else if (e === 'A') out += '(?<![^])';
      else if (e === 'Z') out += '(?![^])';
      else if ('WSbB'.includes(e)) throw new Error(`pyRegex: \\${e} in a class`);
      else if (/[1-9]/.test(e) && !inClass) out += '\\' + (Number(e) + groupOffset);
      else if (/[0-9A-Za-z]/.test(e) || SYNTAX.has(e) || (inClass && e === '-')) out += '\\' + e;
      else out += e;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
      if (source[i + 1] === '^') out += source[++i];
      // Python reads a "]" first in a class as itself
      if (source[i + 1] === ']') {
        out += '\\]';
        i++;
      }
    } else if (c === '.') out += dotall ? '[^]' : '[^\\n]';
    else if (c === '^') out += '(?<![^\\n])';
    else if (c === '$') out += '(?=\\n|(?![^]))';
    else if (c === '{') {
      const quantifier = /^\{\d+(,\d*)?\}/.exec(source.slice(i));
      out += quantifier ? quantifier[0] : '\\{';
      if (quantifier) i += quantifier[0].length - 1;
    } else if (c === '}' || c === ']') out += '\\' + c;
    else out += c;
  }
  return out;
}

/** The capturing groups of a JavaScript regular expression's source. */
function groupCount(source: string): number {
  let count = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(' && source[i + 1] !== '?') count++;
  }
  return count;
}

/**
 * Each state's rules as one sticky alternation, each rule a group of its own: JavaScript tries
 * the alternatives in order, so the first group that takes part is the first rule that matches
 * (as RegexLexer tries them), for one regular expression run per token.
 */
interface State {
  readonly re: RegExp;
  /** The group of each rule, and where it leads. */
  readonly rules: readonly { group: number; next: readonly string[] }[];
}
type Compiled = Map<string, State>;
const compiled = [new WeakMap<LexerTable, Compiled>(), new WeakMap<LexerTable, Compiled>()];

function compile(table: LexerTable, ascii: boolean): Compiled {
  let states = compiled[+ascii].get(table);
  if (states) return states;
  states = new Map();
  for (const [name, rules] of Object.entries(table.states)) {
    const sources: string[] = [];
    const groups: { group: number; next: readonly string[] }[] = [];
    let group = 1;
    for (const [pattern, next] of rules) {
      const source = pyRegex(pattern, table.dotall, ascii, group);
      sources.push(`(${source})`);
      groups.push({ group, next: next === undefined ? [] : typeof next === 'string' ? [next] : next });
      group += 1 + groupCount(source);
    }
    states.set(name, { re: new RegExp(sources.join('|'), 'uy'), rules: groups });
  }
  compiled[+ascii].set(table, states);
  return states;
}

/** The offset of the first Error token the lexer yields on `text`, or -1 when there is none. */
export function regexLexError(table: LexerTable, text: string): number {
  const states = compile(table, !/[^\0-\x7f]/.test(text));
  const stack = ['root'];
  let pos = 0;
  while (pos < text.length) {
    const state = states.get(stack[stack.length - 1])!;
    state.re.lastIndex = pos;
    const match = state.re.exec(text);
    if (match) {
      pos += match[0].length;
      const rule = state.rules.find((r) => match[r.group] !== undefined)!;
      for (const next of rule.next) {
        if (next.startsWith('#pop')) {
          const count = Number(next.slice(5) || 1);
          stack.length = Math.max(1, stack.length - count);
        } else stack.push(next);
      }
      continue;
    }
    if (text[pos] !== '\n') return pos;
    stack.length = 1;
    pos++;
  }
  return -1;
}
