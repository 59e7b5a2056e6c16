// The cross-references of a spec (`:ref:` and `:doc:` roles) and the labels a text defines
// (`.. _label:` targets, `:name:` options, citations), as Sphinx's standard domain reads them.
// Pure: lines in, positions out.
import type { Range, SpecDocument } from '../rst/types';
import { isAdornment } from '../rst/patterns';

export interface RoleReference {
  readonly role: 'ref' | 'doc';
  /** As Sphinx looks it up: for `:ref:` lowercased, whitespace collapsed; for `:doc:` as written. */
  readonly target: string;
  /** The target's text in the spec (inside `<…>` when the role has an explicit title). */
  readonly range: Range;
  readonly explicitTitle: boolean;
}

export interface LabelDefinition {
  /** Normalised as docutils does (lowercase, whitespace collapsed). */
  readonly label: string;
  readonly line: number;
  readonly character: number;
  readonly length: number;
  /**
   * Whether Sphinx can take a title for `:ref:` from what the label stands before: a section, or a
   * directive (which may have a caption: not known here, so counted as titled). False for a
   * paragraph, a list, or nothing: Sphinx then warns at a `:ref:` without an explicit title.
   */
  readonly titled: boolean;
}

/** docutils' fully_normalize_name. */
export function normalizeLabel(name: string): string {
  return name.toLowerCase().split(/\s+/).filter(Boolean).join(' ');
}

// A role may start after the start of the text, whitespace or the punctuation docutils allows
// before inline markup; its content is backquoted text without a backquote in it.
const ROLE = /(?<=^|[\s\-/'"<([{])(?::std)?:(ref|doc):`([^`]+)`(?![\w])/g;
const TARGET_LINE = /^(\s*)\.\. _(`[^`]+`|[^:`][^:]*(?:\\:[^:]*)*):(.*)$/;
const NAME_OPTION = /^(\s+):name:\s+(\S.*?)\s*$/;
const CITATION = /^(\s*)\.\. \[([A-Za-z0-9_.\-+:]+)\]/;

/** The lines that hold text Sphinx reads as prose: not literal blocks, code bodies or comments. */
export function proseLines(doc: SpecDocument): boolean[] {
  const prose = doc.lines.map((_, line) => !doc.literalLines.has(line));
  for (const block of doc.blocks) {
    if (block.kind !== 'comment') continue;
    for (let line = block.startLine; line < block.endLine; line++) prose[line] = false;
  }
  return prose;
}

/** The `:ref:` and `:doc:` roles of the spec, in order; a role's text may run over lines of one paragraph. */
export function roleReferences(doc: SpecDocument, prose = proseLines(doc)): RoleReference[] {
  const references: RoleReference[] = [];
  const lines = doc.lines.map((line) => line.text);
  let start = 0;
  while (start < lines.length) {
    if (!prose[start] || lines[start].trim() === '') {
      start++;
      continue;
    }
    let end = start;
    while (end < lines.length && prose[end] && lines[end].trim() !== '') end++;
    scanRun(lines, start, end, references);
    start = end;
  }
  return references;
}

function scanRun(lines: readonly string[], start: number, end: number, into: RoleReference[]): void {
  const text = lines.slice(start, end).join('\n');
  if (!text.includes(':ref:`') && !text.includes(':doc:`')) return;
  const lineStarts: number[] = [];
  let offset = 0;
  for (let line = start; line < end; line++) {
    lineStarts.push(offset);
    offset += lines[line].length + 1;
  }
  const position = (at: number) => {
    let index = lineStarts.length - 1;
    while (lineStarts[index] > at) index--;
    return { line: start + index, character: at - lineStarts[index] };
  };
  for (const match of text.matchAll(ROLE)) {
    const role = match[1] as 'ref' | 'doc';
    const content = match[2];
    // An escaped or suppressed (`!`) reference is not looked up; an empty one is docutils' problem.
    if (content.includes('\\') || content.startsWith('!') || content.trim() === '') continue;
    const contentStart = match.index + match[0].length - content.length - 1;
    const explicit = explicitTarget(content);
    const written = explicit ?? content;
    const writtenStart = contentStart + (explicit !== undefined ? content.lastIndexOf('<') + 1 : 0);
    const leading = written.length - written.trimStart().length;
    const trimmed = written.trim();
    if (trimmed === '') continue;
    const from = writtenStart + leading;
    const target = role === 'ref' ? normalizeLabel(trimmed) : trimmed.split(/\s+/).join(' ');
    into.push({
      role,
      target,
      range: { start: position(from), end: position(from + trimmed.length) },
      explicitTitle: explicit !== undefined,
    });
  }
}

