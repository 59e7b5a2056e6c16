// The live preview's renderer: rST text → an HTML fragment with docutils' HTML5 structure and
// class names, from the project's own parse (rst/parse.ts: the blocks and marks in document
// order, the sections, the inline texts). A pure engine module: no vscode, no fs.
//
// The contract with the webview (docs/preview.md says the same):
// - `renderPreview(text, options)` returns `{ html, title }`. `html` is a body fragment: no
//   <html>/<head>, no script, no style attribute, no event handler; every text escaped.
// - Every block element carries `data-line="N"`: the 0-based source line where it starts
//   (sections: their first line, overline included; headings: the title's line).
// - Headings are <h1>..<h6> by section level, inside <section id="...">.
// - Code blocks (code-block, code, sourcecode): `<pre class="code-block code LANG literal-block"
//   data-lang="LANG"><code>escaped text</code></pre>`; highlighting is the webview's job.
// - Images and figures: `<img src="PATH" data-src="PATH">` with PATH as written (relative to the
//   spec); the webview rewrites `src` (asWebviewUri, or blocks remote URIs).
// - Links: internal `<a class="reference internal" href="#id">`; external
//   `<a class="reference external" href="URI">` (the webview opens them on click only);
//   `:doc:` → `<a class="reference internal doc" data-doc="TARGET">`, `:ref:` → `data-ref="LABEL"`.
// - `.. raw::` is never rendered: `<div class="raw-source" data-format="html"><pre>source</pre></div>`.
// - Diagram directives: `<div class="diagram seqdiag"><pre class="diagram-source">…</pre></div>`;
//   unknown directives: `<div class="unknown-directive" data-directive="NAME">` with the source.
import { docutilsLine } from '../rst/lines';
import { parseWithNodes, type PreviewNode } from '../rst/parse';
import type { Section, SpecDocument } from '../rst/types';
import { attr, esc, makeId } from './html';
import { renderInline, type InlineContext } from './inline';
import { renderDirective, substitutionHtml, OPAQUE_DIRECTIVES } from './directives';
import { renderGridOrSimpleTable } from './tables';
import { collectTargets } from './targets';
import { LISTS, isSimple, renderField, renderList } from './lists';

export interface PreviewOptions {
  /** Added to every data-line (for a fragment rendered out of a larger document: a table cell). */
  readonly lineOffset?: number;
}

export interface PreviewResult {
  readonly html: string;
  /** The first section's title as plain text ('' if none): the webview's tab title. */
  readonly title: string;
}

/** A node of the tree the renderer builds from the parse's flat, ordered records. */
export interface Node {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly indent: number;
  readonly rec?: PreviewNode;
  /** A directive's name (lower case), '' for the other nodes. */
  readonly name?: string;
  readonly section?: Section;
  readonly children: Node[];
}

export interface RenderState {
  readonly spec: SpecDocument;
  /** docutils' lines: tabs expanded, trailing whitespace removed. */
  readonly lines: string[];
  readonly ctx: InlineContext;
  /** Inline texts by "line:column" of their first character. */
  readonly texts: Map<string, string>;
  readonly ids: Set<string>;
  readonly offset: number;
  /** Footnote definitions met so far; `numbers`: each definition's [id, number shown], in order. */
  footnotes: number;
  readonly numbers: [string, string][];
  /** Inside a compact (simple) bullet or enumerated list. */
  compact: boolean;
}

/** How deep the tree nests; the parse has no limit (10,000 nested lists), the renderer's recursion does. */
const MAX_DEPTH = 100;

const CONTAINERS = new Set([
  'section',
  'bullet-list',
  'enumerated-list',
  'list-item',
  'field-list',
  'field',
  'block-quote',
  'definition-item',
  'option-item',
  'directive',
  'footnote',
  'citation',
]);

