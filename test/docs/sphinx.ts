// Runs ../shared/rst-fixtures/tools/sphinx_gate.py (Debian's Sphinx 5.3) on spec files, and puts
// its warnings and rst-specs' findings of the docs-gate rules in one comparable form.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { SpecDiagnostic } from '../../server/src/engine';

export const PYTHON = '/usr/bin/python3';
export const GATE = '../shared/rst-fixtures/tools/sphinx_gate.py';

/** Why the Sphinx comparison can't run here, or '' when it can. */
export function sphinxMissing(): string {
  if (!existsSync(PYTHON) || !existsSync(GATE)) return `${PYTHON} or ${GATE} is missing`;
  const probe = spawnSync(PYTHON, ['-c', 'import sphinx, docutils'], { encoding: 'utf8' });
  return probe.status === 0 ? '' : 'python3-sphinx is not installed';
}

export interface GateFile {
  readonly path: string;
  readonly warnings: readonly { line: number | null; level: string; message: string }[];
}

export function runGate(files: readonly string[], profile: string): GateFile[] {
  const result = spawnSync(PYTHON, [GATE, '-j', '2', '--profile', profile, ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.status !== 0) throw new Error(`sphinx_gate.py failed: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { files: GateFile[] }).files;
}

/** The messages of the inline, reference, directive and role rules (docutils' and Sphinx's words). */
const FAMILY =
  /^(Inline .* start-string without end-string\.|Unknown target name|Duplicate (explicit )?target name|Anonymous hyperlink mismatch|Too many (autonumbered|symbol) footnote|Undefined substitution|citation not found|Unknown directive type|Unknown interpreted text role|Error in "|Content block expected|Mismatch: both interpreted|Multiple roles in interpreted|Indirect hyperlink target|invalid line number spec|line number spec is out of range)/;

export interface Entry {
  readonly line: number | null;
  readonly message: string;
}

/** A Sphinx warning of the family (its first line; "Error in" joined to its detail), or null. */
export function sphinxEntry(w: { line: number | null; message: string }): Entry | null {
  const lines = w.message.split('\n');
  if (!FAMILY.test(lines[0])) return null;
  // an id docutils numbered from its counter of ids (rst-reference leaves it out: see its page)
  const first = lines[0].replace(/\(id="id\d+"\)/, '');
  // "Error in" words its detail on the next lines, up to a blank line and the directive's text
  const detail = w.message.split('\n\n')[0].split('\n').slice(1).join(' ');
  return { line: w.line || null, message: first.startsWith('Error in "') ? `${first} ${detail}`.trimEnd() : first };
}

export function findingEntry(d: SpecDiagnostic): Entry {
  const line = typeof d.data?.docutilsLine === 'number' ? d.data.docutilsLine : d.range.start.line + 1;
  return { line, message: d.message.replace(/ Did you mean `[^`]*`\?$/, '') };
}

/**
 * What one side has that the other lacks, as `line message`. Lines must agree, except where docutils
 * gives none: the anonymous mismatch, a reference in a line block (no line on its node), and a
 * duplicate target that an embedded URI makes (the target node's line is not the reference's).
 */
export function compare(sphinx: readonly Entry[], ours: readonly Entry[]): { missing: string[]; extra: string[] } {
  const key = (e: Entry) => `${e.line} ${e.message}`;
  const left = ours.map(key);
  const missing: string[] = [];
  const loose: Entry[] = [];
  for (const e of sphinx) {
    const i = left.indexOf(key(e));
    if (i >= 0) left.splice(i, 1);
    else loose.push(e);
  }
  for (const e of loose) {
    const lineless = e.line === null || e.message.startsWith('Duplicate explicit') || e.message.startsWith('Anonymous');
    const i = lineless ? left.findIndex((k) => k.slice(k.indexOf(' ') + 1) === e.message) : -1;
    if (i >= 0) left.splice(i, 1);
    else missing.push(key(e));
  }
  return { missing, extra: left };
}
