import type { Palette } from '../color';
import { escapeControls } from '../escape';
import { lineColumn, plural, type Report, summaryLine } from '../report';

/** `path:line:col: severity rule-id message`, a blank line between files, then the summary. */
export function formatText(report: Report, colors: Palette): string {
  const groups: string[] = [];
  for (const file of report.files) {
    if (file.diagnostics.length === 0) continue;
    const shownPath = escapeControls(file.path);
    let group = '';
    for (const d of file.diagnostics) {
      const { line, column } = lineColumn(d);
      const severity =
        d.severity === 'error' ? colors.red(colors.bold('error'))
        : d.severity === 'warning' ? colors.yellow('warning')
        : d.severity === 'information' ? colors.blue('information')
        : colors.dim('hint');
      group += `${colors.bold(`${shownPath}:${line}:${column}:`)} ${severity} ${colors.dim(d.code)} ${escapeControls(d.message)}\n`;
    }
    groups.push(group);
  }
  let output = groups.join('\n');
  if (groups.length > 0) output += '\n';
  if (report.fixed && report.fixed.problems > 0) {
    output += `Fixed ${plural(report.fixed.problems, 'problem')} in ${plural(report.fixed.files, 'file')}.\n`;
  }
  if (report.quiet && report.errors === 0) return output;
  const summary = summaryLine(report);
  output += `${report.errors > 0 ? colors.red(colors.bold(summary)) : report.warnings > 0 ? colors.yellow(summary) : colors.green(summary)}\n`;
  return output;
}