export function renderPreview(text: string, options: PreviewOptions = {}): PreviewResult {
  try {
    return render(text, options);
  } catch (e) {
    // never a blank preview: the text as it is, and why
    const detail = e instanceof Error ? e.message : String(e);
    const html = `<div class="render-error" data-line="0">\n<p class="render-error-title">The preview could not render this text: ${esc(detail)}</p>\n<pre>${esc(text)}</pre>\n</div>\n`;
    return { html, title: '' };
  }
}

function render(text: string, options: PreviewOptions): PreviewResult {
  const { spec, nodes } = parseWithNodes(text);
  const lines = spec.lines.map((l) => docutilsLine(l.text));
  const state = newState(spec, lines, options.lineOffset ?? 0);
  const root = buildTree(spec, nodes);
  const html = renderChildren(root.children, state);
  const first = spec.sections[0];
  return { html, title: first ? first.title : '' };
}

/**
 * A text parsed as a document of its own (a table cell, as docutils parses one), rendered with
 * the outer document's targets, substitutions and footnotes; `line`: where its first line is.
 */
export function renderNested(text: string, outer: RenderState, line: number): string {
  const { spec, nodes } = parseWithNodes(text);
  const lines = spec.lines.map((l) => docutilsLine(l.text));
  const texts = new Map<string, string>();
  for (const t of spec.markup.texts) texts.set(`${t.lines[0]}:${t.cols[0]}`, t.text);
  collectTargets(spec, lines, outer.ctx, line, []);
  const state: RenderState = { ...outer, spec, lines, texts, offset: line, compact: false };
  const html = renderChildren(buildTree(spec, nodes).children, state);
  outer.footnotes = state.footnotes;
  return html;
}

function newState(spec: SpecDocument, lines: string[], offset: number): RenderState {
  const texts = new Map<string, string>();
  for (const t of spec.markup.texts) texts.set(`${t.lines[0]}:${t.cols[0]}`, t.text);
  const ids = new Set<string>();
  const sectionIds = spec.sections.map((sec) => uniqueId(ids, makeId(sec.title)));
  ids.clear();
  const footnotes = numberFootnotes(spec, lines);
  const ctx: InlineContext = {
    targets: new Map(),
    anonymousTargets: [],
    anonymous: 0,
    scans: new Map(),
    substitutions: new Map(),
    depth: 0,
    footnoteRef: (label, citation) => {
      if (citation) return [makeId(label), label];
      if (label === '#') return footnotes.auto.shift() ?? null;
      return footnotes.byLabel.get(label) ?? null;
    },
  };
  collectTargets(spec, lines, ctx, 0, sectionIds);
  const state: RenderState = { spec, lines, ctx, texts, ids, offset, footnotes: 0, numbers: footnotes.defs, compact: false };
  for (const e of spec.markup.explicit) {
    if (e.kind === 'substitution') ctx.substitutions.set(e.name, substitutionHtml(state, e.line, e.name));
  }
  return state;
}

interface Footnotes {
  /** Label as referenced (`1`, `#name`) → [id, number shown]. */
  byLabel: Map<string, [string, string]>;
  /** The `[#]_` footnotes, in order, for the `[#]_` references. */
  auto: [string, string][];
  /** The definitions in document order: [id, number shown]. */
  defs: [string, string][];
}

/** docutils' footnote numbering: explicit numbers stay, auto-numbered ones take the next free numbers. */
function numberFootnotes(spec: SpecDocument, lines: string[]): Footnotes {
  const result: Footnotes = { byLabel: new Map(), auto: [], defs: [] };
  const used = new Set<string>();
  for (const e of spec.markup.explicit) if (e.kind === 'footnote' && /^[0-9]+$/.test(e.name)) used.add(String(Number(e.name)));
  let next = 1;
  let n = 0;
  for (const e of spec.markup.explicit) {
    if (e.kind !== 'footnote') continue;
    let shown = e.name;
    if (e.name.startsWith('#') || e.name === '*') {
      while (used.has(String(next))) next++;
      shown = e.name === '*' ? '*' : String(next++);
    }
    const id = `footnote-${++n}`;
    result.defs.push([id, shown]);
    if (e.name === '#') result.auto.push([id, shown]);
    else result.byLabel.set(e.name, [id, shown]);
  }
  void lines;
  return result;
}

