// The `rstSpecs.*` settings in package.json: each option's entry written from its declaration
// (server/src/options.ts), and `rstSpecs.rules` built from the rule registry: one property per rule
// id with its severities, so that the Settings UI offers every rule id in a dropdown (and its
// severity in another) and settings.json completes rule ids. The test compares package.json with
// them. After adding a rule, changing a default severity or an option, rewrite package.json:
//   node --import tsx test/client/settings-manifest.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sarifRules } from '../../server/src/cli/formats/sarif';
import { settingsManifest } from '../../server/src/options';
import { repoRoot } from '../helpers';

export const MANIFEST_PATH = resolve(repoRoot, 'package.json');

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];

export function expectedRulesSetting(): unknown {
  const properties: Record<string, unknown> = {};
  for (const rule of sarifRules()) {
    properties[rule.id] = {
      type: 'string',
      enum: SEVERITIES,
      description: `${rule.description} Default: ${rule.severity}.`,
    };
  }
  return {
    type: 'object',
    default: {},
    markdownDescription:
      'Severity per rule (`error`, `warning`, `information`, `hint`), or `off`. Only the rules set here override `.rst-specs.json`; the others keep their default.',
    properties,
    additionalProperties: false,
    scope: 'resource',
    order: 7, // its place among the settings (package.json's `order`s)
  };
}

if (require.main === module) {
  const text = readFileSync(MANIFEST_PATH, 'utf8');
  const manifest = JSON.parse(text);
  const properties = manifest.contributes.configuration.properties;
  Object.assign(properties, settingsManifest());
  properties['rstSpecs.rules'] = expectedRulesSetting();
  writeFileSync(MANIFEST_PATH, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`wrote the options' settings and rstSpecs.rules (${sarifRules().length} rules) into ${MANIFEST_PATH}`);
}
