// Lists for the preview, as docutils' HTML5 writer writes them: bullet and enumerated lists (with
// its "simple" class for compact lists), field, definition and option lists, line blocks,
// footnotes and citations.
import { attr, esc, makeId } from './html';
import { dataLine, inline, inlineAt, renderChildren, type Node, type RenderState } from './render';

/**
 * docutils' SimpleListChecker: a list is "simple" (compact) when each item holds at most one
 * paragraph (plus a sub-list after it), and the lists inside are simple too.
 */
export function isSimple(list: Node): boolean {
  for (const item of list.children) {
    const visible = item.children.filter((k) => k.kind !== 'comment' && k.kind !== 'target');
    const last = visible[visible.length - 1];
    if (visible.length > 0 && visible[0].kind === 'paragraph' && (isList(last) || last.kind === 'field-list')) visible.pop();
    if (visible.length > 1) return false;
    for (const k of item.children) {
      if (k.kind === 'paragraph' || k.kind === 'comment' || k.kind === 'target') continue;
      if (PASS_LISTS.has(k.kind) && isSimple(k)) continue;
      return false;
    }
  }
  return true;
}

const PASS_LISTS = new Set(['bullet-list', 'enumerated-list', 'definition-list', 'field-list']);

function isList(node: Node): boolean {
  return node.kind === 'bullet-list' || node.kind === 'enumerated-list';
}

