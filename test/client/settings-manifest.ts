// `rstSpecs.rules` in package.json, built from the rule registry: one property per rule id with
// its severities, so that the Settings UI offers every rule id in a dropdown (and its severity in
// another) and settings.json completes rule ids. The test compares package.json with it. After
// adding a rule or changing a default severity: npm run docs:rules.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sarifRules } from '../../server/src/cli/formats/sarif';
import { settingRuleProperties } from '../../scripts/rule-docs';
import { repoRoot } from '../helpers';

export const MANIFEST_PATH = resolve(repoRoot, 'package.json');

export function expectedRulesSetting(): unknown {
  const properties = settingRuleProperties();
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
  manifest.contributes.configuration.properties['rstSpecs.rules'] = expectedRulesSetting();
  writeFileSync(MANIFEST_PATH, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`wrote rstSpecs.rules (${sarifRules().length} rules) into ${MANIFEST_PATH}`);
}