/** The target of `title <target>` (Sphinx's explicit title: a title, then the target in the last `<…>`), else undefined. */
function explicitTarget(content: string): string | undefined {
  if (!content.endsWith('>')) return undefined;
  const open = content.lastIndexOf('<');
  if (open <= 0 || content.slice(0, open).trim() === '') return undefined;
  const target = content.slice(open + 1, -1);
  return target.includes('>') || target === '' ? undefined : target;
}

/** The labels a text defines: explicit internal targets, `:name:` options and citations. */
export function labelDefinitions(lines: readonly string[], prose?: readonly boolean[]): LabelDefinition[] {
  const labels: LabelDefinition[] = [];
  lines.forEach((text, line) => {
    if (prose && !prose[line]) return;
    if (!text.includes('.. ') && !text.includes(':name:')) return;
    const target = TARGET_LINE.exec(text);
    if (target) {
      const rest = target[3].trim();
      // `.. _x: https://…` is an external target, not a label; `.. __:` is anonymous.
      if (rest !== '' && !rest.endsWith('_') && !rest.endsWith('`_')) return;
      const raw = target[2].startsWith('`') ? target[2].slice(1, -1) : target[2];
      if (raw === '_') return;
      const character = target[1].length + 4 + (target[2].startsWith('`') ? 1 : 0);
      labels.push({
        label: normalizeLabel(raw.replace(/\\(.)/g, '$1')),
        line,
        character,
        length: raw.length,
        titled: titledAfter(lines, line),
      });
      return;
    }
    const name = NAME_OPTION.exec(text);
    if (name) {
      labels.push({
        label: normalizeLabel(name[2]),
        line,
        character: text.indexOf(name[2], name[1].length + 6),
        length: name[2].length,
        titled: true,
      });
      return;
    }
    const citation = CITATION.exec(text);
    // A citation label has a character other than a digit (`[1]` is a footnote).
    if (citation && !/^\d+$/.test(citation[2]))
      labels.push({
        label: normalizeLabel(citation[2]),
        line,
        character: citation[1].length + 4,
        length: citation[2].length,
        titled: true,
      });
  });
  return labels;
}

/** Whether what follows a target at `line` (past blank lines and other targets) gives `:ref:` a title. */
function titledAfter(lines: readonly string[], line: number): boolean {
  let next = line + 1;
  while (next < lines.length && (lines[next].trim() === '' || /^\s*\.\. _[^:]*:\s*$/.test(lines[next]))) next++;
  if (next >= lines.length) return false;
  const text = lines[next].trimEnd();
  if (/^\s*\.\. /.test(text)) return true;
  const below = (lines[next + 1] ?? '').trimEnd();
  // A section title: text with an adornment under it, or an overline above the title.
  return isAdornment(text) || (below !== '' && isAdornment(below));
}

/** Python's repr() of a str, as Sphinx's messages quote targets (`'x'`, or `"it's"`). */
export function pythonRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let result = '';
  for (const character of text) {
    if (character === '\\') result += '\\\\';
    else if (character === quote) result += `\\${quote}`;
    else if (character === '\n') result += '\\n';
    else if (character === '\t') result += '\\t';
    else result += character;
  }
  return `${quote}${result}${quote}`;
}
