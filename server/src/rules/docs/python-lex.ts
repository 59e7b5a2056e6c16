// Pygments 2.14's PythonLexer (pygments/lexers/python.py), reduced to the question Sphinx asks it:
// does the text produce an Error token? Only characters no rule of the lexer can start are: `$`,
// `?`, a backquote, `!` not before `=`, and non-ASCII characters that are neither part of a name
// nor blank (curly quotes, dashes, `²`). Strings and comments are skipped as the lexer skips them
// (a string not closed on its line ends there: RegexLexer goes back to its root state at a line
// end). A block with an f-string is not judged: the lexer reads its braces as code, in states not
// followed here (an Error token Pygments finds there is missed, never invented).

/** Characters a Python name may hold (Pygments' uni_name) or blanks; others outside ASCII are Error tokens. */
const NAME_OR_BLANK = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\s]/u;
const PREFIX = /^[rRbBuUfF]{1,2}$/;

/** The offset (UTF-16) of the first Error token in `text`, or -1 when there is none. */
export function pythonErrorOffset(text: string): number {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i];
    if (c === '#') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '"' || c === "'") {
      i = skipString(text, i, atLineStart(text, i));
      continue;
    }
    if (/[A-Za-z_0-9]/.test(c)) {
      let j = i;
      while (j < n && /[A-Za-z_0-9]/.test(text[j])) j++;
      // a number glued to a quote: where the number ends (and a prefix starts) is not followed
      if ((text[j] === '"' || text[j] === "'") && /[0-9]/.test(c)) return -1;
      // a string prefix (r, b, u, f and their pairs) glued to its quote
      if ((text[j] === '"' || text[j] === "'") && PREFIX.test(text.slice(i, j))) {
        // an f-string: the lexer reads its braces as code, in states not followed here
        if (/[fF]/.test(text.slice(i, j))) return -1;
        i = skipString(text, j, atLineStart(text, i));
        continue;
      }
      i = j;
      continue;
    }
    if (c === '$' || c === '?' || c === '`') return i;
    if (c === '!' && text[i + 1] !== '=') return i;
    if (c.charCodeAt(0) > 0x7f) {
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      if (!NAME_OR_BLANK.test(ch)) return i;
      i += ch.length;
      continue;
    }
    i++;
  }
  return -1;
}

/** Whether only blanks stand before `i` on its line. */
function atLineStart(text: string, i: number): boolean {
  return /^[^\S\n]*$/.test(text.slice(text.lastIndexOf('\n', i - 1) + 1, i));
}

/**
 * Past the string whose quote is at `start`: triple-quoted to its closing quotes, else to its
 * quote or the line's end. A triple-quoted string first on its line is a docstring for the lexer:
 * it ends at the first closing quotes, escaped or not.
 */
function skipString(text: string, start: number, lineStart: boolean): number {
  const q = text[start];
  const triple = text.startsWith(q + q + q, start);
  const close = triple && lineStart ? text.indexOf(q + q + q, start + 3) : -1;
  if (close >= 0) return close + 3;
  let i = start + (triple ? 3 : 1);
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (triple ? text.startsWith(q + q + q, i) : c === q) return i + (triple ? 3 : 1);
    if (c === '\n' && !triple) return i;
    i++;
  }
  return text.length;
}
