// The block structure of an HTML fragment, for the fidelity test: the block elements' tags and
// class lists in document order, as open/close tokens, inline elements and text left out.
// Normalised as docs/preview.md says: classes sorted, the preview's own extra classes dropped,
// the elements of directives docutils rejects (`dropLines`) dropped with their content.

import { parseSpec } from '../../server/src/rst/parse';

const BLOCK = new Set([
  'section',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'pre',
  'table',
  'caption',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'blockquote',
  'aside',
  'div',
  'figure',
  'figcaption',
  'hr',
  'img',
  'nav',
]);
const VOID = new Set(['img', 'hr', 'br', 'col', 'meta', 'input', 'wbr']);
/**
 * Wrappers left out on both sides: docutils 0.19 omits the footnote-list wrapper when a footnote
 * is the first child and its parent's last child a footnote too (previous_sibling() wraps around).
 */
const TRANSPARENT = new Set(['aside.brackets.footnote-list', 'div.citation-list']);
/** Classes only the preview writes (docs/preview.md). */
const PREVIEW_CLASSES = new Set(['code-block']);
/** What the preview shows where docutils writes an error message (left out at the comparison's report level). */
const ERROR_CLASSES = /\bmalformed-table\b/;

export interface BlockOptions {
  /** 0-based lines of directives docutils rejects: the preview's element starting there is dropped. */
  readonly dropLines?: ReadonlySet<number>;
}

export function blockTokens(html: string, options: BlockOptions = {}): string[] {
  const out: string[] = [];
  const stack: { tag: string; mode: 'keep' | 'drop' | 'skip' }[] = [];
  let dropping = 0;
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[^]*?-->/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (!m[2]) continue;
    const tag = m[2].toLowerCase();
    if (!BLOCK.has(tag)) continue;
    const closing = m[1] === '/';
    if (closing) {
      // a closing tag without its opening one (docutils' footnote-list quirk above) closes nothing
      if (!stack.some((e) => e.tag === tag)) continue;
      // close up to the matching open tag
      while (stack.length > 0) {
        const top = stack.pop()!;
        if (top.mode === 'drop') dropping--;
        else if (top.mode === 'keep' && dropping === 0) out.push(`/${top.tag}`);
        if (top.tag === tag) break;
      }
      continue;
    }
    const attrs = m[3];
    const cls = /\sclass="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const line = /\sdata-line="(\d+)"/.exec(attrs)?.[1];
    const drop =
      (line !== undefined && options.dropLines?.has(Number(line)) && !/^h[1-6]$/.test(tag) && tag !== 'section') || ERROR_CLASSES.test(cls);
    const classes = cls
      .split(/\s+/)
      .filter((c) => c && !PREVIEW_CLASSES.has(c))
      .sort();
    const token = classes.length ? `${tag}.${classes.join('.')}` : tag;
    const selfClosing = VOID.has(tag) || /\/\s*$/.test(attrs);
    if (drop) {
      if (!selfClosing) {
        stack.push({ tag, mode: 'drop' });
        dropping++;
      }
      continue;
    }
    if (TRANSPARENT.has(token)) {
      stack.push({ tag, mode: 'skip' });
      continue;
    }
    if (dropping === 0) out.push(token);
    if (!selfClosing) stack.push({ tag, mode: 'keep' });
    else if (dropping === 0) out.push(`/${tag}`);
  }
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.mode === 'keep' && dropping === 0) out.push(`/${top.tag}`);
    if (top.mode === 'drop') dropping--;
  }
  return out;
}

/** The first difference of two token lists, with context, or null. */
export function firstDifference(a: readonly string[], b: readonly string[]): string | null {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) {
      return `at token ${i}: preview ${JSON.stringify(a.slice(Math.max(0, i - 3), i + 4))} docutils ${JSON.stringify(b.slice(Math.max(0, i - 3), i + 4))}`;
    }
  }
  return null;
}

