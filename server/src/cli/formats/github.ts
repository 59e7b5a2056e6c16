import type { SpecDiagnostic } from '../../engine';
import { escapeControls } from '../escape';
import { lineColumn, type Report, summaryLine } from '../report';

const COMMAND: Record<SpecDiagnostic['severity'], string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=rule-id::message`, then the summary. */
export function formatGithub(report: Report): string {
  let output = '';
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      const { line, column } = lineColumn(d);
      const properties = `file=${escapeProperty(file.path)},line=${line},col=${column},title=${escapeProperty(d.code)}`;
      output += `::${COMMAND[d.severity]} ${properties}::${escapeData(d.message)}\n`;
    }
  }
  return `${output}${summaryLine(report)}\n`;
}

/** As @actions/core escapes a command's message; other control characters shown, not sent (../escape.ts). */
export function escapeData(text: string): string {
  return escapeControls(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** As @actions/core escapes a command's property values. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
