// Lengths in code points, as Python counts a string (the specs repos' line-length check): a
// surrogate pair is one character, a lone surrogate one too.

function isHighSurrogateAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff && index + 1 < text.length;
}

/** How many code points `text` holds. */
export function codePointLength(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    if (isHighSurrogateAt(text, index)) index++;
    length++;
  }
  return length;
}

/** The UTF-16 offset after the first `codePoints` code points of `text` (its length when shorter). */
export function utf16Offset(text: string, codePoints: number): number {
  let index = 0;
  for (let count = 0; count < codePoints && index < text.length; count++) index += isHighSurrogateAt(text, index) ? 2 : 1;
  return index;
}
