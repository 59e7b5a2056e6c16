// Document links: URLs in the text (the blueprint URL among them), `text <url>`_ references (also
// when they wrap onto the next line), and `name`_ references to a `.. _name: url` target.
import type { Position, Range, SpecDocument } from '../rst/types';
import { trimUrl } from './markdown';

export interface Link {
  readonly range: Range;
  readonly target: string;
  readonly tooltip?: string;
}

// Inline markup starts after whitespace or opening punctuation, and stays within its paragraph.
// The link text runs greedily up to `<` (a lazy run then `\s*<` was quadratic on long runs of blanks).
const EMBEDDED = /(?<![^\s(['"{<\-/:])`((?:[^`<\n]|\n(?![ \t]*\n))*)<((?:https?|ftp|mailto):[^>`\s]+)>`__?/g;
const NAMED_REFERENCE = /(?<![^\s(['"{<\-/:])`((?:[^`<>\n]|\n(?![ \t]*\n))+)`_(?!_)/g;
const TARGET = /^[ \t]*\.\.[ \t]+_(`[^`]+`|[^:\n]+):[ \t]+((?:https?|ftp):\/\/\S+)[ \t]*$/gm;
const URL = /\b(?:https?|ftp):\/\/[^\s<>`"]+/g;
const BLUEPRINT = /^https?:\/\/blueprints\.launchpad\.net\/[\w.-]+\/\+spec\/[\w.-]+$/;

const normaliseName = (name: string) => name.replace(/^`|`$/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

/** The links of any rST document, in document order, without overlaps. */
export function documentLinks(doc: SpecDocument): Link[] {
  const { text } = doc;
  const targets = new Map<string, string>();
  for (const match of text.matchAll(TARGET)) targets.set(normaliseName(match[1]), trimUrl(match[2]));

  const found: { start: number; end: number; target: string }[] = [];
  for (const match of text.matchAll(EMBEDDED)) {
    found.push({ start: match.index!, end: match.index! + match[0].length, target: trimUrl(match[2]) });
  }
  for (const match of text.matchAll(NAMED_REFERENCE)) {
    const target = targets.get(normaliseName(match[1]));
    if (target) found.push({ start: match.index!, end: match.index! + match[0].length, target });
  }
  for (const match of text.matchAll(URL)) {
    const url = trimUrl(match[0]);
    found.push({ start: match.index!, end: match.index! + url.length, target: url });
  }
  // A URL inside a reference is the reference's: of overlapping links, the one that starts first.
  found.sort((a, b) => a.start - b.start);
  let taken = -1;
  const links = found.filter((link) => {
    if (link.start < taken) return false;
    taken = link.end;
    return true;
  });
  const positionAt = positionsOf(doc);
  return links.map(({ start, end, target }) => ({
    range: { start: positionAt(start), end: positionAt(end) },
    target,
    ...(BLUEPRINT.test(target) ? { tooltip: 'Open the blueprint' } : {}),
  }));
}

/** Offset in `doc.text` → line and character, by binary search over the line offsets. */
function positionsOf(doc: SpecDocument): (offset: number) => Position {
  return (offset) => {
    let low = 0;
    let high = doc.lines.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (doc.lines[middle].offset <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: offset - doc.lines[low].offset };
  };
}
