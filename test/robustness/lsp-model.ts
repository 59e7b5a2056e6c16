// The client's side of incremental sync, written apart from the library the server uses: LSP lines
// (`\r\n`, `\n`, a lone `\r`) and positions (UTF-16 units; past the end of a line means its end).
export interface Position {
  line: number;
  character: number;
}
export interface Change {
  range?: { start: Position; end: Position };
  text: string;
}

/** Line starts as LSP counts lines: `\r\n`, `\n` and a lone `\r` end one. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 13 && text.charCodeAt(index + 1) === 10) index++;
    if (code === 10 || code === 13) starts.push(index + 1);
  }
  return starts;
}

/** A position's offset: past the end of a line means its end (before the break), past the last line the text's end. */
function offsetAt(text: string, starts: readonly number[], { line, character }: Position): number {
  if (line < 0) return 0;
  if (line >= starts.length) return text.length;
  let end = line + 1 < starts.length ? starts[line + 1] : text.length;
  while (end > starts[line] && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return Math.max(starts[line], Math.min(starts[line] + character, end));
}

export function applyChange(text: string, change: Change): string {
  if (!change.range) return change.text;
  const starts = lineStarts(text);
  let start = offsetAt(text, starts, change.range.start);
  let end = offsetAt(text, starts, change.range.end);
  if (start > end) [start, end] = [end, start];
  return text.slice(0, start) + change.text + text.slice(end);
}
