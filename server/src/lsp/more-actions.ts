// What the LSP adds around a few diagnostics: the faded guidance of a template-text finding (a hint
// tagged Unnecessary, as editors fade unused code), the short-underline fix at its title, and the
// blueprint-url fix that renames the file (a WorkspaceEdit rename).
import { type CodeAction, type Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver/node';
import type { SpecDiagnostic } from '../engine';
import type { Range, SpecDocument } from '../rst/types';
import { guidanceRange } from '../fixes/guidance';
import type { ClientPositions } from './client-positions';

/**
 * The faded text of a section that still holds the template's guidance: the finding is on the
 * section's title, its guidance below is faded, and the fade carries the finding's message, so a
 * quick fix asked for on the faded text is the finding's own.
 */
export function fadeDiagnostic(diagnostic: SpecDiagnostic, client: Diagnostic, positions: ClientPositions): Diagnostic | undefined {
  const kind = diagnostic.data?.kind;
  if (kind !== 'section' && kind !== 'introduction') return undefined;
  const range = guidanceRange(diagnostic);
  if (!range) return undefined;
  return { ...client, range: positions.toClientRange(range), severity: DiagnosticSeverity.Hint, tags: [DiagnosticTag.Unnecessary] };
}

/** Whether `client` is the fade of `diagnostic` (see fadeDiagnostic). */
export function isFadeOf(diagnostic: SpecDiagnostic, client: Diagnostic, positions: ClientPositions): boolean {
  if (!client.tags?.includes(DiagnosticTag.Unnecessary)) return false;
  const range = guidanceRange(diagnostic);
  if (!range || diagnostic.range === range) return false;
  const faded = positions.toClientRange(range);
  return (
    faded.start.line === client.range.start.line &&
    faded.start.character === client.range.start.character &&
    faded.end.line === client.range.end.line &&
    faded.end.character === client.range.end.character
  );
}

/**
 * Diagnostics whose fix belongs at `range` though their own range is elsewhere: a too-short
 * underline, when the writer is on its title (where docutils' own warning points). Not those the
 * client already sent.
 */
export function extraDiagnosticsAt(
  doc: SpecDocument,
  diagnostics: readonly SpecDiagnostic[],
  range: Range,
  sent: readonly Diagnostic[],
  toClient: (diagnostic: SpecDiagnostic) => Diagnostic,
): Diagnostic[] {
  const extra: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.code !== 'title-underline') continue;
    const section = doc.sections.find((candidate) => candidate.underlineLine === diagnostic.range.start.line);
    if (!section || section.titleLine < range.start.line || section.titleLine > range.end.line) continue;
    const client = toClient(diagnostic);
    const already = sent.some(
      (other) => other.code === client.code && other.message === client.message && other.range.start.line === client.range.start.line,
    );
    if (!already) extra.push(client);
  }
  return extra;
}

/** blueprint-url's "name the file 'x.rst'": the file renamed, for a client that can rename files. */
export function renameFileAction(uri: string, diagnostic: SpecDiagnostic, client: Diagnostic): CodeAction | undefined {
  const blueprint = diagnostic.data?.blueprint;
  if (diagnostic.code !== 'blueprint-url' || typeof blueprint !== 'string' || !uri.startsWith('file:')) return undefined;
  const name = `${blueprint}.rst`;
  const slash = uri.lastIndexOf('/');
  if (slash < 0 || !/^[\w.-]+$/.test(blueprint)) return undefined;
  const newUri = `${uri.slice(0, slash + 1)}${encodeURIComponent(name)}`;
  if (newUri === uri) return undefined;
  return {
    title: `Rename file to ${name}`,
    kind: 'quickfix',
    diagnostics: [client],
    isPreferred: true,
    // Never over another file: the editor refuses the rename when one has that name.
    edit: { documentChanges: [{ kind: 'rename', oldUri: uri, newUri, options: { overwrite: false, ignoreIfExists: false } }] },
  };
}
