// Directives for the preview: docutils' HTML for the ones it knows (admonitions, code, images,
// figures, tables), Sphinx's look for toctree and its admonitions, and the source in a box for
// what must not or cannot be rendered (raw HTML, diagrams, unknown directives).
import { attr, esc, makeId, titleAndTarget } from './html';
import { dataLine, dedent, inline, renderChildren, type Node, type RenderState } from './render';
import { renderCsvTable, renderGridOrSimpleTable, renderListTable } from './tables';

const ADMONITIONS: Record<string, string> = {
  attention: 'Attention',
  caution: 'Caution',
  danger: 'Danger',
  error: 'Error',
  hint: 'Hint',
  important: 'Important',
  note: 'Note',
  tip: 'Tip',
  warning: 'Warning',
  seealso: 'See also',
  todo: 'Todo',
};
const CODE = new Set(['code', 'code-block', 'sourcecode']);
const DIAGRAMS = new Set([
  'seqdiag',
  'blockdiag',
  'actdiag',
  'nwdiag',
  'rackdiag',
  'packetdiag',
  'graphviz',
  'digraph',
  'graph',
  'uml',
  'plantuml',
  'mermaid',
]);
/** Directives whose content the parse read as rST and the preview renders from the tree. */
const BODY = new Set([
  ...Object.keys(ADMONITIONS),
  'admonition',
  'figure',
  'list-table',
  'table',
  'topic',
  'sidebar',
  'container',
  'compound',
  'epigraph',
  'highlights',
  'pull-quote',
  'class',
  'rst-class',
  'cssclass',
  'only',
  'hlist',
  'acks',
  'versionadded',
  'versionchanged',
  'deprecated',
]);
/** Directives that make nothing visible. */
const SILENT = new Set([
  'highlight',
  'index',
  'meta',
  'default-role',
  'role',
  'title',
  'sectnum',
  'section-numbering',
  'target-notes',
  'default-domain',
  'sectionauthor',
  'codeauthor',
  'moduleauthor',
]);

/** Whether the tree skips what the parse found inside this directive (it is shown another way). */
export function OPAQUE_DIRECTIVES(name: string): boolean {
  return !BODY.has(name);
}

export interface DirectiveParts {
  readonly name: string;
  readonly argument: string;
  readonly options: Map<string, string>;
  /** The content's lines (0-based, exclusive end), -1 when there is none. */
  readonly contentStart: number;
  readonly contentEnd: number;
}

/** `.. name:: argument`, the `:option: value` lines, then the content after a blank line. */
export function readDirective(state: RenderState, node: Node): DirectiveParts {
  const lines = state.lines;
  const first = lines[node.start];
  const m = /^(\s*)\.\.\s+([^\s:]+(?:[:.][^\s:]+)*)\s*::\s?(.*)$/.exec(first);
  const name = node.name ?? (m ? m[2].toLowerCase() : '');
  const argLines = [m ? m[3] : ''];
  // the block's indentation: an option line starts there (more indented, it is argument text)
  let indent = Number.MAX_SAFE_INTEGER;
  for (let k = node.start + 1; k < node.end; k++)
    if (lines[k].trim()) indent = Math.min(indent, lines[k].length - lines[k].trimStart().length);
  const isOption = (line: string): boolean => line.length - line.trimStart().length === indent && /^\s*:[^:\s][^:]*:(\s|$)/.test(line);
  let i = node.start + 1;
  for (; i < node.end && lines[i].trim() && !isOption(lines[i]); i++) argLines.push(lines[i].trim());
  const options = new Map<string, string>();
  let last = '';
  for (; i < node.end && lines[i].trim(); i++) {
    const o = isOption(lines[i]) ? /^\s*:([^:]+):(?:\s+(.*))?$/.exec(lines[i]) : null;
    if (o) options.set((last = o[1].trim().toLowerCase()), (o[2] ?? '').trim());
    else if (last) options.set(last, `${options.get(last)} ${lines[i].trim()}`);
  }
  while (i < node.end && !lines[i].trim()) i++;
  const argument = argLines.join(' ').trim();
  return { name, argument, options, contentStart: i < node.end ? i : -1, contentEnd: node.end };
}

function classes(parts: DirectiveParts, ...base: string[]): string {
  const extra = parts.options.get('class');
  return [...base, ...(extra ? extra.split(/\s+/) : [])].join(' ');
}

