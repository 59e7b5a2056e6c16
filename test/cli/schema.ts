// The JSON schema of .rst-specs.json, its rules from the rule registry; the test compares the shipped
// schemas/rst-specs.schema.json with it. After adding a rule: npm run docs:rules (its rules);
// after changing another key: node --import tsx test/cli/schema.ts
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { schemaRuleProperties } from '../../scripts/rule-docs';
import { DEFAULT_MAX_LINE_LENGTH, DEFAULT_OPTIONAL_SECTIONS } from '../../server/src/engine';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../../server/src/spec-files';
import { repoRoot } from '../helpers';

export const SCHEMA_PATH = resolve(repoRoot, 'schemas', 'rst-specs.schema.json');

export function expectedSchema(): unknown {
  const rules = schemaRuleProperties();
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'rst-specs configuration (.rst-specs.json)',
    description:
      'How rst-specs checks the reStructuredText specs in this folder and below. Read by the rst-specs CLI and the VS Code extension; editor settings that you set override it.',
    type: 'object',
    additionalProperties: false,
    definitions: {
      severity: {
        type: 'string',
        enum: ['error', 'warning', 'information', 'hint', 'off'],
        enumDescriptions: ['Report as an error (exit status 1).', 'Report as a warning.', 'Report as information.', 'Report as a hint.', 'Do not check this rule.'],
      },
    },
    properties: {
      $schema: { type: 'string', description: 'The JSON schema of this file.' },
      template: {
        type: 'string',
        minLength: 1,
        description:
          'The template the specs follow: a path relative to this file, or absolute. Default: the nearest template.rst or <release>-template.rst, else the bundled Senlin template.',
      },
      include: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        default: DEFAULT_INCLUDE,
        description: 'Globs (relative to this file) of the .rst files that are specs, used when a folder is checked. Templates are never checked as specs.',
      },
      exclude: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        default: DEFAULT_EXCLUDE,
        description: 'Globs (relative to this file) of .rst files that are not specs.',
      },
      maxLineLength: {
        type: 'integer',
        minimum: 1,
        default: DEFAULT_MAX_LINE_LENGTH,
        description: 'The longest line allowed, in characters (the specs repos allow 79).',
      },
      rules: { type: 'object', description: 'Severity per rule id, or off.', properties: rules, additionalProperties: false, default: {} },
      optionalSections: {
        default: DEFAULT_OPTIONAL_SECTIONS,
        description:
          'Template section titles that a spec may leave out: one list, or lists by release folder or template file name, the most specific applying ("*" for the others), e.g. { "*": ["History", "Feature Liaison"], "queens": ["History", "Upgrade impact"] }. Default: what the repo\'s tests/test_titles.py makes optional, else ["History"].',
        oneOf: [
          { type: 'array', items: { type: 'string' } },
          {
            type: 'object',
            additionalProperties: { type: 'array', items: { type: 'string' } },
            defaultSnippets: [{ body: { '*': ['History'], '${1:release}': ['History', '$2'] } }],
          },
        ],
      },
      rest: {
        type: 'object',
        description: 'REST API advice (the rest-* rules).',
        additionalProperties: false,
        properties: {
          existingNames: {
            type: 'array',
            items: { type: 'string', minLength: 1, pattern: '^[^/]+$' },
            uniqueItems: true,
            description:
              'URL path names with underscores that the repository\'s API already has (e.g. "audit_template"): rest-url does not ask for hyphens in them. Names used in the REST API sections of the repository\'s other specs count without being listed.',
          },
        },
      },
      directives: {
        type: 'array',
        items: { type: 'string', pattern: '^[^\\s:]+(:[^\\s:]+)*$' },
        description:
          "Directive names the docs build knows besides docutils', Sphinx's and those of the extensions that doc/source/conf.py names (a custom extension's), so that rst-directive does not report them.",
      },
      roles: {
        type: 'array',
        items: { type: 'string', pattern: '^[^\\s:]+(:[^\\s:]+)*$' },
        description:
          "Interpreted text role names the docs build knows besides docutils', Sphinx's and those of the extensions that doc/source/conf.py names (a custom extension's), so that rst-role does not report them.",
      },
    },
  };
}

export function schemaText(): string {
  return `${JSON.stringify(expectedSchema(), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(SCHEMA_PATH, schemaText());
  console.log(`wrote ${SCHEMA_PATH}`);
}
