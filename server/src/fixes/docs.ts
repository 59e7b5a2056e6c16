// Quick fixes of the docs-gate inline and name rules. None runs in fix-all: escaping a `*` may
// drop emphasis the writer meant, a suggested name may not be the intended one, and renaming a
// target changes its anchor.
import type { TextEdit } from '../edit/text-edit';
import type { Fix } from './fix';

/** rst-inline: a backslash before a lone `*` or backquote, which then stands for itself. */
export const escapeStartString: Fix = (_doc, _template, diagnostic) =>
  diagnostic.data?.escape === true ? [{ range: { start: diagnostic.range.start, end: diagnostic.range.start }, newText: '\\' }] : [];

/** rst-directive, rst-role: the known name a small edit away. */
export const useSuggestedName: Fix = (_doc, _template, diagnostic) => {
  const suggestion = diagnostic.data?.suggestion;
  return typeof suggestion === 'string' ? [{ range: diagnostic.range, newText: suggestion }] : [];
};

/** rst-reference: a duplicate `.. _name:` target renamed `name-2` (or the first free number). */
export const renameDuplicateTarget: Fix = (doc, _template, diagnostic) => {
  if (!diagnostic.message?.startsWith('Duplicate explicit target name')) return [];
  const line = diagnostic.range.start.line;
  const text = doc.lines[line]?.text ?? '';
  const m = /^(\s*\.\.\s+_)(`?)([^`:]+?)\2:(?:\s|$)/.exec(text);
  if (!m) return [];
  const taken = new Set(doc.markup.explicit.filter((e) => e.kind === 'target').map((e) => e.name.toLowerCase()));
  let n = 2;
  while (taken.has(`${m[3].toLowerCase()}-${n}`)) n++;
  const start = m[1].length + m[2].length;
  const edit: TextEdit = {
    range: { start: { line, character: start }, end: { line, character: start + m[3].length } },
    newText: `${m[3]}-${n}`,
  };
  return [edit];
};
