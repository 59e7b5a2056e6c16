// Scroll sync: source lines ↔ vertical offsets in the preview, from the blocks that carry a
// `data-line` (the renderer puts one on every block). Pure: the webview measures, this maps.

export interface LineBlock {
  /** 0-based source line where the block starts. */
  readonly line: number;
  /** Offset of the block's top in the page, in pixels. */
  readonly top: number;
}

/**
 * The blocks in page order, keeping only those whose line and top both grow: a nested block that
 * starts on its parent's line (a list and its first item) or a block drawn out of source order
 * (a footnote collected at the end) would make the mapping go backwards.
 */
export function monotonic(blocks: readonly LineBlock[]): LineBlock[] {
  const sorted = [...blocks].sort((a, b) => a.top - b.top || a.line - b.line);
  const kept: LineBlock[] = [];
  for (const block of sorted) {
    const last = kept[kept.length - 1];
    if (!last || (block.line > last.line && block.top > last.top)) kept.push(block);
  }
  return kept;
}

/** The last index whose key is ≤ value (blocks are increasing in it), or -1. */
function lastAtOrBefore(blocks: readonly LineBlock[], value: number, key: (block: LineBlock) => number): number {
  let low = 0;
  let high = blocks.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (key(blocks[middle]) <= value) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** The offset at which source line `line` (fractional) is drawn, interpolated between blocks. */
export function offsetForLine(blocks: readonly LineBlock[], line: number): number {
  if (blocks.length === 0) return 0;
  const index = lastAtOrBefore(blocks, line, (block) => block.line);
  if (index < 0) return blocks[0].top;
  const previous = blocks[index];
  const next = blocks[index + 1];
  if (!next) return previous.top;
  return previous.top + ((line - previous.line) / (next.line - previous.line)) * (next.top - previous.top);
}

/** The source line (fractional) drawn at offset `top`: the inverse of offsetForLine. */
export function lineForOffset(blocks: readonly LineBlock[], top: number): number {
  if (blocks.length === 0) return 0;
  const index = lastAtOrBefore(blocks, top, (block) => block.top);
  if (index < 0) return blocks[0].line;
  const previous = blocks[index];
  const next = blocks[index + 1];
  if (!next) return previous.line;
  return previous.line + ((top - previous.top) / (next.top - previous.top)) * (next.line - previous.line);
}

/**
 * The line of the block a diagnostic at `line` is drawn beside: the last block starting at or
 * before it (`lines` sorted ascending, no duplicates needed), else the first block.
 */
export function blockLineFor(lines: readonly number[], line: number): number | undefined {
  if (lines.length === 0) return undefined;
  let low = 0;
  let high = lines.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (lines[middle] <= line) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return lines[found];
}

/** How far below the block's first line the reference is looked for (a long paragraph or list). */
const SEARCH_LINES = 400;

/**
 * The position of the role's target in the source, from line `from` on: `:doc:` / `:ref:` (or, with
 * a domain, `:std:ref:`) followed by the target within the backquotes.
 */
export function findRoleTarget(
  lines: readonly string[],
  from: number,
  role: 'doc' | 'ref',
  target: string,
): { line: number; character: number } | undefined {
  const pattern = new RegExp(`:(?:std:)?${role}:\`[^\`]*`, 'g');
  for (let line = Math.max(0, from); line < Math.min(lines.length, from + SEARCH_LINES); line++) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(lines[line]); match; match = pattern.exec(lines[line])) {
      const at = match[0].indexOf(target);
      if (at >= 0) return { line, character: match.index + at };
    }
  }
  return undefined;
}
