// The cells of a csv-table as docutils reads them: each field (Python's csv module has taken its
// quotes and escapes off) is parsed as a document of its own (Body.build_table_row), so its
// inline markup is the document's; its problems are reported on the content's first line (plus
// the line of the paragraph in the cell: docutils' input_offset is the content's, for every row),
// the problems the transforms find (an unknown target) on the paragraph's line in the cell.
import { Doc } from '../../rst/doc';
import { pyRstrip } from '../../rst/lines';
import { Machine } from '../../rst/machine';
import { parseNested } from '../../rst/parse';
import type { InlineText } from '../../rst/types';
import type { CsvField } from './csv-reader';

/** Line separators of str.splitlines() other than "\n": their cells are left alone. */
const OTHER_BREAKS = /[\r\v\f\x1c-\x1e\x85\u2028\u2029]/;

/**
 * The inline texts of the fields; `place` gives a field character's 0-based line and character
 * in the editor, `contentLine` is the 0-based line of the table's content.
 */
export function csvCellTexts(
  records: readonly CsvField[][],
  place: (line: number, index: number) => readonly [number, number],
  contentLine: number,
): InlineText[] {
  const out: InlineText[] = [];
  for (const field of records.flat()) {
    if (OTHER_BREAKS.test(field.text)) continue;
    const raw = field.text.split('\n');
    if (field.text.endsWith('\n')) raw.pop();
    const lines = raw.map(pyRstrip);
    if (lines.join('') === '') continue;
    const starts: number[] = [];
    for (let i = 0, at = 0; i < raw.length; at += raw[i++].length + 1) starts.push(at);
    const doc = new Doc(lines);
    parseNested(doc, new Machine(doc, { start: 0, end: lines.length, firstCol: 0, col: 0 }, false, doc.messages, 0));
    for (const r of doc.inlines) {
      if (!doc.live(r.sink)) continue;
      const t = { text: '', lines: [] as number[], cols: [] as number[], offsets: [] as number[] };
      let last: readonly [number, number] | undefined;
      for (let i = r.start; i < r.end; i++) {
        if (i > r.start) {
          t.text += '\n';
          last = undefined;
        }
        const from = i === r.start ? r.firstCol : r.col;
        for (let j = from; j < lines[i].length; j++) {
          // a new segment where the field's characters stop being the line's in a row (a doubled quote)
          const at = place(...field.at[starts[i] + j]);
          if (!last || at[0] !== last[0] || at[1] !== last[1] + 1) {
            t.lines.push(at[0]);
            t.cols.push(at[1]);
            t.offsets.push(t.text.length);
          }
          t.text += lines[i][j];
          last = at;
        }
      }
      if (r.cut) t.text = t.text.slice(0, Math.max(0, t.text.length - r.cut));
      // the nodes' lines (a reference's) are the cell's own: docutils' StringList of the field counts from 0
      if (t.lines.length) out.push({ line: r.lineno - 1, messageLine: contentLine + r.lineno - 1, ...t });
    }
  }
  return out;
}