export function uniqueId(ids: Set<string>, base: string): string {
  let id = base || 'section';
  for (let i = 1; ids.has(id); i++) id = `${base || 'section'}-${i}`;
  ids.add(id);
  return id;
}

/** Nests the ordered records by their line ranges: a node is inside the open one that contains it. */
export function buildTree(spec: SpecDocument, nodes: readonly PreviewNode[]): Node {
  const root: Node = { kind: 'root', start: 0, end: Number.MAX_SAFE_INTEGER, indent: -1, children: [] };
  const all: Node[] = [];
  for (const s of spec.sections) {
    const start = s.overlineLine >= 0 ? s.overlineLine : s.titleLine;
    all.push({ kind: 'section', start, end: s.endLine, indent: -1, section: s, children: [] });
  }
  for (const rec of nodes) {
    const name = 'name' in rec ? rec.name : undefined;
    all.push({ kind: rec.kind, start: rec.startLine, end: rec.endLine, indent: rec.indent, rec, name, children: [] });
  }
  // sections first on a line (a section holds everything from its title on); the rest keep their order
  all.sort((a, b) => a.start - b.start || (a.kind === 'section' ? -1 : 0) - (b.kind === 'section' ? -1 : 0));
  const stack: Node[] = [root];
  for (const node of all) {
    while (stack.length > 1) {
      const top = stack[stack.length - 1];
      if (node.start >= top.start && node.end <= top.end && (node.kind !== 'section' || top.kind === 'section')) break;
      stack.pop();
    }
    const parent = stack[stack.length - 1];
    // a directive shown as its source, a table: what the parse found inside is not rendered
    if (parent.kind === 'directive' && OPAQUE_DIRECTIVES(parent.name ?? '')) continue;
    if (parent.kind === 'table') continue;
    parent.children.push(node);
    // deeper nodes stay at this depth (the renderer recurses once per level)
    if ((CONTAINERS.has(node.kind) || node.kind === 'table') && stack.length < MAX_DEPTH) stack.push(node);
  }
  group(root);
  return root;
}

/** The list node each kind of item makes (docutils makes the list; the parse records the items). */
const LIST_OF: Record<string, string> = {
  'definition-item': 'definition-list',
  'option-item': 'option-list',
  line: 'line-block',
  footnote: 'footnote-list',
  citation: 'citation-list',
};

/** Consecutive items of one kind at one indentation become one list node, everywhere in the tree. */
function group(node: Node): void {
  const kids = node.children;
  const out: Node[] = [];
  for (let i = 0; i < kids.length;) {
    const kid = kids[i];
    // a definition list's start: the items after it make a list of their own
    if (kid.kind === 'list-start') {
      i++;
      continue;
    }
    group(kid);
    const list = LIST_OF[kid.kind];
    if (!list) {
      out.push(kid);
      i++;
      continue;
    }
    let j = i + 1;
    // the lines of a line block nest by indentation; the other items must line up
    while (j < kids.length && kids[j].kind === kid.kind && (kid.kind === 'line' || kids[j].indent === kid.indent)) group(kids[j++]);
    const items = kids.slice(i, j);
    out.push({ kind: list, start: kid.start, end: items[items.length - 1].end, indent: kid.indent, children: items });
    i = j;
  }
  kids.splice(0, kids.length, ...out);
}

export function renderChildren(children: readonly Node[], state: RenderState): string {
  let out = '';
  for (const node of children) out += renderNode(node, state);
  return out;
}

export function dataLine(state: RenderState, line: number): string {
  return ` data-line="${line + state.offset}"`;
}

