// Moving and re-proposing specs as one edit of the repo (files renamed or created, texts edited),
// built without touching the file system: the LSP sends it as a WorkspaceEdit (so the editor can
// undo it), the CLI applies it to disk. The redirect lines are those of nova-specs'
// `tools/move_spec.py` (tools/lib.py `move_spec`).
import { posix as path } from 'node:path';
import type { TextEdit } from '../edit/text-edit';
import { parseSpec } from '../rst/parse';
import type { Section, SpecDocument } from '../rst/types';
import { ABANDONED, type LayoutFiles, specPlace } from './layout';
import { compareReleases } from '../template/locate';

/** What building an edit may ask of the repo: listings, and the text of a file (undefined: no such file). */
export interface RepoFiles extends LayoutFiles {
  read(filePath: string): string | undefined;
}

export type FileChange =
  | { readonly kind: 'rename'; readonly from: string; readonly to: string }
  /** A new, empty file; an `edit` after it writes its text. */
  | { readonly kind: 'create'; readonly path: string }
  /** Edits of the file's text as it is before the whole edit (or empty, for a created file). */
  | { readonly kind: 'edit'; readonly path: string; readonly edits: readonly TextEdit[] };

export interface RepoEdit {
  /** What the editor's undo stack and the CLI's report call it. */
  readonly label: string;
  readonly changes: readonly FileChange[];
  /** The spec's path once the edit is applied. */
  readonly result: string;
}

/** A move that cannot be made, with the reason in the user's words. */
export class MoveError extends Error {}

/** The spec's place in its repo, or a MoveError. */
function placeOf(specPath: string, files: RepoFiles, workspaceFolder?: string) {
  const place = specPlace(specPath, files, workspaceFolder);
  if (!place) throw new MoveError(`${specPath} is not in a specs/<release>/ folder of a specs repo`);
  return place;
}

/**
 * The redirect line move_spec.py appends, and the file it appends it to (`redirects` one folder
 * above the spec's): `approved/x.rst ../implemented/x.rst`, `/`-separated, relative from the old folder.
 */
export function redirectFor(from: string, to: string): { file: string; line: string } {
  const fromFolder = path.dirname(from);
  const common = commonPath(from, to);
  const back = path
    .relative(common, fromFolder)
    .split('/')
    .map(() => '..');
  const target = path.relative(common, to).split('/');
  return {
    file: path.join(path.dirname(fromFolder), 'redirects'),
    line: `${path.basename(fromFolder)}/${path.basename(from)} ${[...back, ...target].join('/')}\n`,
  };
}

function commonPath(a: string, b: string): string {
  const [pa, pb] = [a.split('/'), b.split('/')];
  let index = 0;
  while (index < pa.length && index < pb.length && pa[index] === pb[index]) index++;
  return pa.slice(0, index).join('/') || '/';
}

