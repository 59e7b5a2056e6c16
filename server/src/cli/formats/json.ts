import type { Report } from '../report';

/** Every checked file with its diagnostics (0-based LSP ranges), and the counts. */
export function formatJson(report: Report): string {
  const output = {
    files: report.files.map((file) => ({
      path: file.path,
      ...(file.template !== undefined ? { template: file.template } : {}),
      ...(file.optionalSections ? { optionalSections: file.optionalSections } : {}),
      diagnostics: file.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })),
      ...(report.fixed ? { fixed: file.fixed } : {}),
    })),
    summary: {
      errors: report.errors,
      warnings: report.warnings,
      filesWithProblems: report.filesWithProblems,
      checked: report.files.length,
      ...(report.fixed ? { fixed: report.fixed.problems } : {}),
    },
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