/** The inline text that starts at (line, col), or the lines themselves without indentation. */
export function inlineAt(state: RenderState, line: number, col: number, end: number): string {
  const text = state.texts.get(`${line}:${col}`);
  if (text !== undefined) return text;
  const lines: string[] = [];
  for (let i = line; i < end; i++) lines.push(i === line ? state.lines[i].slice(col) : state.lines[i].trimStart());
  return lines.join('\n');
}

export function inline(state: RenderState, text: string): string {
  return renderInline(text, state.ctx);
}

/** Lines start..end-1 with their common indentation removed (a literal block's text). */
export function dedent(lines: readonly string[], start: number, end: number): string {
  let min = Number.MAX_SAFE_INTEGER;
  for (let i = start; i < end; i++) {
    const l = lines[i];
    if (l.trim()) min = Math.min(min, l.length - l.trimStart().length);
  }
  const out: string[] = [];
  for (let i = start; i < end; i++) out.push(lines[i].slice(Math.min(min, lines[i].length)));
  while (out.length > 0 && !out[out.length - 1].trim()) out.pop();
  while (out.length > 0 && !out[0].trim()) out.shift();
  return out.join('\n');
}

function renderNode(node: Node, state: RenderState): string {
  const dl = dataLine(state, node.start);
  switch (node.kind) {
    case 'section':
      return renderSection(node, state);
    case 'paragraph':
      return `<p${dl}>${inline(state, inlineAt(state, node.start, node.indent, node.end))}</p>\n`;
    case 'literal':
      return `<pre class="literal-block"${dl}>${esc(dedent(state.lines, node.start, node.end))}</pre>\n`;
    case 'doctest':
      return `<pre class="code python doctest"${dl}>${esc(dedent(state.lines, node.start, node.end))}</pre>\n`;
    case 'transition':
      return `<hr class="docutils"${dl} />\n`;
    case 'comment':
      return '';
    case 'bullet-list':
    case 'enumerated-list':
      return renderList(node, state);
    case 'list-item':
      return `<li${dl}>${renderChildren(node.children, state)}</li>\n`;
    case 'field-list':
      return `<dl class="field-list${isSimple(node) ? ' simple' : ''}"${dl}>\n${renderChildren(node.children, state)}</dl>\n`;
    case 'field':
      return renderField(node, state);
    case 'block-quote':
      return renderBlockQuote(node, state);
    case 'table':
      return renderGridOrSimpleTable(node, state);
    case 'attribution': {
      // docutils' text: the lines after the dash, indentation removed
      const first = state.lines[node.start].trimStart().replace(/^(?:---?|\u2014) */, '');
      const rest = state.lines.slice(node.start + 1, node.end).map((l) => l.trim());
      return `<p class="attribution"${dl}>\u2014${inline(state, [first, ...rest].join('\n').trim())}</p>\n`;
    }
    case 'malformed-table':
      return `<pre class="literal-block malformed-table"${dl}>${esc(state.lines.slice(node.start, node.end).join('\n'))}</pre>\n`;
    case 'directive':
      return renderDirective(node, state);
    default: {
      const list = LISTS[node.kind];
      return list ? list(node.children, state) : '';
    }
  }
}

function renderSection(node: Node, state: RenderState): string {
  const s = node.section!;
  const id = uniqueId(state.ids, makeId(s.title));
  const h = `h${Math.min(s.level, 6)}`;
  const title = inline(state, inlineAt(state, s.titleLine, s.titleRange.start.character, s.titleLine + 1));
  return (
    `<section${attr('id', id)}${dataLine(state, node.start)}>\n<${h}${dataLine(state, s.titleLine)}>${title}</${h}>\n` +
    `${renderChildren(node.children, state)}</section>\n`
  );
}

function renderBlockQuote(node: Node, state: RenderState): string {
  return `<blockquote${dataLine(state, node.start)}>\n${renderChildren(node.children, state)}</blockquote>\n`;
}
