import type { SpecDiagnostic } from '../engine';

/** One checked spec: how it is shown, and what remains to report on it. */
export interface FileReport {
  /** The path as shown: relative to the current folder (with `/`), absolute outside it, or `<stdin>`. */
  readonly path: string;
  readonly diagnostics: readonly SpecDiagnostic[];
  /** Problems that --fix repaired in this file (written, or shown as a diff). */
  readonly fixed: number;
  /** The template it was checked against, as shown (like `path`), or `bundled`. */
  readonly template?: string;
  /** The template sections it may leave out, and where that list came from. */
  readonly optionalSections?: OptionalSectionsReport;
}

export interface OptionalSectionsReport {
  readonly titles: readonly string[];
  /** The file the list was read from (the repo's `tests/test_titles.py`, a config file), as shown, or `default`. */
  readonly from: string;
}

export interface Report {
  readonly files: readonly FileReport[];
  readonly errors: number;
  readonly warnings: number;
  /** Files with at least one reported diagnostic. */
  readonly filesWithProblems: number;
  /** Problems repaired by --fix or --fix-dry-run, and in how many files; undefined without them. */
  readonly fixed?: { readonly problems: number; readonly files: number; readonly dryRun: boolean };
  readonly quiet: boolean;
}

export function buildReport(files: readonly FileReport[], quiet: boolean, fixing: boolean, dryRun = false): Report {
  let errors = 0;
  let warnings = 0;
  let filesWithProblems = 0;
  let fixedProblems = 0;
  let fixedFiles = 0;
  const shown = files.map((file) => {
    const diagnostics = quiet ? file.diagnostics.filter((d) => d.severity === 'error') : file.diagnostics;
    for (const d of diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
    }
    if (diagnostics.length > 0) filesWithProblems++;
    if (file.fixed > 0) {
      fixedProblems += file.fixed;
      fixedFiles++;
    }
    return diagnostics === file.diagnostics ? file : { ...file, diagnostics };
  });
  return {
    files: shown,
    errors,
    warnings,
    filesWithProblems,
    fixed: fixing ? { problems: fixedProblems, files: fixedFiles, dryRun } : undefined,
    quiet,
  };
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `N errors, N warnings in N files (N checked)`; errors only under --quiet. */
export function summaryLine(report: Report): string {
  const counts = report.quiet ? plural(report.errors, 'error') : `${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}`;
  return `${counts} in ${plural(report.filesWithProblems, 'file')} (${report.files.length} checked)`;
}

/** 1-based line and column of a diagnostic's start (the column counts UTF-16 code units, like LSP). */
export function lineColumn(d: SpecDiagnostic): { line: number; column: number } {
  return { line: d.range.start.line + 1, column: d.range.start.character + 1 };
}
