// Names in a spec that refer to something and the things they refer to: hyperlink targets
// (`.. _name:`, referred to by `name`_, name_ and :ref:`name`), footnotes, citations,
// substitutions and :doc: documents. Pure: a spec in, occurrences with ranges out; the LSP layer
// adds the docs tree (labels and documents of other files).
import type { Range, SpecDocument } from '../rst/types';
import { normalizeLabel, proseLines, roleReferences } from '../docs/references';

export type NameKind = 'target' | 'footnote' | 'citation' | 'substitution' | 'document';

export interface Occurrence {
  readonly kind: NameKind;
  /** Normalised (targets, citations, substitutions as docutils compares them); a document's target as written. */
  readonly key: string;
  readonly range: Range;
  readonly definition: boolean;
  /** A `:ref:` role (looked up across the docs tree, not only in the spec). */
  readonly viaRef?: boolean;
}

const TARGET_DEF = /^(\s*\.\. _)(`[^`]+`|[^:`\s][^:]*?):(?:\s|$)/;
const FOOTNOTE_DEF = /^(\s*\.\. \[)(#[^\]\s[]*|\d+|\*)\]/;
// A citation label: the name characters, not all digits (checked in code: one class, no backtracking).
const CITATION_DEF = /^(\s*\.\. \[)([A-Za-z0-9_.\-+:]+)\]/;
const SUBSTITUTION_DEF = /^(\s*\.\. \|)([^|\s](?:[^|]*[^|\s])?)\|/;
const BEFORE = String.raw`(?<=^|[\s\-/'"<(\[{:])`;
const PHRASE_REF = new RegExp(String.raw`${BEFORE}\`([^\`<]+?)\`_(?!_)(?![\w])`, 'g');
const SIMPLE_REF = new RegExp(String.raw`${BEFORE}([A-Za-z0-9]+(?:[-_.+][A-Za-z0-9]+)*)_(?![\w_])`, 'g');
const FOOTNOTE_REF = /\[(#[^\]\s[]*|\d+|\*)\]_/g;
const CITATION_REF = /\[([A-Za-z0-9_.\-+:]+)\]_/g;
const SUBSTITUTION_REF = new RegExp(String.raw`${BEFORE}\|([^|\s](?:[^|]*[^|\s])?)\|`, 'g');

const span = (line: number, start: number, length: number): Range => ({
  start: { line, character: start },
  end: { line, character: start + length },
});

/** Every name of the spec that defines or refers to something, in document order (definitions first on a line). */
export function occurrences(doc: SpecDocument): Occurrence[] {
  const prose = proseLines(doc);
  const found: Occurrence[] = [];
  doc.lines.forEach(({ text }, line) => {
    if (!prose[line]) return;
    const defined = definitionOn(text, line);
    if (defined) found.push(defined);
    const from = defined ? defined.range.end.character + 1 : 0;
    const rest = text.slice(from);
    const add = (pattern: RegExp, kind: NameKind, keyOf: (name: string) => string, group = 1, offset = 0) => {
      for (const match of rest.matchAll(pattern)) {
        const name = match[group];
        if (kind === 'citation' && /^\d+$/.test(name)) continue;
        const start = from + match.index + offset;
        found.push({ kind, key: keyOf(name), range: span(line, start, name.length), definition: false });
      }
    };
    if (rest.includes('_')) {
      add(PHRASE_REF, 'target', normalizeLabel, 1, 1);
      add(SIMPLE_REF, 'target', normalizeLabel);
      add(FOOTNOTE_REF, 'footnote', footnoteKey, 1, 1);
      add(CITATION_REF, 'citation', normalizeLabel, 1, 1);
    }
    if (rest.includes('|')) add(SUBSTITUTION_REF, 'substitution', normalizeLabel, 1, 1);
  });
  for (const reference of roleReferences(doc, prose)) {
    found.push({
      kind: reference.role === 'ref' ? 'target' : 'document',
      key: reference.target,
      range: reference.range,
      definition: false,
      viaRef: reference.role === 'ref',
    });
  }
  return found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function definitionOn(text: string, line: number): Occurrence | undefined {
  if (!text.includes('.. ')) return undefined;
  const target = TARGET_DEF.exec(text);
  if (target && target[2] !== '_') {
    const quoted = target[2].startsWith('`');
    const name = quoted ? target[2].slice(1, -1) : target[2];
    return {
      kind: 'target',
      key: normalizeLabel(name),
      range: span(line, target[1].length + (quoted ? 1 : 0), name.length),
      definition: true,
    };
  }
  for (const [pattern, kind] of [
    [FOOTNOTE_DEF, 'footnote'],
    [CITATION_DEF, 'citation'],
    [SUBSTITUTION_DEF, 'substitution'],
  ] as const) {
    const match = pattern.exec(text);
    if (match && kind === 'citation' && /^\d+$/.test(match[2])) continue;
    if (match)
      return {
        kind,
        key: kind === 'footnote' ? footnoteKey(match[2]) : normalizeLabel(match[2]),
        range: span(line, match[1].length, match[2].length),
        definition: true,
      };
  }
  return undefined;
}

/** A footnote's key: `#label` as docutils compares labels (case and spaces normalised), `1`, `#` and `*` as written. */
function footnoteKey(name: string): string {
  return name.length > 1 && name.startsWith('#') ? `#${normalizeLabel(name.slice(1))}` : name;
}

/**
 * The name an occurrence gives or uses among a document's explicit targets, one namespace in
 * docutils (a footnote's label, a citation and a target named alike are duplicates): undefined for
 * substitutions, documents and footnotes without a label (`[1]`, `[#]`, `[*]`).
 */
export function targetName(occurrence: Occurrence): string | undefined {
  if (occurrence.kind === 'target' || occurrence.kind === 'citation') return occurrence.key;
  if (occurrence.kind === 'footnote' && occurrence.key.length > 1 && occurrence.key.startsWith('#')) return occurrence.key.slice(1);
  return undefined;
}

/** The part of an occurrence that a rename replaces: a footnote's label without its `#`. */
export function renamedRange(occurrence: Occurrence): Range {
  if (occurrence.kind !== 'footnote') return occurrence.range;
  const { start, end } = occurrence.range;
  return { start: { line: start.line, character: start.character + 1 }, end };
}

/** The occurrence under a position (its range includes the position, its end too). */
export function occurrenceAt(all: readonly Occurrence[], line: number, character: number): Occurrence | undefined {
  return all.find(
    (occurrence) =>
      occurrence.range.start.line === line && occurrence.range.start.character <= character && character <= occurrence.range.end.character,
  );
}

/** Occurrences of the same name (`[#]`, `[*]` and anonymous footnotes have no name to follow). */
export function sameName(all: readonly Occurrence[], of: Occurrence): Occurrence[] {
  if (of.kind === 'footnote' && (of.key === '#' || of.key === '*')) return [of];
  return all.filter((occurrence) => occurrence.kind === of.kind && occurrence.key === of.key);
}

/** The images and figures of the spec: the path as written and its range. */
export function imagePaths(doc: SpecDocument): { path: string; range: Range }[] {
  const images: { path: string; range: Range }[] = [];
  doc.lines.forEach(({ text }, line) => {
    const match = /^(\s*\.\. (?:\|[^|]+\|\s+)?(?:image|figure)::\s+)(\S+)\s*$/.exec(text);
    if (match && !match[2].includes('://')) images.push({ path: match[2], range: span(line, match[1].length, match[2].length) });
  });
  return images;
}