/** The position just after a text's last character (LSP lines split at CRLF, LF and CR). */
export function endOf(text: string): { line: number; character: number } {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** Whether any release folder of the repo keeps a `redirects` file. */
function usesRedirects(specsFolder: string, files: RepoFiles): boolean {
  return files.list(specsFolder).some((name) => files.list(path.join(specsFolder, name)).includes('redirects'));
}

/** The spec moved to `toFolder`, with the redirect line appended (the `redirects` file created where the repo uses them). */
export function moveSpec(specPath: string, toFolder: string, files: RepoFiles, label: string, workspaceFolder?: string): RepoEdit {
  const place = placeOf(specPath, files, workspaceFolder);
  const to = path.join(toFolder, path.basename(specPath));
  if (path.dirname(specPath) === toFolder)
    throw new MoveError(`${path.basename(specPath)} is already in ${relativeTo(place.specsFolder, toFolder)}`);
  if (files.list(toFolder).includes(path.basename(specPath))) {
    throw new MoveError(`${relativeTo(place.specsFolder, to)} already exists`);
  }
  const changes: FileChange[] = [{ kind: 'rename', from: specPath, to }];
  const redirect = redirectFor(specPath, to);
  const existing = files.list(path.dirname(redirect.file)).includes('redirects') ? files.read(redirect.file) : undefined;
  if (existing !== undefined) {
    // move_spec.py appends; a file without a final line break gets one first, so that lines stay lines.
    const separator = existing === '' || /[\r\n]$/.test(existing) ? '' : '\n';
    const end = endOf(existing);
    changes.push({ kind: 'edit', path: redirect.file, edits: [{ range: { start: end, end }, newText: separator + redirect.line }] });
  } else if (usesRedirects(place.specsFolder, files) && path.dirname(redirect.file) !== place.specsFolder) {
    const start = { line: 0, character: 0 };
    changes.push(
      { kind: 'create', path: redirect.file },
      { kind: 'edit', path: redirect.file, edits: [{ range: { start, end: start }, newText: redirect.line }] },
    );
  }
  return { label, changes, result: to };
}

/** `specs/<release>/approved/x.rst` → `specs/<release>/implemented/x.rst`. */
export function moveToImplemented(specPath: string, files: RepoFiles, workspaceFolder?: string): RepoEdit {
  const place = placeOf(specPath, files, workspaceFolder);
  if (place.folders.length !== 1 || place.folders[0] !== 'approved') {
    throw new MoveError(
      `only a spec in specs/<release>/approved/ moves to implemented/ (this one is in ${relativeTo(place.specsFolder, path.dirname(specPath))})`,
    );
  }
  const folder = path.join(place.specsFolder, place.release, 'implemented');
  return moveSpec(specPath, folder, files, `Move ${place.fileName} to implemented`, workspaceFolder);
}

/** To `specs/<release>/approved/` (or `implemented/`, for an implemented spec). */
export function moveToRelease(specPath: string, release: string, files: RepoFiles, workspaceFolder?: string): RepoEdit {
  const place = placeOf(specPath, files, workspaceFolder);
  checkReleaseName(release);
  if (release === ABANDONED) return abandonSpec(specPath, files, workspaceFolder);
  const state = place.folders[0] === 'implemented' ? 'implemented' : 'approved';
  const folder = path.join(place.specsFolder, release, state);
  return moveSpec(specPath, folder, files, `Move ${place.fileName} to ${release}`, workspaceFolder);
}

/** To `specs/abandoned/`, as nova-specs' tools/abandon_spec.py does. */
export function abandonSpec(specPath: string, files: RepoFiles, workspaceFolder?: string): RepoEdit {
  const place = placeOf(specPath, files, workspaceFolder);
  if (place.release === ABANDONED) throw new MoveError(`${place.fileName} is already abandoned`);
  return moveSpec(specPath, path.join(place.specsFolder, ABANDONED), files, `Abandon ${place.fileName}`, workspaceFolder);
}

/** The spec-location quick fix: into `approved/` of its release (never published there: no redirect). */
export function moveIntoApproved(specPath: string, target: string): RepoEdit {
  return {
    label: `Move ${path.basename(specPath)} to ${path.basename(path.dirname(path.dirname(target)))}/approved`,
    changes: [{ kind: 'rename', from: specPath, to: target }],
    result: target,
  };
}

function checkReleaseName(release: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(release)) throw new MoveError(`'${release}' is not a release folder name`);
}

function relativeTo(specsFolder: string, filePath: string): string {
  return path.join('specs', path.relative(specsFolder, filePath));
}

/** The release folders of a repo, newest first (named and numbered releases, then backlog). */
export function releasesOf(specsFolder: string, files: LayoutFiles): string[] {
  const folders = files.list(specsFolder).filter((name) => !name.includes('.rst') && !name.startsWith('.') && name !== 'templates');
  const releases = folders
    .filter((name) => name !== 'backlog' && name !== ABANDONED)
    .sort(compareReleases)
    .reverse();
  return [...releases, ...folders.filter((name) => name === 'backlog'), ...folders.filter((name) => name === ABANDONED)];
}

/**
 * A copy of the spec in `specs/<release>/approved/` with a History row for that release
 * ("Re-proposed"), the original left where it is. `templateText`: the release's template, whose
 * own History table names the release ("2027.1 Indri").
 */
