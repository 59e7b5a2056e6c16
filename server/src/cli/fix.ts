import {
  closeSync,
  fchmodSync,
  fchownSync,
  fstatSync,
  ftruncateSync,
  lstatSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import * as path from 'node:path';
import type { Analysis } from '../analyze';
import { BINARY_FILE_CODE } from '../diagnostic-codes';
import { type EffectiveOptions, engineOptions } from '../config';
import { fixAllText } from '../fixes/fix-all';
import { resolveOptionalSections } from '../template/optional';

export interface FixResult {
  /** The fixed text (the same string when nothing was fixed). */
  readonly text: string;
  /** The analysis of the fixed text. */
  readonly analysis: Analysis;
  /** Problems that were there before and are gone after. */
  readonly fixed: number;
}

/**
 * Applies every safe fix (the language server's fix-all, in as many rounds as it takes) and checks
 * the result again. The BOM stays; line endings stay, except when the carriage-return rule is on
 * and its fix (LF line endings) is among those applied.
 */
export function fixSpec(text: string, analysis: Analysis, analyze: (text: string) => Analysis, options: EffectiveOptions): FixResult {
  if (analysis.diagnostics.length === 0 || analysis.diagnostics.some((d) => d.code === BINARY_FILE_CODE)) {
    return { text, analysis, fixed: 0 };
  }
  const fixedBody = fixAllText(analysis.doc, analysis.template, {
    maxLineLength: options.maxLineLength,
    optionalSections: analysis.optionalSections ?? resolveOptionalSections(options.optionalSections),
    insertedSectionBody: 'none',
    engine: analysis.options ?? engineOptions(options),
  });
  if (fixedBody === analysis.doc.text) return { text, analysis, fixed: 0 };
  const fixed = (analysis.doc.hasBom ? '\uFEFF' : '') + fixedBody;
  const after = analyze(fixed);
  return { text: fixed, analysis: after, fixed: countGone(analysis, after) };
}

/** Per rule, how many fewer problems there are after: what the fixes removed. */
function countGone(before: Analysis, after: Analysis): number {
  const counts = new Map<string, number>();
  for (const d of before.diagnostics) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  for (const d of after.diagnostics) counts.set(d.code, (counts.get(d.code) ?? 0) - 1);
  let gone = 0;
  for (const count of counts.values()) gone += Math.max(0, count);
  return gone;
}

/** The file changed on disk after it was read for checking: the fixes are not written over it. */
export class FileChangedError extends Error {
  constructor() {
    super('it changed while it was checked');
  }
}

/**
 * Writes a fixed spec so that a failure leaves the file as it was, and the file stays the same file:
 * its mode (special bits too), owner, group and hard links. Refuses a read-only file (even to
 * root), and a file whose bytes are no longer `original` (edited meanwhile: FileChangedError).
 * Where a new file can keep all of that (one link, mode and owner reproduced), it writes a
 * temporary file beside it and renames it over the original, so a crash never leaves half a file;
 * else (hard links, another owner, a folder it may not write) it writes into the file itself and,
 * should that fail, writes the original bytes back. Follows a symbolic link. Throws on failure.
 */
export function writeFileSafely(filePath: string, text: string, original?: Uint8Array): void {
  const target = lstatSync(filePath).isSymbolicLink() ? realpathSync(filePath) : filePath;
  const stat = statSync(target);
  if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
  if ((stat.mode & 0o222) === 0) throw Object.assign(new Error('the file is read-only'), { code: 'EACCES' });
  const data = Buffer.from(text, 'utf8');
  if (stat.nlink > 1) return writeInto(target, data, original);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.rst-specs-${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(temporary, 'wx', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') throw error;
    return writeInto(target, data, original);
  }
  let kept: boolean;
  try {
    try {
      writeAll(fd, data);
      try {
        fchownSync(fd, stat.uid, stat.gid);
      } catch {
        // Only root may give a file away: checked below.
      }
      // After the chown (which clears set-user-id and set-group-id), and not through umask.
      fchmodSync(fd, stat.mode & 0o7777);
      const written = fstatSync(fd);
      kept = written.uid === stat.uid && written.gid === stat.gid && (written.mode & 0o7777) === (stat.mode & 0o7777);
    } finally {
      closeSync(fd);
    }
    if (kept) {
      assertUnchanged(readFileSync(target), original);
      renameSync(temporary, target);
      return;
    }
  } catch (error) {
    removeQuietly(temporary);
    throw error;
  }
  // A new file would change the owner, group or mode: write into the file instead.
  removeQuietly(temporary);
  writeInto(target, data, original);
}

/** Writes `data` into the file itself (same inode); on a failure, writes back what was there. */
function writeInto(target: string, data: Buffer, original: Uint8Array | undefined): void {
  const fd = openSync(target, 'r+');
  try {
    const before = readFileSync(fd);
    assertUnchanged(before, original);
    try {
      writeAll(fd, data);
      ftruncateSync(fd, data.length);
    } catch (error) {
      try {
        writeAll(fd, before);
        ftruncateSync(fd, before.length);
      } catch {
        // Nothing more can be done: the first error says why.
      }
      throw error;
    }
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, data: Uint8Array): void {
  for (let done = 0; done < data.length;) done += writeSync(fd, data, done, data.length - done, done);
}

function assertUnchanged(current: Uint8Array, original: Uint8Array | undefined): void {
  if (original && !Buffer.from(current.buffer, current.byteOffset, current.length).equals(original)) throw new FileChangedError();
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone.
  }
}
