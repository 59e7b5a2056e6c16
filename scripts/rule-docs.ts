// The files generated from the rule registry (server/src/rules: id, default severity, description,
// fixes): the rule table of README.md and of docs/rules/README.md (between their markers), and the
// per-rule severity settings of schemas/rst-specs.schema.json and package.json (`rstSpecs.rules`).
// `npm run docs:rules` rewrites them; `npm run docs:rules -- --check` (and test/rules/registry.test.ts)
// fails when one is stale. The other keys of the schema and package.json are not touched here.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sarifRules } from '../server/src/cli/formats/sarif';
import { allRules } from '../server/src/rules';
import type { Rule } from '../server/src/rules/rule';

export const repoRoot = resolve(__dirname, '..');

export const SEVERITY_SETTINGS = ['error', 'warning', 'information', 'hint', 'off'];

const START = '<!-- rule table: generated from the rule registry by `npm run docs:rules`; do not edit -->';
const END = '<!-- end of the rule table -->';

/** How a rule's findings are fixed, for the tables. */
function fixColumn(rule: Rule): string {
  if (!rule.fixes?.length) return '';
  return rule.fixes.some((fix) => fix.fixAll) ? 'quick fix, fix-all' : 'quick fix';
}

/** Every code with a settable severity: the rules, then the analyzer's codes (template, binary-file, encoding). */
function codes(): { id: string; description: string; severity: string; fix: string }[] {
  const rules = new Map(allRules.map((rule) => [rule.id, rule]));
  return sarifRules().map(({ id, description, severity }) => {
    const rule = rules.get(id);
    return { id, description, severity, fix: rule ? fixColumn(rule) : '' };
  });
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The one code whose severity is not set (lsp/diagnostics-cap.ts): a row of its own in README.md. */
const TOO_MANY_ROW =
  '| [`too-many-problems`](docs/rules/too-many-problems.md) | the worst it counts | | In the editor: more than 1,000 problems in one spec; the 1,000 most severe are shown, this one counts the rest. |';

function readmeTable(): string {
  const rows = codes().map(
    (code) => `| [\`${code.id}\`](docs/rules/${code.id}.md) | ${code.severity} | ${code.fix} | ${cell(code.description)} |`,
  );
  return ['| rule | default | fix | reports |', '|---|---|---|---|', ...rows, TOO_MANY_ROW].join('\n');
}

function docsTable(): string {
  const rows = allRules.map(
    (rule) => `| [${rule.id}](${rule.id}.md) | ${rule.defaultSeverity} | ${fixColumn(rule)} | ${cell(rule.description)} |`,
  );
  return ['| Rule | Default severity | Fix | Reports |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** `text` with the part between the markers replaced by `table`. */
function replaceRegion(text: string, table: string, file: string): string {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file}: the rule table's markers are missing`);
  return `${text.slice(0, start)}${START}\n${table}\n${text.slice(end)}`;
}

/** The `rules` properties of the JSON schema of .rst-specs.json. */
export function schemaRuleProperties(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const code of codes())
    properties[code.id] = { $ref: '#/definitions/severity', description: `${code.description} Default: ${code.severity}.` };
  return properties;
}

/** The properties of the `rstSpecs.rules` setting: one per rule id, so that the Settings UI and settings.json offer them. */
export function settingRuleProperties(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const code of codes()) {
    properties[code.id] = { type: 'string', enum: SEVERITY_SETTINGS, description: `${code.description} Default: ${code.severity}.` };
  }
  return properties;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Each generated file's path (from the repository's root) and the text it should have. */
export function generatedFiles(): { path: string; text: string }[] {
  const read = (path: string) => readFileSync(resolve(repoRoot, path), 'utf8');
  const schema = JSON.parse(read('schemas/rst-specs.schema.json'));
  schema.properties.rules.properties = schemaRuleProperties();
  const manifest = JSON.parse(read('package.json'));
  manifest.contributes.configuration.properties['rstSpecs.rules'].properties = settingRuleProperties();
  return [
    { path: 'README.md', text: replaceRegion(read('README.md'), readmeTable(), 'README.md') },
    { path: 'docs/rules/README.md', text: replaceRegion(read('docs/rules/README.md'), docsTable(), 'docs/rules/README.md') },
    { path: 'schemas/rst-specs.schema.json', text: json(schema) },
    { path: 'package.json', text: json(manifest) },
  ];
}

/** The generated files that differ from what is on disk. */
export function staleFiles(): string[] {
  return generatedFiles()
    .filter(({ path, text }) => readFileSync(resolve(repoRoot, path), 'utf8') !== text)
    .map(({ path }) => path);
}

if (require.main === module) {
  if (process.argv.includes('--check')) {
    const stale = staleFiles();
    if (stale.length > 0) {
      console.error(`out of date (run npm run docs:rules): ${stale.join(', ')}`);
      process.exit(1);
    }
  } else {
    for (const { path, text } of generatedFiles()) writeFileSync(resolve(repoRoot, path), text);
    console.log(`wrote the rule tables and settings of ${allRules.length} rules`);
  }
}
