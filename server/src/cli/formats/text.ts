import type { Palette } from '../color';
import { escapeControls } from '../escape';
import { type FileReport, lineColumn, plural, type Report, summaryLine } from '../report';

/**
 * `path:line:col: severity rule-id message`, a blank line between files, then the summary. With
 * `verbose`, each file (also a clean one) starts with a line that names its template and optional sections.
 */
export function formatText(report: Report, colors: Palette, verbose = false): string {
  const groups: string[] = [];
  for (const file of report.files) {
    if (file.diagnostics.length === 0 && !verbose) continue;
    const shownPath = escapeControls(file.path);
    let group = verbose ? `${colors.dim(describeFile(file))}\n` : '';
    for (const d of file.diagnostics) {
      const { line, column } = lineColumn(d);
      const severity =
        d.severity === 'error'
          ? colors.red(colors.bold('error'))
          : d.severity === 'warning'
            ? colors.yellow('warning')
            : d.severity === 'information'
              ? colors.blue('information')
              : colors.dim('hint');
      group += `${colors.bold(`${shownPath}:${line}:${column}:`)} ${severity} ${colors.dim(d.code)} ${escapeControls(d.message)}\n`;
    }
    groups.push(group);
  }
  let output = groups.join('\n');
  if (groups.length > 0) output += '\n';
  const fixes =
    report.fixed && report.fixed.problems > 0
      ? `${plural(report.fixed.problems, 'problem')} in ${plural(report.fixed.files, 'file')}.\n`
      : undefined;
  if (fixes && !report.fixed?.dryRun) output += `Fixed ${fixes}`;
  if (!report.quiet || report.errors > 0) {
    const summary = summaryLine(report);
    output += `${report.errors > 0 ? colors.red(colors.bold(summary)) : report.warnings > 0 ? colors.yellow(summary) : colors.green(summary)}\n`;
  }
  // --fix-dry-run writes nothing: its last line says what --fix would do.
  if (fixes && report.fixed?.dryRun) output += `Would fix ${fixes}`;
  return output;
}

/** `path: template T; optional sections A, B (from F)`: why a spec got its diagnostics. */
function describeFile(file: FileReport): string {
  const optional = file.optionalSections;
  const titles = optional && optional.titles.length > 0 ? optional.titles.join(', ') : 'none';
  const from = optional ? ` (from ${optional.from})` : '';
  return escapeControls(`${file.path}: template ${file.template ?? 'bundled'}; optional sections ${titles}${from}`);
}
