import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildTemplate, type Template } from '../server/src/template/model';
import { type EngineOptions, type SpecDiagnostic, validateText } from '../server/src/engine';
import { BUNDLED_TEMPLATE_PATH } from '../server/src/bundled-template';

export const repoRoot = resolve(__dirname, '..');
export const sharedRoot = resolve(repoRoot, '..', 'shared');
export const corpusRoot = resolve(sharedRoot, 'corpus');
export const hasCorpus = existsSync(resolve(corpusRoot, 'MANIFEST.tsv'));

let bundled: Template | undefined;
export function bundledTemplate(): Template {
  bundled ??= buildTemplate(readFileSync(BUNDLED_TEMPLATE_PATH, 'utf8'), 'bundled');
  return bundled;
}

export function fixture(name: string): string {
  return readFileSync(resolve(repoRoot, 'test', 'fixtures', name), 'utf8');
}

export const cleanSpec = (): string => fixture('specs/clean-spec.rst');

export function check(text: string, options: EngineOptions = {}, template = bundledTemplate()): SpecDiagnostic[] {
  return validateText(text, template, options);
}

/** The diagnostics of one rule, as plain objects that deepStrictEqual compares exactly. */
export function checkRule(code: string, text: string, options: EngineOptions = {}, template?: Template) {
  return check(text, options, template)
    .filter((diagnostic) => diagnostic.code === code)
    .map(({ code: id, severity, message, range, data }) => ({ code: id, severity, message, range, ...(data ? { data } : {}) }));
}

/** 0-based number of the first line that equals `content`. */
export function lineOf(text: string, content: string, after = 0): number {
  const index = text.split('\n').findIndex((line, number) => number >= after && line === content);
  if (index < 0) throw new Error(`no line '${content}'`);
  return index;
}

export function range(line: number, start: number, endLine: number, end: number) {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

/** The range of a whole title on its line. */
export function titleRange(text: string, title: string) {
  const line = lineOf(text, title);
  return range(line, 0, line, title.length);
}

/** Removes the lines from the one equal to `from` up to (not including) the one equal to `to`. */
export function removeLines(text: string, from: string, to: string): string {
  const lines = text.split('\n');
  const start = lineOf(text, from);
  const end = lineOf(text, to, start + 1);
  lines.splice(start, end - start);
  return lines.join('\n');
}

export function replaceLine(text: string, from: string, to: string): string {
  const lines = text.split('\n');
  lines[lineOf(text, from)] = to;
  return lines.join('\n');
}

/** Whether python3 with docutils is there, for the differential tests against docutils. */
export function docutilsAvailable(): boolean {
  try {
    execFileSync('python3', ['-c', 'import docutils'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Every `.rst` file below a folder, in sorted order, depth first (the corpus and repo tests read them at run time). */
export function rstFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) rstFiles(path, out);
    else if (name.endsWith('.rst')) out.push(path);
  }
  return out;
}
