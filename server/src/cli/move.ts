// `rst-specs move` and `rst-specs repropose`: the editor's repo commands for scripts. The engine
// (repo/moves.ts) builds the edit; this applies it to disk, after checking that nothing it writes exists.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { parseArgs } from 'node:util';
import { applyEdits } from '../edit/text-edit';
import { abandonSpec, MoveError, moveToImplemented, moveToRelease, type RepoEdit, type RepoFiles, reproposeSpec } from '../repo/moves';
import { specPlace } from '../repo/layout';
import { locateTemplate } from '../template/locate';
import { nodeTemplateFiles } from '../template/load';

export const REPO_USAGE = `Usage: rst-specs move SPEC (--implemented | --release RELEASE | --abandon) [--dry-run]
       rst-specs repropose SPEC RELEASE [--dry-run]

move: moves the spec to specs/<release>/implemented/, to another release (its approved/ or
implemented/ folder) or to specs/abandoned/, and appends the redirect line to the redirects file
of its old release folder, as nova-specs' tools/move_spec.py does.
repropose: copies the spec to specs/RELEASE/approved/ with a "Re-proposed" row in its History
table, then checks the copy against that release's template (exit 1 when it fails).
--dry-run prints what would change and changes nothing.`;

interface RepoIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const toPosix = (file: string) => file.split(nodePath.sep).join('/');

const diskFiles: RepoFiles = {
  list: (folder) => nodeTemplateFiles.list(folder),
  read: (file) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
};

/** Runs `move` or `repropose`; `check` runs `rst-specs check` on the re-proposed copy. Returns the exit status. */
export function runRepoCommand(
  command: 'move' | 'repropose',
  args: readonly string[],
  io: RepoIo,
  check: (args: string[]) => number,
): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        implemented: { type: 'boolean' },
        abandon: { type: 'boolean' },
        release: { type: 'string' },
        'dry-run': { type: 'boolean', short: 'n' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${REPO_USAGE}\n`);
    return 0;
  }
  const [spec, release, ...extra] = positionals;
  if (!spec) return usage(io, `${command}: which spec?`);
  const specPath = toPosix(nodePath.resolve(io.cwd, spec));
  if (!existsSync(specPath)) return usage(io, `${spec}: no such file`);
  let edit: RepoEdit;
  try {
    if (command === 'move') {
      const chosen = [values.implemented, values.abandon, values.release !== undefined].filter(Boolean).length;
      if (chosen !== 1 || release !== undefined) return usage(io, 'move: give one of --implemented, --release RELEASE, --abandon');
      edit = values.implemented
        ? moveToImplemented(specPath, diskFiles)
        : values.abandon
          ? abandonSpec(specPath, diskFiles)
          : moveToRelease(specPath, values.release as string, diskFiles);
    } else {
      if (!release || extra.length > 0 || values.implemented || values.abandon || values.release !== undefined) {
        return usage(io, 'repropose: give the spec and the release, e.g. rst-specs repropose specs/2025.1/approved/x.rst 2025.2');
      }
      const text = diskFiles.read(specPath) ?? '';
      const place = specPlace(specPath, diskFiles);
      const target = place ? `${place.specsFolder}/${release}/approved/${place.fileName}` : specPath;
      const template = locateTemplate(target, undefined, undefined, nodeTemplateFiles);
      edit = reproposeSpec(specPath, text, release, diskFiles, template.kind === 'bundled' ? undefined : diskFiles.read(template.path));
    }
  } catch (error) {
    if (!(error instanceof MoveError)) throw error;
    io.stderr(`rst-specs: ${error.message}\n`);
    return 2;
  }
  const shown = (file: string) => toPosix(nodePath.relative(io.cwd, file)) || '.';
  if (values['dry-run']) {
    io.stdout(describe(edit, shown));
    return 0;
  }
  try {
    applyRepoEdit(edit);
  } catch (error) {
    io.stderr(`rst-specs: ${edit.label} failed: ${(error as Error).message}\n`);
    return 2;
  }
  io.stdout(describe(edit, shown));
  return command === 'repropose' ? check([shown(edit.result)]) : 0;
}

function usage(io: RepoIo, message: string): number {
  io.stderr(`rst-specs: ${message}\n${REPO_USAGE}\n`);
  return 2;
}

/** One line per change: what the edit does, in the order it does it. */
export function describe(edit: RepoEdit, shown: (file: string) => string): string {
  const lines = [`${edit.label}:`];
  for (const change of edit.changes) {
    if (change.kind === 'rename') lines.push(`  moved ${shown(change.from)} -> ${shown(change.to)}`);
    else if (change.kind === 'create') lines.push(`  created ${shown(change.path)}`);
    else if (!edit.changes.some((other) => other.kind === 'create' && other.path === change.path)) {
      for (const text of change.edits)
        lines.push(`  appended to ${shown(change.path)}: ${text.newText.replace(/\r?\n$/, '').replace(/\n/g, '\\n')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Applies the edit to disk: each destination checked first (nothing overwritten), then the changes in order. */
export function applyRepoEdit(edit: RepoEdit): void {
  for (const change of edit.changes) {
    const target = change.kind === 'rename' ? change.to : change.kind === 'create' ? change.path : undefined;
    if (target && existsSync(target)) throw new Error(`${target} already exists`);
  }
  const created = new Set<string>();
  for (const change of edit.changes) {
    if (change.kind === 'rename') {
      mkdirSync(nodePath.dirname(change.to), { recursive: true });
      renameSync(change.from, change.to);
    } else if (change.kind === 'create') {
      mkdirSync(nodePath.dirname(change.path), { recursive: true });
      writeFileSync(change.path, '', { flag: 'wx' });
      created.add(change.path);
    } else {
      const before = created.has(change.path) ? '' : readFileSync(change.path, 'utf8');
      writeFileSync(change.path, applyEdits(before, change.edits));
    }
  }
}
