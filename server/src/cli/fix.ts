import { chownSync, lstatSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { type Analysis, BINARY_FILE_CODE } from '../analyze';
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
export function fixSpec(text: string, analysis: Analysis, analyze: (text: string) => Analysis, options: EffectiveOptions, fileName?: string): FixResult {
  if (analysis.diagnostics.length === 0 || analysis.diagnostics.some((d) => d.code === BINARY_FILE_CODE)) {
    return { text, analysis, fixed: 0 };
  }
  const fixedBody = fixAllText(analysis.doc, analysis.template, {
    maxLineLength: options.maxLineLength,
    optionalSections: analysis.optionalSections ?? resolveOptionalSections(options.optionalSections),
    insertedSectionBody: 'none',
    engine: { ...engineOptions(options), fileName },
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

/**
 * Writes a fixed spec so that a failure leaves the file as it was: refuses a read-only file (even
 * to root), writes a temporary file beside it with the same mode (and owner, when allowed), then
 * renames it over the original. Follows a symbolic link to the file it names. Throws on failure.
 */
export function writeFileSafely(filePath: string, text: string): void {
  const target = lstatSync(filePath).isSymbolicLink() ? realpathSync(filePath) : filePath;
  const stat = statSync(target);
  if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
  if ((stat.mode & 0o222) === 0) throw Object.assign(new Error('the file is read-only'), { code: 'EACCES' });
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.rst-specs-${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, { mode: stat.mode & 0o7777, flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw error;
    // The folder is not writable but the file may be: write it in place.
    writeFileSync(target, text);
    return;
  }
  try {
    try {
      chownSync(temporary, stat.uid, stat.gid);
    } catch {
      // Only root may give a file away; others write files they own anyway.
    }
    renameSync(temporary, target);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Already gone.
    }
    throw error;
  }
}