export function renderDirective(node: Node, state: RenderState): string {
  const parts = readDirective(state, node);
  const dl = dataLine(state, node.start);
  const name = parts.name;
  const body = (): string => renderChildren(node.children, state);
  const content = (): string => (parts.contentStart < 0 ? '' : dedent(state.lines, parts.contentStart, parts.contentEnd));
  if (ADMONITIONS[name]) {
    return `<aside${attr('class', classes(parts, 'admonition', name))}${dl}>\n<p class="admonition-title">${ADMONITIONS[name]}</p>\n${body()}</aside>\n`;
  }
  if (CODE.has(name)) {
    const lang = parts.argument.split(/\s+/)[0] ?? '';
    const cls = classes(parts, 'code-block', 'code', ...(lang ? [lang] : []), 'literal-block');
    return `<pre${attr('class', cls)}${attr('data-lang', lang || undefined)}${dl}><code>${esc(content())}</code></pre>\n`;
  }
  if (DIAGRAMS.has(name)) {
    const source = esc(state.lines.slice(node.start, node.end).join('\n'));
    return `<div${attr('class', `diagram ${name}`)}${dl}>\n<p class="diagram-title">${esc(name)}</p>\n<pre class="diagram-source">${source}</pre>\n</div>\n`;
  }
  switch (name) {
    case 'admonition': {
      const title = inline(state, parts.argument);
      return `<aside${attr('class', classes(parts, 'admonition', `admonition-${makeId(parts.argument)}`))}${dl}>\n<p class="admonition-title">${title}</p>\n${body()}</aside>\n`;
    }
    case 'image':
      return `${image(parts, state, dl)}\n`;
    case 'figure': {
      const [caption, ...legend] = node.children;
      const cap =
        caption && caption.kind === 'paragraph'
          ? `<figcaption>\n${renderChildren([caption], state)}${legend.length ? `<div class="legend">\n${renderChildren(legend, state)}</div>\n` : ''}</figcaption>\n`
          : '';
      const figclass = parts.options.get('figclass');
      return `<figure${attr('class', figclass)}${dl}>\n${image(parts, state, '')}\n${cap || (node.children.length ? body() : '')}</figure>\n`;
    }
    case 'parsed-literal':
      return `<pre${attr('class', classes(parts, 'literal-block'))}${dl}>${inline(state, content())}</pre>\n`;
    case 'raw': {
      const format = parts.argument.toLowerCase();
      return `<div class="raw-source"${attr('data-format', format)}${dl}>\n<p class="raw-title">raw ${esc(format)}</p>\n<pre>${esc(content())}</pre>\n</div>\n`;
    }
    case 'math':
      return `<div class="math"${dl}>${esc(content() || parts.argument)}</div>\n`;
    case 'rubric':
      return `<p${attr('class', classes(parts, 'rubric'))}${dl}>${inline(state, parts.argument)}</p>\n`;
    case 'topic':
    case 'sidebar': {
      const tag = name === 'topic' ? 'div' : 'aside';
      return `<${tag}${attr('class', classes(parts, name))}${dl}>\n<p class="${name}-title">${inline(state, parts.argument)}</p>\n${body()}</${tag}>\n`;
    }
    case 'container':
      return `<div${attr('class', ['docutils', 'container', ...parts.argument.split(/\s+/).filter(Boolean)].join(' '))}${dl}>\n${body()}</div>\n`;
    case 'compound':
      return `<div${attr('class', classes(parts, 'compound'))}${dl}>\n${body()}</div>\n`;
    case 'epigraph':
    case 'highlights':
    case 'pull-quote':
      return `<blockquote class="${name}"${dl}>\n${body()}</blockquote>\n`;
    case 'class':
    case 'rst-class':
    case 'cssclass':
    case 'only':
    case 'hlist':
    case 'acks':
      return body();
    case 'versionadded':
    case 'versionchanged':
    case 'deprecated': {
      const label = { versionadded: 'New in version', versionchanged: 'Changed in version', deprecated: 'Deprecated since version' }[name];
      const [version, ...rest] = parts.argument.split(/\s+/);
      const text = rest.length ? `: ${inline(state, rest.join(' '))}` : node.children.length ? ':' : '.';
      return `<div class="${name}"${dl}>\n<p><span class="versionmodified">${label} ${esc(version ?? '')}${text}</span></p>\n${body()}</div>\n`;
    }
    case 'list-table':
      return renderListTable(node, parts, state);
    case 'csv-table':
      return renderCsvTable(node, parts, state);
    case 'table': {
      const table = node.children.find((c) => c.kind === 'table');
      return table ? renderGridOrSimpleTable(table, state, parts) : unknown(node, state, 'table without a table');
    }
    case 'toctree':
      return toctree(parts, state, dl);
    case 'contents':
      return `<nav${attr('class', classes(parts, 'contents'))}${dl}>\n<p class="topic-title">${esc(parts.argument || 'Contents')}</p>\n${contents(state)}</nav>\n`;
    default:
      if (SILENT.has(name)) return '';
      return unknown(node, state, '');
  }
}