/** Directives docutils 0.19 reports an error for with the comparison's settings (raw and include are off). */
const DISABLED = new Set(['raw', 'include']);
/** docutils' own `code` directive's options; Sphinx's code-block has more (caption, emphasize-lines, ...). */
const CODE_OPTIONS = new Set(['class', 'force', 'name', 'number-lines']);
const CODE = new Set(['code', 'code-block', 'sourcecode']);

/**
 * The lines of the directives docutils replaces by an error (left out of its output with the
 * comparison's report level): unknown to docutils (Sphinx's), or in error.
 */
export function rejectedDirectiveLines(text: string): Set<number> {
  const lines = new Set<number>();
  const spec = parseSpec(text);
  const errors = new Set(spec.messages.filter((m) => m.level >= 3).map((m) => m.line));
  for (const d of spec.markup.directives) {
    const name = d.name.toLowerCase();
    const sphinxOnly = CODE.has(name) && d.options.some((o) => !CODE_OPTIONS.has(o));
    if (!d.known || d.error || errors.has(d.line) || DISABLED.has(name) || sphinxOnly) lines.add(d.line);
  }
  return lines;
}

/**
 * The inline links and markup of an HTML fragment, in order: em, strong, cite, literals (docutils'
 * `<span class="docutils literal">`, the preview's `<code>`), and links with their kind and
 * external href. Left out: footnote, citation and unresolved references, Sphinx's roles (:doc:,
 * :ref:, :command:, :file:, ...: docutils does not know them), and docutils'
 * class-less back-links; `&#64;` (docutils' e-mail obfuscation) read as `@`.
 */
export function inlineTokens(html: string): string[] {
  const out: string[] = [];
  const re = /<(em|strong|cite|a|code|span)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const cls = /\sclass="([^"]*)"/.exec(m[2])?.[1] ?? '';
    const tag = m[1];
    if (tag === 'span' && !/\bliteral\b/.test(cls)) continue;
    // Sphinx's literal roles (:command:, :file:, ...): docutils does not know them
    if (/\b(?:file|samp|command|program|option|envvar|makevar|mailheader|kbd)\b/.test(cls)) continue;
    if (tag === 'code' || tag === 'span') out.push('literal');
    else if (tag !== 'a') out.push(tag);
    else if (cls && !/problematic|footnote|citation|\bdoc\b|\bref\b/.test(cls)) {
      const href = (/\shref="([^"]*)"/.exec(m[2])?.[1] ?? '').replace(/&#64;/g, '@').replace(/&amp;/g, '&');
      out.push(/\bexternal\b/.test(cls) ? `a external ${href}` : 'a internal');
    }
  }
  return out;
}

/** The HTML without the elements blockTokens drops (on `dropLines`, malformed tables), content included. */
export function withoutDropped(html: string, options: BlockOptions = {}): string {
  let out = '';
  let pos = 0;
  let depth = 0;
  let dropTag = '';
  let dropStart = 0;
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const tag = m[2].toLowerCase();
    if (dropTag) {
      if (tag !== dropTag || VOID.has(tag)) continue;
      if (m[1] !== '/') depth++;
      else if (--depth === 0) {
        dropTag = '';
        pos = m.index + m[0].length;
      }
      continue;
    }
    if (m[1] === '/' || !BLOCK.has(tag) || VOID.has(tag) || /\/\s*$/.test(m[3])) continue;
    const line = /\sdata-line="(\d+)"/.exec(m[3])?.[1];
    const cls = /\sclass="([^"]*)"/.exec(m[3])?.[1] ?? '';
    const drop =
      (line !== undefined && options.dropLines?.has(Number(line)) && !/^h[1-6]$/.test(tag) && tag !== 'section') || ERROR_CLASSES.test(cls);
    if (!drop) continue;
    out += html.slice(pos, m.index);
    dropTag = tag;
    dropStart = m.index;
    depth = 1;
  }
  return dropTag ? out + html.slice(pos, dropStart) : out + html.slice(pos);
}
