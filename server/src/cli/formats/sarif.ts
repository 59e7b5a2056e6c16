import { BINARY_FILE_CODE, ENCODING_CODE, TEMPLATE_PROBLEM_CODE } from '../../diagnostic-codes';
import type { Severity } from '../../rules/rule';
import { allRules } from '../../rules';
import type { Report } from '../report';
import { ruleHelp } from '../rule-docs';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** Every rule a result may name: the engine's, and the analyzer's template and binary-file codes (also the schema's list). */
export function sarifRules(): { id: string; description: string; severity: Severity }[] {
  return [
    ...allRules.map((rule) => ({ id: rule.id, description: rule.description, severity: rule.defaultSeverity })),
    { id: TEMPLATE_PROBLEM_CODE, description: "The spec's template could not be used, so the bundled template was.", severity: 'warning' },
    { id: BINARY_FILE_CODE, description: 'The file holds NUL bytes: a binary file, not reStructuredText.', severity: 'error' },
    {
      id: ENCODING_CODE,
      description: "The file is not valid UTF-8, which docutils and the specs repos' tests require.",
      severity: 'error',
    },
  ];
}

/** A relative path as a URI reference (each segment percent-encoded); an absolute one as a file: URI. */
export function pathToUri(path: string): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  if (path.startsWith('/')) return `file://${encoded}`;
  if (/^[A-Za-z]:/.test(path)) return `file:///${path[0]}:${encoded.slice(encoded.indexOf('/'))}`;
  return encoded;
}

/** SARIF 2.1.0: one run, the rules with their help (the doc pages), one result per diagnostic with its region. */
export function formatSarif(report: Report, version: string): string {
  const rules = sarifRules();
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = [];
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      results.push({
        ruleId: d.code,
        ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code) } : {}),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: pathToUri(file.path) },
              region: {
                startLine: d.range.start.line + 1,
                startColumn: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
              },
            },
          },
        ],
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'rst-specs',
            version,
            // No helpUri: the pages have no public address yet (a relative one resolves against
            // the scanned repository); help carries the whole page instead.
            rules: rules.map((rule) => {
              const help = ruleHelp(rule.id);
              return {
                id: rule.id,
                name: rule.id,
                shortDescription: { text: rule.description },
                ...(help
                  ? { fullDescription: { text: help.summary || rule.description }, help: { text: help.text, markdown: help.markdown } }
                  : {}),
                defaultConfiguration: { level: LEVEL[rule.severity] },
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        artifacts: report.files.map((file) => ({ location: { uri: pathToUri(file.path) } })),
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