function image(parts: DirectiveParts, state: RenderState, dl: string): string {
  const uri = parts.argument.replace(/\s+/g, '');
  const width = parts.options.get('width');
  const height = parts.options.get('height');
  const alt = parts.options.get('alt') ?? uri;
  const cls = classes(parts, ...(parts.options.get('align') ? [`align-${parts.options.get('align')}`] : []));
  void state;
  return `<img${attr('alt', alt)}${attr('src', uri)}${attr('data-src', uri)}${cls ? attr('class', cls) : ''}${attr('width', width)}${attr('height', height)}${dl} />`;
}

/** Sphinx's toctree: its entries as links to the other documents (the webview opens them). */
function toctree(parts: DirectiveParts, state: RenderState, dl: string): string {
  const items: string[] = [];
  if (parts.contentStart >= 0) {
    for (let i = parts.contentStart; i < parts.contentEnd; i++) {
      const entry = state.lines[i].trim();
      if (!entry || entry.startsWith(':')) continue;
      const [shown, target] = titleAndTarget(entry);
      const title = shown ?? entry;
      const glob = parts.options.has('glob') && /[*?[]/.test(target);
      items.push(
        `<li class="toctree-l1"><a class="reference internal doc"${attr('data-doc', target)}${glob ? ' data-glob="true"' : ''}>${esc(title)}</a></li>`,
      );
    }
  }
  const caption = parts.options.get('caption');
  return (
    `<div class="toctree-wrapper compound"${dl}>\n${caption ? `<p class="caption">${esc(caption)}</p>\n` : ''}` +
    `<ul>\n${items.join('\n')}${items.length ? '\n' : ''}</ul>\n</div>\n`
  );
}

/** docutils' contents directive: the sections below it, nested. */
function contents(state: RenderState): string {
  const list = (sections: readonly { title: string; children: readonly unknown[] }[]): string =>
    sections.length === 0
      ? ''
      : `<ul class="simple">\n${sections
          .map(
            (s) =>
              `<li><a class="reference internal"${attr('href', `#${makeId(s.title)}`)}>${esc(s.title)}</a>${list(s.children as typeof sections)}</li>\n`,
          )
          .join('')}</ul>\n`;
  return list(state.spec.roots.flatMap((r) => r.children));
}

/** A directive the preview cannot show: a visible box with its name and source. */
export function unknown(node: Node, state: RenderState, why: string): string {
  const name = node.name ?? '';
  const source = esc(state.lines.slice(node.start, node.end).join('\n'));
  const title = why || `Unknown directive “${name}”`;
  return `<div class="unknown-directive"${attr('data-directive', name)}${dataLine(state, node.start)}>\n<p class="unknown-directive-title">${esc(title)}</p>\n<pre>${source}</pre>\n</div>\n`;
}

/** A substitution definition's HTML: `replace`, `image`, `unicode`, or its text when unknown. */
export function substitutionHtml(state: RenderState, line: number, name: string): string {
  const lines = state.lines;
  const m = /^\s*\.\.\s+\|.+?\|\s+([\w-]+)::\s*(.*)$/.exec(lines[line]);
  if (!m) return esc(name);
  const [, directive, first] = m;
  const rest: string[] = [first];
  for (let i = line + 1; i < lines.length && (lines[i].startsWith(' ') || lines[i].startsWith('\t')); i++) rest.push(lines[i].trim());
  const text = rest
    .filter((l) => !/^:[\w-]+:/.test(l))
    .join(' ')
    .trim();
  switch (directive) {
    case 'replace':
      if (state.ctx.depth > 8) return esc(text);
      state.ctx.depth++;
      try {
        return inline(state, text);
      } finally {
        state.ctx.depth--;
      }
    case 'image': {
      const uri = first.trim();
      return `<img${attr('alt', name)}${attr('src', uri)}${attr('data-src', uri)} />`;
    }
    case 'unicode':
      return esc(
        text
          .split(/\s+/)
          .map((t) => {
            const hex = /^(?:0x|x|\\x|U\+|u|\\u|&#x)([0-9a-f]+);?$/i.exec(t);
            const code = hex ? parseInt(hex[1], 16) : /^[0-9]+$/.test(t) ? Number(t) : -1;
            return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : t;
          })
          .join(''),
      );
    default:
      return esc(text);
  }
}
