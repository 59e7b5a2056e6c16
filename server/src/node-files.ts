// How the CLI and the language server read files from disk: only regular files, at most
// MAX_FILE_BYTES, and every failure as one short reason (no stack trace). A spec or template
// that is a link to /dev/zero, a pipe or a 1 GB file is refused before a byte is read.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { isWithin, normalisePath } from './paths';

/** The largest spec, template or config file read: far above any spec (the largest known is ~100 KB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** A file that cannot be read, and why (`reason` is short: "permission denied", "larger than 20 MB"). */
export class FileProblem extends Error {
  constructor(
    readonly filePath: string,
    readonly reason: string,
  ) {
    super(`${filePath}: ${reason}`);
  }
}

/** A file-system error as a short reason. */
export function describeFsError(error: unknown): string {
  if (error instanceof FileProblem) return error.reason;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of its path is not a folder';
    case 'ELOOP':
      return 'a loop of symbolic links';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'EIO':
      return 'input/output error';
    case 'EROFS':
      return 'read-only file system';
    case undefined:
      return error instanceof Error ? error.message : String(error);
    default:
      return code;
  }
}

/** Why a file of this kind is not read, or undefined for a regular file within the limit. */
function refusal(stat: { isFile(): boolean; isDirectory(): boolean; size: number }, limit: number): string | undefined {
  if (stat.isDirectory()) return 'it is a folder';
  if (!stat.isFile()) return 'not a regular file (a device, pipe or socket), so it was not read';
  if (stat.size > limit) return `larger than ${limit / 1024 / 1024} MB (${(stat.size / 1024 / 1024).toFixed(1)} MB), so it was not read`;
  return undefined;
}

/** A regular file's bytes; throws FileProblem for anything else, or beyond `limit` bytes. */
export function readRegularFile(filePath: string, limit = MAX_FILE_BYTES): Buffer {
  let descriptor: number;
  try {
    const why = refusal(statSync(filePath), limit);
    if (why) throw new FileProblem(filePath, why);
    // Non-blocking: a pipe swapped in after the stat must not stall the read (no effect on regular files).
    descriptor = openSync(filePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw error instanceof FileProblem ? error : new FileProblem(filePath, describeFsError(error));
  }
  try {
    const stat = fstatSync(descriptor);
    const why = refusal(stat, limit);
    if (why) throw new FileProblem(filePath, why);
    const buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (let read = 1; read > 0 && length < buffer.length; length += read)
      read = readSync(descriptor, buffer, length, buffer.length - length, null);
    // A file that grew past its stat is read again next time; it is never read without bound.
    if (length > limit) throw new FileProblem(filePath, `larger than ${limit / 1024 / 1024} MB, so it was not read`);
    return buffer.subarray(0, length);
  } catch (error) {
    throw error instanceof FileProblem ? error : new FileProblem(filePath, describeFsError(error));
  } finally {
    closeSync(descriptor);
  }
}

/** The same as readRegularFile, without blocking the event loop (the language server's reads of files not open). */
export async function readRegularFileAsync(filePath: string, limit = MAX_FILE_BYTES): Promise<Buffer> {
  // Loaded when first needed, not at start-up.
  const { open, stat } = await import('node:fs/promises');
  try {
    const why = refusal(await stat(filePath), limit);
    if (why) throw new FileProblem(filePath, why);
    const handle = await open(filePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const after = await handle.stat();
      const again = refusal(after, limit);
      if (again) throw new FileProblem(filePath, again);
      const buffer = Buffer.allocUnsafe(after.size);
      let length = 0;
      for (let read = 1; read > 0 && length < buffer.length; length += read) {
        read = (await handle.read(buffer, length, buffer.length - length, null)).bytesRead;
      }
      return buffer.subarray(0, length);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw error instanceof FileProblem ? error : new FileProblem(filePath, describeFsError(error));
  }
}

/** The real path (links resolved) in the one form; undefined when it cannot be resolved. */
export function realPathOf(filePath: string): string | undefined {
  try {
    return normalisePath(realpathSync(filePath));
  } catch {
    return undefined;
  }
}

/** Why a path's links cannot be resolved (a loop, a dangling link, a folder that cannot be read). */
export function unresolvedReason(filePath: string): string {
  try {
    realpathSync(filePath);
    return 'cannot be resolved';
  } catch (error) {
    return describeFsError(error);
  }
}

/** Whether the file's real path is inside the real path of `folder` (false when either cannot be resolved). */
export function isReallyWithin(filePath: string, folder: string): boolean {
  const file = realPathOf(filePath);
  const root = realPathOf(folder);
  return file !== undefined && root !== undefined && isWithin(file, root);
}
