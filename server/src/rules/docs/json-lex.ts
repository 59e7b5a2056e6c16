// Pygments 2.14's JsonLexer (pygments/lexers/data.py), reduced to the question Sphinx asks it:
// does the text produce an Error token? Sphinx highlights a `json` literal block with the
// "raiseonerror" filter; the first Error token makes it warn "Could not lex literal_block as
// "json". Highlighting skipped." The lexer does not validate JSON: it only knows which characters
// may start a token, so `{"a": 1,}` and `[[` lex fine while `...`, `<x>`, `#`, `'a'` and `True` do not.

const INTEGERS = new Set('-0123456789');
const FLOATS = new Set('.eE+');
const CONSTANTS = new Set('truefalsenull');
const HEX = new Set('0123456789abcdefABCDEF');
const PUNCTUATION = new Set('{}[],');
const WHITESPACE = new Set(' \n\r\t');

const enum S {
  None,
  String,
  Whitespace,
  Constant,
  Number,
  Punctuation,
  CommentSingle,
  CommentMulti,
  CommentOpener,
}

/**
 * The offset (in UTF-16 code units) where the first Error token starts, or -1 when there is none.
 * `text` is the block's content as Pygments gets it (lines joined with "\n").
 */
export function jsonErrorOffset(text: string): number {
  let state = S.None;
  let inEscape = false;
  let unicodeEscape = 0;
  let closer = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    switch (state) {
      case S.String:
        if (unicodeEscape) {
          if (HEX.has(c)) {
            if (--unicodeEscape === 0) inEscape = false;
          } else {
            unicodeEscape = 0;
            inEscape = false;
          }
        } else if (inEscape) {
          if (c === 'u') unicodeEscape = 4;
          else inEscape = false;
        } else if (c === '\\') inEscape = true;
        else if (c === '"') {
          state = S.None;
          inEscape = false;
          unicodeEscape = 0;
        }
        continue;
      case S.Whitespace:
        if (WHITESPACE.has(c)) continue;
        break;
      case S.Constant:
        if (CONSTANTS.has(c)) continue;
        break;
      case S.Number:
        if (INTEGERS.has(c) || FLOATS.has(c)) continue;
        break;
      case S.Punctuation:
        if (PUNCTUATION.has(c)) continue;
        break;
      case S.CommentSingle:
        if (c !== '\n') continue;
        break;
      case S.CommentMulti:
        if (c === '*') closer = true;
        else if (closer) {
          closer = false;
          if (c === '/') state = S.None;
        }
        continue;
      case S.CommentOpener:
        if (c === '/') {
          state = S.CommentSingle;
          continue;
        }
        if (c === '*') {
          state = S.CommentMulti;
          continue;
        }
        return start; // a lone "/"
    }
    start = i;
    if (c === '"') state = S.String;
    else if (WHITESPACE.has(c)) state = S.Whitespace;
    else if (c === 'f' || c === 'n' || c === 't') state = S.Constant;
    else if (INTEGERS.has(c)) state = S.Number;
    else if (c === ':' || PUNCTUATION.has(c)) state = S.Punctuation;
    else if (c === '/') state = S.CommentOpener;
    else return i;
  }
  // an unclosed string or /* comment, or a "/" at the very end
  return state === S.String || state === S.CommentMulti || state === S.CommentOpener ? start : -1;
}
