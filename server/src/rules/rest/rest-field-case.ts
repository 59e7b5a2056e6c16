import type { Finding, Rule } from '../rule';
import { extractRest } from './extract';
import { quotedWords } from './json-scan';

/** JSON Schema's own keywords, which are camelCase by definition. */
const SCHEMA_KEYWORDS: ReadonlySet<string> = new Set([
  'additionalItems',
  'additionalProperties',
  'allOf',
  'anyOf',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
  'dependentRequired',
  'dependentSchemas',
  'exclusiveMaximum',
  'exclusiveMinimum',
  'maxContains',
  'maxItems',
  'maxLength',
  'maxProperties',
  'minContains',
  'minItems',
  'minLength',
  'minProperties',
  'multipleOf',
  'oneOf',
  'patternProperties',
  'prefixItems',
  'propertyNames',
  'readOnly',
  'unevaluatedItems',
  'unevaluatedProperties',
  'uniqueItems',
  'writeOnly',
]);

/**
 * Names the OpenStack compute API had before the snake_case rule, which a spec that changes those
 * APIs must keep writing (they are part of the existing API, not the spec's choice).
 */
const EXISTING_API_NAMES: ReadonlySet<string> = new Set([
  'accessIPv4',
  'accessIPv6',
  'addFixedIp',
  'addFloatingIp',
  'addSecurityGroup',
  'addTenantAccess',
  'adminPass',
  'changePassword',
  'confirmResize',
  'createBackup',
  'createImage',
  'flavorRef',
  'forceDelete',
  'hostId',
  'imageRef',
  'injectNetworkInfo',
  'instanceAction',
  'instanceActions',
  'interfaceAttachment',
  'interfaceAttachments',
  'maxImageMeta',
  'maxPersonality',
  'maxPersonalitySize',
  'maxSecurityGroupRules',
  'maxSecurityGroups',
  'maxServerGroupMembers',
  'maxServerGroups',
  'maxServerMeta',
  'maxTotalCores',
  'maxTotalFloatingIps',
  'maxTotalInstances',
  'maxTotalKeypairs',
  'maxTotalRAMSize',
  'migrateLive',
  'networkId',
  'onSharedStorage',
  'removeFixedIp',
  'removeFloatingIp',
  'removeSecurityGroup',
  'removeTenantAccess',
  'resetNetwork',
  'revertResize',
  'serverId',
  'shelveOffload',
  'totalCoresUsed',
  'totalFloatingIpsUsed',
  'totalInstancesUsed',
  'totalRAMUsed',
  'totalSecurityGroupsUsed',
  'totalServerGroupsUsed',
  'volumeAttachment',
  'volumeAttachments',
  'volumeId',
]);

const NAME_SHAPE = /^[A-Za-z][A-Za-z0-9_]*$/;
const CASE_HUMP = /[a-z][A-Z]/;
const LOWER_START = /^[a-z]/;
const PASCAL_START = /^[A-Z][a-z]/;

/** The patterns this rule runs over spec text, for the linear-time test. */
export const FIELD_CASE_PATTERNS: readonly RegExp[] = [NAME_SHAPE, CASE_HUMP, LOWER_START, PASCAL_START];

export const restFieldCase: Rule = {
  id: 'rest-field-case',
  defaultSeverity: 'warning',
  description: 'REST API impact: a camelCase or PascalCase field name in a request or response sample or schema.',
  check(context) {
    const rest = extractRest(context);
    if (!rest) return [];
    const findings: Finding[] = [];
    const reported = new Map<object, { done: Set<string>; words: ReturnType<typeof quotedWords> }>();
    for (const { segment, region } of rest.samples) {
      const seen = reported.get(region) ?? { done: new Set<string>(), words: quotedWords(region.lines) };
      reported.set(region, seen);
      const done = seen.done;
      for (const key of segment.keys) {
        if (done.has(key.name) || !isFieldName(key.name, segment.schema, key.parentKey)) continue;
        const style = caseStyle(key.name);
        if (!style) continue;
        done.add(key.name);
        const replacement = snakeCase(key.name);
        const occurrences = (seen.words.get(key.name) ?? []).map(
          ({ line, character }) => `${line}:${character}:${character + key.name.length}`,
        );
        findings.push({
          range: {
            start: { line: key.line, character: key.character },
            end: { line: key.line, character: key.character + key.name.length },
          },
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
  if (!NAME_SHAPE.test(name) || !CASE_HUMP.test(name)) return undefined;
  if (LOWER_START.test(name)) return 'camelCase';
  return PASCAL_START.test(name) ? 'PascalCase' : undefined;
}

export function snakeCase(name: string): string {
  const isUpper = (char: string) => char >= 'A' && char <= 'Z';
  const isLower = (char: string) => char >= 'a' && char <= 'z';
  const isDigit = (char: string) => char >= '0' && char <= '9';
  let out = '';
  for (let index = 0; index < name.length; index++) {
    const char = name[index];
    const previous = name[index - 1] ?? '';
    const next = name[index + 1] ?? '';
    const boundary =
      isUpper(char) && index > 0 && previous !== '_' && (isLower(previous) || isDigit(previous) || (isUpper(previous) && isLower(next)));
    out += (boundary ? '_' : '') + char.toLowerCase();
  }
  return out;
}