export function reproposeSpec(
  specPath: string,
  specText: string,
  release: string,
  files: RepoFiles,
  templateText: string | undefined,
  workspaceFolder?: string,
): RepoEdit {
  const place = placeOf(specPath, files, workspaceFolder);
  checkReleaseName(release);
  if (release === ABANDONED || release === 'backlog') throw new MoveError(`a spec is re-proposed to a release, not to ${release}`);
  const folder = path.join(place.specsFolder, release, 'approved');
  const to = path.join(folder, place.fileName);
  if (to === specPath) throw new MoveError(`${place.fileName} is already in ${relativeTo(place.specsFolder, folder)}`);
  if (files.list(folder).includes(place.fileName)) throw new MoveError(`${relativeTo(place.specsFolder, to)} already exists`);
  const name = (templateText !== undefined && lastHistoryRelease(parseSpec(templateText))) || releaseDisplayName(release);
  const text = withHistoryRow(specText, name, 'Re-proposed');
  const start = { line: 0, character: 0 };
  return {
    label: `Re-propose ${place.fileName} to ${release}`,
    changes: [
      { kind: 'create', path: to },
      { kind: 'edit', path: to, edits: [{ range: { start, end: start }, newText: text }] },
    ],
    result: to,
  };
}

/** `zed` → `Zed`; `2025.1` stays. */
function releaseDisplayName(release: string): string {
  return /^[a-z]/.test(release) ? release[0].toUpperCase() + release.slice(1) : release;
}

function historySection(doc: SpecDocument): Section | undefined {
  return doc.sections.find((section) => section.title === 'History');
}

/** The list-table of a History section: its rows' indent and the line after its last row. */
function historyTable(doc: SpecDocument, section: Section): { rowIndent: string; afterLast: number; firstCell: string } | undefined {
  const lines = doc.lines.map((line) => line.text);
  const child = section.children[0];
  const body = child ? (child.overlineLine >= 0 ? child.overlineLine : child.titleLine) : section.endLine;
  const directive = lines.findIndex((text, index) => index > section.underlineLine && index < body && /^\s*\.\. list-table::/.test(text));
  if (directive < 0) return undefined;
  const directiveIndent = /^\s*/.exec(lines[directive])![0].length;
  let afterLast = -1;
  let rowIndent: string | undefined;
  let firstCell = '';
  for (let index = directive + 1; index < body; index++) {
    const text = lines[index];
    if (text.trim() === '') continue;
    const indent = /^\s*/.exec(text)![0].length;
    if (indent <= directiveIndent) break;
    const row = /^(\s*)\* - ?(.*)$/.exec(text);
    if (row) {
      rowIndent ??= row[1];
      firstCell = row[2].trim();
    }
    afterLast = index + 1;
  }
  return rowIndent === undefined ? undefined : { rowIndent, afterLast, firstCell };
}

/** The release named in the last row of a template's History table (`2027.1 Indri`). */
export function lastHistoryRelease(template: SpecDocument): string | undefined {
  const section = historySection(template);
  const table = section && historyTable(template, section);
  return table?.firstCell || undefined;
}

/** The text with a row `<release> | <description>` at the end of its History table (a History section added when it has none). */
export function withHistoryRow(text: string, release: string, description: string): string {
  const doc = parseSpec(text);
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const section = historySection(doc);
  const table = section && historyTable(doc, section);
  const lines = text.split(/\r\n|\n/);
  if (table) {
    const row = [`${table.rowIndent}* - ${release}`, `${table.rowIndent}  - ${description}`];
    lines.splice(table.afterLast, 0, ...row);
    return lines.join(eol);
  }
  const added = [
    'History',
    '=======',
    '',
    '.. list-table:: Revisions',
    '   :header-rows: 1',
    '',
    '   * - Release Name',
    '     - Description',
    `   * - ${release}`,
    `     - ${description}`,
    '',
  ];
  const trimmed = text.replace(/(\r?\n)*$/, '');
  return `${trimmed}${eol}${eol}${added.join(eol)}`;
}
