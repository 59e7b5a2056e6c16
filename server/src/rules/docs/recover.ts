// The spec as its writer meant it, for the template rules: an overlined title whose overline and
// underline are of one character but different lengths is dropped by docutils ("Title overline &
// underline mismatch."), and everything below it then belongs to the section before: the missing
// section and the misplaced subsections would be reported one by one, for one mistake. The
// template rules read the spec with those adornments evened out instead (rst-title reports the
// mistake itself, and its fix makes the spec read so). Adornment lines only change within their
// lines: every line number stays.
import { parseSpec } from '../../rst/parse';
import type { SpecDocument } from '../../rst/types';
import { overlineRepair } from './block';

const MISMATCH = 'Title overline & underline mismatch.';
const cache = new WeakMap<SpecDocument, SpecDocument>();

export function withTitlesRecovered(doc: SpecDocument): SpecDocument {
  let recovered = cache.get(doc);
  if (recovered) return recovered;
  recovered = doc;
  let lines: string[] | undefined;
  for (const message of doc.messages) {
    if (message.text !== MISMATCH) continue;
    const adornment = overlineRepair(doc, message.line).adornment;
    if (typeof adornment !== 'string') continue;
    lines ??= doc.lines.map((line) => line.text + line.eol);
    for (const line of [message.line, message.line + 2]) lines[line] = adornment + doc.lines[line].eol;
  }
  if (lines) recovered = parseSpec(lines.join(''));
  cache.set(doc, recovered);
  return recovered;
}
