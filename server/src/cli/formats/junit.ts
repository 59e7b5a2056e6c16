import { lineColumn, plural, type Report } from '../report';

/**
 * JUnit XML, one test case per checked file: it fails when the file has an error or a warning,
 * with each diagnostic on a line of the failure's text; information and hints go to system-out.
 */
export function formatJunit(report: Report): string {
  const failing = report.files.filter((file) => file.diagnostics.some((d) => d.severity === 'error' || d.severity === 'warning'));
  const counts = `tests="${report.files.length}" failures="${failing.length}" errors="0"`;
  let output = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="rst-specs" ${counts}>\n`;
  output += `  <testsuite name="rst-specs" ${counts} skipped="0">\n`;
  for (const file of report.files) {
    const name = escapeXml(file.path);
    const lines = file.diagnostics.map((d) => {
      const { line, column } = lineColumn(d);
      return `${file.path}:${line}:${column}: ${d.severity} ${d.code} ${d.message}`;
    });
    if (lines.length === 0) {
      output += `    <testcase classname="rst-specs" name="${name}" file="${name}"/>\n`;
      continue;
    }
    output += `    <testcase classname="rst-specs" name="${name}" file="${name}">\n`;
    const errors = file.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = file.diagnostics.filter((d) => d.severity === 'warning').length;
    if (errors + warnings > 0) {
      const message = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
      output += `      <failure message="${message}" type="rst-specs">${escapeXml(lines.join('\n'))}</failure>\n`;
    } else {
      output += `      <system-out>${escapeXml(lines.join('\n'))}</system-out>\n`;
    }
    output += '    </testcase>\n';
  }
  return `${output}  </testsuite>\n</testsuites>\n`;
}

/** Escapes markup characters and drops characters XML 1.0 cannot hold (NUL, most controls, lone surrogates). */
export function escapeXml(text: string): string {
  return text
    .replace(
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    )
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
