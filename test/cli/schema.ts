// The JSON schema of .rst-specs.json, built from the options model and the rule registry; the test compares the shipped
// schemas/rst-specs.schema.json with it. After adding a rule: npm run docs:rules (the rules' part);
// after changing an option, rewrite the file: node --import tsx test/cli/schema.ts
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { schemaRuleProperties } from '../../scripts/rule-docs';
import { CONFIG_KEYS, configSchemaProperties } from '../../server/src/options';
import { repoRoot } from '../helpers';

export const SCHEMA_PATH = resolve(repoRoot, 'schemas', 'rst-specs.schema.json');

export function expectedSchema(): unknown {
  const rules = schemaRuleProperties();
  // The options' entries come from their declarations (server/src/options.ts); `rules` from the registry.
  const options = configSchemaProperties();
  const rulesEntry = {
    type: 'object',
    description: 'Severity per rule id, or off.',
    properties: rules,
    additionalProperties: false,
    default: {},
  };
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
        enumDescriptions: [
          'Report as an error (exit status 1).',
          'Report as a warning.',
          'Report as information.',
          'Report as a hint.',
          'Do not check this rule.',
        ],
      },
    },
    properties: {
      $schema: { type: 'string', description: 'The JSON schema of this file.' },
      ...Object.fromEntries(CONFIG_KEYS.map((key) => [key, key === 'rules' ? rulesEntry : options[key]])),
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