const ENUM_TYPES: [RegExp, string][] = [
  [/^[0-9]+$/, 'arabic'],
  [/^#$/, 'arabic'],
  [/^[ivxlcdm]+$/, 'lowerroman'],
  [/^[IVXLCDM]+$/, 'upperroman'],
  [/^[a-z]$/, 'loweralpha'],
  [/^[A-Z]$/, 'upperalpha'],
];

/**
 * Bullet and enumerated lists, "simple" when compact; a bullet list inside a compact bullet list
 * is not marked again (docutils' writer tracks compact_simple for bullet lists only).
 */
export function renderList(node: Node, state: RenderState): string {
  const simple = isSimple(node);
  const classes: string[] = [];
  let start = 1;
  const outer = state.compact;
  if (node.kind === 'enumerated-list') {
    const [type, first] = enumeration(node, state);
    classes.push(type);
    start = first;
    if (simple) classes.push('simple');
  } else {
    if (simple && !outer) classes.push('simple');
    state.compact = simple;
  }
  const tag = node.kind === 'bullet-list' ? 'ul' : 'ol';
  const body = renderChildren(node.children, state);
  state.compact = outer;
  const cls = classes.length > 0 ? attr('class', classes.join(' ')) : '';
  return `<${tag}${cls}${start !== 1 ? attr('start', start) : ''}${dataLine(state, node.start)}>\n${body}</${tag}>\n`;
}

function enumeration(node: Node, state: RenderState): [string, number] {
  const marker = /^\(?([0-9]+|#|[a-zA-Z]+)[.)]/.exec(state.lines[node.start].trimStart())?.[1] ?? '1';
  // "i" alone is roman (docutils reads a lone i, v, x... as roman first)
  const type = ENUM_TYPES.find(([re]) => re.test(marker))?.[1] ?? 'arabic';
  const start =
    type === 'arabic' && marker !== '#'
      ? Number(marker)
      : type.endsWith('alpha')
        ? marker.toLowerCase().charCodeAt(0) - 96
        : type.endsWith('roman')
          ? fromRoman(marker)
          : 1;
  return [type, start];
}

function fromRoman(s: string): number {
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  let total = 0;
  const t = s.toLowerCase();
  for (let i = 0; i < t.length; i++) {
    const a = v[t[i]];
    const b = v[t[i + 1]] ?? 0;
    total += a < b ? -a : a;
  }
  return total;
}

export function renderField(node: Node, state: RenderState): string {
  const line = state.lines[node.start];
  const col = line.length - line.trimStart().length;
  // `:name: body`: the name ends at the first `: ` (or `:` at the end) not escaped
  const m = /^:((?:\\.|[^\\])+?):(?:\s|$)/.exec(line.slice(col));
  const name = m ? m[1] : line.slice(col + 1);
  return (
    `<dt${dataLine(state, node.start)}>${inline(state, name)}<span class="colon">:</span></dt>\n` +
    `<dd>${renderChildren(node.children, state)}</dd>\n`
  );
}

/** A line's indentation inside its line block (docutils' line.indent); -1 for an empty line. */
function lineIndent(item: Node): number {
  const rec = item.rec!;
  return rec.bodyLine !== undefined && rec.bodyLine >= 0 ? rec.bodyCol! - item.indent - 1 : -1;
}

/** docutils' nest_line_block_segment: lines indented past the least indented make a nested line block. */
function lineBlock(items: Node[], state: RenderState): string {
  const indents = items.map(lineIndent);
  // an empty line takes the indentation of the line after it (or before it)
  for (let i = indents.length - 1; i >= 0; i--) if (indents[i] < 0 && i + 1 < indents.length) indents[i] = indents[i + 1];
  for (let i = 0; i < indents.length; i++) if (indents[i] < 0) indents[i] = i > 0 ? indents[i - 1] : 0;
  const least = Math.min(...indents);
  let out = `<div class="line-block"${dataLine(state, items[0].start)}>\n`;
  for (let i = 0; i < items.length;) {
    if (indents[i] > least) {
      let j = i;
      while (j < items.length && indents[j] > least) j++;
      out += lineBlock(items.slice(i, j), state);
      i = j;
      continue;
    }
    const item = items[i++];
    const rec = item.rec!;
    const text = rec.bodyLine !== undefined && rec.bodyLine >= 0 ? inlineAt(state, rec.bodyLine, rec.bodyCol!, item.end) : '';
    out += text
      ? `<div class="line"${dataLine(state, item.start)}>${inline(state, text)}</div>\n`
      : `<div class="line"${dataLine(state, item.start)}><br /></div>\n`;
  }
  return `${out}</div>\n`;
}

type ListRenderer = (items: Node[], state: RenderState) => string;

export const LISTS: Record<string, ListRenderer> = {
  'definition-list': (items, state) => {
    const list: Node = {
      kind: 'definition-list',
      start: items[0].start,
      end: items[items.length - 1].end,
      indent: items[0].indent,
      children: items,
    };
    let out = `<dl${isSimple(list) ? ' class="simple"' : ''}${dataLine(state, items[0].start)}>\n`;
    for (const item of items) {
      const term = inlineAt(state, item.start, item.indent, item.start + 1);
      // docutils' classifier delimiter, " : "
      const parts = term.split(' : ').map((p, i) => (i === 0 ? p.trimEnd() : p.trim()));
      const classifiers = parts
        .slice(1)
        .map((c) => `<span class="classifier-delimiter">:</span> <span class="classifier">${inline(state, c)}</span>`);
      out += `<dt${dataLine(state, item.start)}>${inline(state, parts[0])}${classifiers.join('')}</dt>\n<dd>${renderChildren(item.children, state)}</dd>\n`;
    }
    return `${out}</dl>\n`;
  },
  'option-list': (items, state) => {
    let out = `<dl class="option-list"${dataLine(state, items[0].start)}>\n`;
    for (const item of items) {
      const line = state.lines[item.start].trimStart();
      const options = line.split(/ {2,}/)[0];
      const kbd = options
        .split(/, /)
        .map((o) => {
          // `-a`, `--long=ARG`, `-f FILE`, `/V`: the option, then its argument after " " or "="
          const cut = o.search(/[ =]/);
          if (cut < 0) return `<span class="option">${esc(o)}</span>`;
          return `<span class="option">${esc(o.slice(0, cut))}${esc(o[cut])}<var>${esc(o.slice(cut + 1))}</var></span>`;
        })
        .join(', ');
      out += `<dt${dataLine(state, item.start)}><kbd>${kbd}</kbd></dt>\n<dd>${renderChildren(item.children, state)}</dd>\n`;
    }
    return `${out}</dl>\n`;
  },
  'line-block': (items, state) => lineBlock(items, state),
  'footnote-list': (items, state) => {
    let out = `<aside class="footnote-list brackets"${dataLine(state, items[0].start)}>\n`;
    for (const item of items) {
      const label = /^\.\.\s+\[([^\]]+)\]/.exec(state.lines[item.start].trimStart())?.[1] ?? '';
      const [id, number] = state.numbers[state.footnotes++] ?? [`footnote-${state.footnotes}`, label];
      out += `<aside class="footnote brackets"${attr('id', id)}${dataLine(state, item.start)}>\n<span class="label">${esc(number)}</span>\n${renderChildren(item.children, state)}</aside>\n`;
    }
    return `${out}</aside>\n`;
  },
  'citation-list': (items, state) => {
    let out = `<div role="list" class="citation-list"${dataLine(state, items[0].start)}>\n`;
    for (const item of items) {
      const label = /^\.\.\s+\[([^\]]+)\]/.exec(state.lines[item.start].trimStart())?.[1] ?? '';
      out += `<div class="citation"${attr('id', makeId(label))}${dataLine(state, item.start)}>\n<span class="label">${esc(label)}</span>\n${renderChildren(item.children, state)}</div>\n`;
    }
    return `${out}</div>\n`;
  },
};
