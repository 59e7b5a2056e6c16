// Where the preview's references go, collected before any text is written, as docutils resolves
// them: section titles (implicit targets), explicit targets (`.. _name: URI`, internal and
// indirect ones), inline targets (`` _`name` ``, `` `text <URI>`_ ``), citations, and the
// anonymous targets matched to anonymous references in document order.
import { normalizeName, scanInline, type InlineSpan } from '../rst/inline/scan';
import type { SpecDocument } from '../rst/types';
import { makeId } from './html';
import type { InlineContext } from './inline';

export interface AnonymousTarget {
  /** The line it is defined on, in the outer document (to keep document order with table cells). */
  readonly line: number;
  /** A URI, '#id', or `name_` (an indirect target, resolved when used). */
  readonly ref: string;
}

/** docutils' Inliner.adjust_uri: an e-mail address as a target is a mailto: link. */
export function adjustUri(uri: string): string {
  return /^[^:@\s]+@[^@\s]+$/.test(uri) ? `mailto:${uri}` : uri;
}

/** docutils' anonymous target forms: `.. __: X` and `__ X`; X as written, its lines joined. */
function anonymousRef(lines: readonly string[], at: number): string {
  const m = /^(\s*)(?:\.\.\s+__:|__)\s+(.*)$/.exec(lines[at] ?? '');
  if (!m) return '';
  const parts = [m[2].trim()];
  for (let i = at + 1; i < lines.length && lines[i].trim() && lines[i].length - lines[i].trimStart().length > m[1].length; i++)
    parts.push(lines[i].trim());
  // a URI's lines join without spaces; a reference name's with one
  return /_$/.test(parts[parts.length - 1]) ? parts.join(' ') : parts.join('');
}

/**
 * Adds the targets of `spec` to `ctx` (a table cell: `offset` is where its first line is) and
 * scans its inline texts once for the renderer (ctx.scans). `sectionIds`: the ids sections take.
 */
export function collectTargets(
  spec: SpecDocument,
  lines: readonly string[],
  ctx: InlineContext,
  offset: number,
  sectionIds: readonly string[],
): void {
  const { targets } = ctx;
  spec.sections.forEach((s, i) => {
    const name = normalizeName(s.title);
    if (!targets.has(name)) targets.set(name, `#${sectionIds[i]}`);
  });
  const anonymous: AnonymousTarget[] = [];
  for (const e of spec.markup.explicit) {
    const name = normalizeName(e.name);
    if (e.kind === 'anonymous') anonymous.push({ line: offset + e.line, ref: e.uri ?? anonymousRef(lines, e.line) });
    else if (e.kind === 'target' && e.uri !== null) targets.set(name, adjustUri(e.uri));
    else if (e.kind === 'target' && e.refname === undefined && !targets.has(name)) targets.set(name, `#${makeId(e.name) || 'target'}`);
    else if (e.kind === 'citation') targets.set(name, `#${makeId(e.name)}`);
  }
  for (const t of spec.markup.texts) {
    const spans = scanInline(t.text, true).spans ?? [];
    ctx.scans.set(t.text, spans);
    for (const span of spans) {
      if (span.kind === 'target') {
        const name = normalizeName(span.text.replace(/\x00/g, ''));
        if (!targets.has(name)) targets.set(name, `#${makeId(name) || `target-${targets.size}`}`);
      } else if (span.kind === 'reference' && span.uri !== null && !span.anonymous) {
        const name = normalizeName(span.text.replace(/\x00/g, ''));
        if (!targets.has(name)) targets.set(name, adjustUri(span.uri));
      }
    }
  }
  // indirect targets (`.. _a: b_`): once the direct ones are known
  for (const e of spec.markup.explicit) {
    if (e.kind !== 'target' || e.refname === undefined) continue;
    const href = targets.get(normalizeName(e.refname));
    if (href !== undefined) targets.set(normalizeName(e.name), href);
  }
  // in document order: a cell's anonymous targets stand where its table does
  for (const a of anonymous) {
    let i = ctx.anonymousTargets.length;
    while (i > 0 && ctx.anonymousTargets[i - 1].line > a.line) i--;
    ctx.anonymousTargets.splice(i, 0, a);
  }
}

/** The href of the next anonymous reference (docutils pairs them with anonymous targets in order). */
export function nextAnonymous(ctx: InlineContext): string | undefined {
  const target = ctx.anonymousTargets[ctx.anonymous++];
  if (!target) return undefined;
  const m = /^(?:`([^]+)`|([^`]+))(?<!\\)_$/.exec(target.ref);
  return m ? ctx.targets.get(normalizeName(m[1] ?? m[2])) : adjustUri(target.ref);
}

export type { InlineSpan };
