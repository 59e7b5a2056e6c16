import type { Finding, Rule } from '../rule';
import { extractRest } from './extract';
import { quotedOccurrences } from './json-scan';

/** JSON Schema's own keywords, which are camelCase by definition. */
const SCHEMA_KEYWORDS: ReadonlySet<string> = new Set([
  'additionalItems', 'additionalProperties', 'allOf', 'anyOf', 'contentEncoding', 'contentMediaType',
  'contentSchema', 'dependentRequired', 'dependentSchemas', 'exclusiveMaximum', 'exclusiveMinimum',
  'maxContains', 'maxItems', 'maxLength', 'maxProperties', 'minContains', 'minItems', 'minLength',
  'minProperties', 'multipleOf', 'oneOf', 'patternProperties', 'prefixItems', 'propertyNames',
  'readOnly', 'unevaluatedItems', 'unevaluatedProperties', 'uniqueItems', 'writeOnly',
]);

/**
 * Names the OpenStack compute API had before the snake_case rule, which a spec that changes those
 * APIs must keep writing (they are part of the existing API, not the spec's choice).
 */
const EXISTING_API_NAMES: ReadonlySet<string> = new Set([
  'accessIPv4', 'accessIPv6', 'addFixedIp', 'addFloatingIp', 'addSecurityGroup', 'addTenantAccess',
  'adminPass', 'changePassword', 'confirmResize', 'createBackup', 'createImage', 'flavorRef', 'forceDelete',
  'hostId', 'imageRef', 'injectNetworkInfo', 'instanceAction', 'instanceActions', 'interfaceAttachment',
  'interfaceAttachments', 'maxImageMeta', 'maxPersonality', 'maxPersonalitySize', 'maxSecurityGroupRules',
  'maxSecurityGroups', 'maxServerGroupMembers', 'maxServerGroups', 'maxServerMeta', 'maxTotalCores',
  'maxTotalFloatingIps', 'maxTotalInstances', 'maxTotalKeypairs', 'maxTotalRAMSize', 'migrateLive',
  'networkId', 'onSharedStorage', 'removeFixedIp', 'removeFloatingIp', 'removeSecurityGroup',
  'removeTenantAccess', 'resetNetwork', 'revertResize', 'serverId', 'shelveOffload', 'totalCoresUsed',
  'totalFloatingIpsUsed', 'totalInstancesUsed', 'totalRAMUsed', 'totalSecurityGroupsUsed',
  'totalServerGroupsUsed', 'volumeAttachment', 'volumeAttachments', 'volumeId',
]);

export const restFieldCase: Rule = {
  id: 'rest-field-case',
  defaultSeverity: 'warning',
  description: 'REST API impact: a camelCase or PascalCase field name in a request or response sample or schema.',
  check(context) {
    const rest = extractRest(context);
    if (!rest) return [];
    const findings: Finding[] = [];
    const reported = new Map<object, Set<string>>();
    for (const { segment, region } of rest.samples) {
      const done = reported.get(region) ?? new Set<string>();
      reported.set(region, done);
      for (const key of segment.keys) {
        if (done.has(key.name) || !isFieldName(key.name, segment.schema, key.parentKey)) continue;
        const style = caseStyle(key.name);
        if (!style) continue;
        done.add(key.name);
        const replacement = snakeCase(key.name);
        const occurrences = quotedOccurrences(region.lines, key.name)
          .map(({ line, character }) => `${line}:${character}:${character + key.name.length}`);
        findings.push({
          range: { start: { line: key.line, character: key.character }, end: { line: key.line, character: key.character + key.name.length } },
          message: `Field name '${key.name}' is ${style}: the template asks for snake_case ('${replacement}').`,
          data: { name: key.name, replacement, occurrences },
        });
      }
    }
    return findings;
  },
};

function isFieldName(name: string, schema: boolean, parentKey: string | undefined): boolean {
  if (EXISTING_API_NAMES.has(name) || SCHEMA_KEYWORDS.has(name)) return false;
  if (schema) return parentKey === 'properties';
  return true;
}

/** camelCase (`imageRef`) or PascalCase (`ServerName`); not `IPv4`, `DISK_GB`, `os-migrateLive`. */
export function caseStyle(name: string): 'camelCase' | 'PascalCase' | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name) || !/[a-z][A-Z]/.test(name)) return undefined;
  if (/^[a-z]/.test(name)) return 'camelCase';
  return /^[A-Z][a-z]/.test(name) ? 'PascalCase' : undefined;
}

export function snakeCase(name: string): string {
  let out = '';
  for (let index = 0; index < name.length; index++) {
    const char = name[index];
    const previous = name[index - 1] ?? '';
    const next = name[index + 1] ?? '';
    const upper = char >= 'A' && char <= 'Z';
    const boundary = upper && index > 0 && previous !== '_'
      && (/[a-z0-9]/.test(previous) || (/[A-Z]/.test(previous) && /[a-z]/.test(next)));
    out += (boundary ? '_' : '') + char.toLowerCase();
  }
  return out;
}
