// Fixes of the docs gate's block layer (rules/docs/block.ts). Each reads what the finding's
// `data` says, never re-parses:
// - rst-structure, "... ends without a blank line; unexpected unindent.": a blank line before the
//   unindented line. docutils has already ended the list (quote, literal block, ...) there, and
//   a blank line in its place is what docutils expects: the document reads the same, without the
//   warning. Safe for fix-all.
// - rst-structure, "Literal block expected; none found.": `word::` becomes `word:` (as docutils
//   renders it anyway) and a detached ` ::` goes. A quick fix only: the writer may rather have
//   forgotten the literal block.
// - rst-title, "Title overline & underline mismatch." of one character: both lines as long as the
//   longer one (and the title). Only the adornment changes; safe for fix-all, like title-underline.
import type { TextEdit } from '../edit/text-edit';
import { rangeOf } from '../edit/text-edit';
import type { Fix } from './fix';

export const insertBlankLine: Fix = (doc, _template, diagnostic) => {
  const line = diagnostic.data?.blankLineBefore;
  if (typeof line !== 'number' || line <= 0 || line >= doc.lines.length) return [];
  if (doc.lines[line - 1].text.trim() === '') return [];
  const eol = doc.lines[line - 1].eol || '\n';
  return [{ range: rangeOf(line, 0, line, 0), newText: eol }];
};

export const replaceLiteralMarker: Fix = (doc, _template, diagnostic) => {
  const replacement = diagnostic.data?.replacement;
  if (typeof replacement !== 'string') return [];
  const { start, end } = diagnostic.range;
  const text = doc.lines[start.line]?.text ?? '';
  if (start.line !== end.line || !text.slice(start.character, end.character).endsWith('::')) return [];
  return [{ range: diagnostic.range, newText: replacement }];
};

/** The quick fix of rst-structure: whichever of the two its finding carries. */
export const structureQuickFix: Fix = (doc, template, diagnostic, options) =>
  diagnostic.data?.blankLineBefore !== undefined
    ? insertBlankLine(doc, template, diagnostic, options)
    : replaceLiteralMarker(doc, template, diagnostic, options);

export const equalizeAdornments: Fix = (doc, _template, diagnostic) => {
  const adornment = diagnostic.data?.adornment;
  const overline = diagnostic.range.start.line;
  if (typeof adornment !== 'string' || overline + 2 >= doc.lines.length) return [];
  const edits: TextEdit[] = [];
  for (const line of [overline, overline + 2]) {
    const text = doc.lines[line].text;
    const end = text.trimEnd().length;
    if (text.slice(0, end) !== adornment) edits.push({ range: rangeOf(line, 0, line, end), newText: adornment });
  }
  return edits;
};

export const DOCS_BLOCK_FIXES = {
  'rst-structure': {
    fix: insertBlankLine,
    quickFix: structureQuickFix,
    title: (d: { data?: Readonly<Record<string, unknown>> }) =>
      d.data?.blankLineBefore !== undefined
        ? 'Insert the missing blank line'
        : d.data?.replacement === ':'
          ? "Replace '::' with ':' (no literal block follows)"
          : d.data?.replacement === ''
            ? "Remove the ' ::' (no literal block follows)"
            : undefined,
    preferred: true,
  },
  'rst-title': {
    fix: equalizeAdornments,
    title: (d: { data?: Readonly<Record<string, unknown>> }) =>
      typeof d.data?.adornment === 'string' ? 'Make the overline and underline the same length' : undefined,
    preferred: true,
  },
};
