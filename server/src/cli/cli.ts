import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Analyzer } from '../analyze';
import type { SpecDiagnostic } from '../engine';
import { isTemplateFile } from '../template/locate';
import { DEFAULT_EXCLUDE, globToRegExp } from '../spec-files';

export const USAGE = `Usage: rst-specs check [--template FILE] [--format text|json] PATH...

Checks reStructuredText specs against their template. PATH is a spec file or a folder
(every *.rst below it, except templates, index.rst and README.rst).

Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable input.`;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
}

interface CheckedFile {
  readonly path: string;
  readonly diagnostics: readonly SpecDiagnostic[];
}

export function runCli(args: readonly string[], io: CliIo): number {
  const parsed = parseArguments(args);
  if ('error' in parsed) {
    io.stderr(`rst-specs: ${parsed.error}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const analyzer = new Analyzer();
  const templatePath = parsed.template ? resolve(io.cwd, parsed.template) : undefined;
  if (templatePath) {
    const { problem } = analyzer.templateFor({ templatePath });
    if (problem) {
      io.stderr(`rst-specs: ${problem}\n`);
      return 2;
    }
  }
  let unreadable = false;
  const checked: CheckedFile[] = [];
  for (const given of parsed.paths) {
    const absolute = resolve(io.cwd, given);
    let files: string[];
    try {
      files = statSync(absolute).isDirectory()
        ? specsBelow(absolute).map((file) => join(given, file.slice(absolute.length + 1)))
        : [given];
    } catch {
      io.stderr(`rst-specs: ${given}: no such file or folder\n`);
      unreadable = true;
      continue;
    }
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(resolve(io.cwd, file), 'utf8');
      } catch (error) {
        io.stderr(`rst-specs: ${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? error})\n`);
        unreadable = true;
        continue;
      }
      const filePath = resolve(io.cwd, file);
      const analysis = analyzer.analyze({ text, filePath, workspaceFolder: io.cwd, templatePath });
      checked.push({ path: file, diagnostics: analysis.diagnostics });
    }
  }
  io.stdout(parsed.format === 'json' ? formatJson(checked) : formatText(checked));
  if (unreadable) return 2;
  return checked.some((file) => file.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

function parseArguments(args: readonly string[]):
  | { error: string }
  | { help: boolean; template?: string; format: 'text' | 'json'; paths: string[] } {
  if (args.includes('--help') || args.includes('-h')) return { help: true, format: 'text', paths: [] };
  const [command, ...rest] = args;
  if (command !== 'check') return { error: command ? `unknown command '${command}'` : 'no command given' };
  let template: string | undefined;
  let format: 'text' | 'json' = 'text';
  const paths: string[] = [];
  for (let index = 0; index < rest.length; index++) {
    const arg = rest[index];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--template' || flag === '--format') {
      const value = inline ?? rest[++index];
      if (value === undefined) return { error: `${flag} needs a value` };
      if (flag === '--template') template = value;
      else if (value === 'text' || value === 'json') format = value;
      else return { error: `--format must be text or json, not '${value}'` };
    } else if (arg.startsWith('-') && arg !== '-') return { error: `unknown option '${arg}'` };
    else paths.push(arg);
  }
  if (paths.length === 0) return { error: 'no PATH given' };
  return { help: false, template, format, paths };
}

function specsBelow(folder: string): string[] {
  const found: string[] = [];
  const excluded = DEFAULT_EXCLUDE.map(globToRegExp);
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(path);
      } else if (entry.name.endsWith('.rst') && !isTemplateFile(path) && !excluded.some((glob) => glob.test(entry.name))) {
        found.push(path);
      }
    }
  };
  walk(folder);
  return found;
}

function formatText(files: readonly CheckedFile[]): string {
  let output = '';
  let errors = 0;
  let warnings = 0;
  let withProblems = 0;
  for (const file of files) {
    if (file.diagnostics.length > 0) withProblems++;
    for (const d of file.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      output += `${file.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${d.message}\n`;
    }
  }
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${output}${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(withProblems, 'file')} (${files.length} checked)\n`;
}

function formatJson(files: readonly CheckedFile[]): string {
  const report = {
    files: files.map((file) => ({
      path: file.path,
      diagnostics: file.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })),
    })),
  };
  return `${JSON.stringify(report)}\n`;
}
