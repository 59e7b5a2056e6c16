// East Asian Wide and Fullwidth ranges: docutils counts these characters as two columns.
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x2e80, 0x303e],
  [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60],
  [0xffe0, 0xffe6], [0x1f300, 0x1f64f], [0x1f900, 0x1f9ff], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

function isWide(codePoint: number): boolean {
  if (codePoint < 0x1100) return false;
  for (const [low, high] of WIDE_RANGES) {
    if (codePoint < low) return false;
    if (codePoint <= high) return true;
  }
  return false;
}

function isCombining(codePoint: number): boolean {
  return (codePoint >= 0x300 && codePoint <= 0x36f) || (codePoint >= 0x20d0 && codePoint <= 0x20ff);
}

/** Display width in columns, as docutils' column_width counts it. */
export function columnWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    if (isCombining(codePoint)) continue;
    width += isWide(codePoint) ? 2 : 1;
  }
  return width;
}

/** Expands tabs to 8-column tab stops, as docutils does before parsing. */
export function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  let result = '';
  for (const character of text) {
    if (character === '\t') result += ' '.repeat(8 - (result.length % 8));
    else result += character;
  }
  return result;
}
