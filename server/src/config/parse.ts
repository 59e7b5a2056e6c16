import * as path from 'node:path';
import type { Range } from '../rst/types';
import type { SeveritySetting } from '../rules/rule';
import { getNodeValue } from 'jsonc-parser/lib/esm/main';
import { CONFIG_KEYS, OPTIONS, type OptionValues } from '../options';
import { NON_RULE_CODES } from '../diagnostic-codes';
import { ruleById } from '../rules';
import { type JsonNode, offsetToPosition, parseJsonc } from './jsonc';
import { editDistance } from '../text/edit-distance';

/** The settings a `.rst-specs.json` (or `.rst-specs.jsonc`) file may hold; each is optional. */
/** Globs are relative to the config file's folder; `template` is made absolute. Options.ts declares each key. */
export interface SpecsConfig extends Partial<
  Pick<OptionValues, 'include' | 'exclude' | 'maxLineLength' | 'rules' | 'optionalSections' | 'directives' | 'roles'>
> {
  readonly template?: string;
  readonly rest?: { readonly existingNames?: OptionValues['restExistingNames'] };
}

export interface ConfigProblem {
  readonly message: string;
  /** Where in the config file (0-based lines, UTF-16 characters). */
  readonly range: Range;
}

export const CONFIG_FILE_NAMES: readonly string[] = ['.rst-specs.json', '.rst-specs.jsonc'];
export { CONFIG_KEYS };
export const REST_KEYS: readonly string[] = ['existingNames'];
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/**
 * Reads a config file's text. Pure: no file system. Accepts comments and trailing commas. A value
 * of the wrong type is left out of `config` with a problem saying why, so the rest still applies;
 * a syntax error leaves `config` empty. `sourcePath` (absolute) resolves a relative `template`.
 */
export function parseConfig(text: string, sourcePath: string): { config: SpecsConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const rangeOf = (offset: number, end: number): Range => ({
    start: offsetToPosition(text, offset),
    end: offsetToPosition(text, end),
  });
  const parsed = parseJsonc(text);
  if (parsed.error) {
    problems.push({ message: `not valid JSON: ${parsed.error.message}`, range: rangeOf(parsed.error.offset, parsed.error.end) });
    return { config: {}, problems };
  }
  const root = parsed.root;
  if (root.type !== 'object') {
    problems.push({
      message: 'the file must hold an object, like { "maxLineLength": 79 }',
      range: rangeOf(root.offset, root.offset + root.length),
    });
    return { config: {}, problems };
  }
  const problem = (node: JsonNode, message: string) => problems.push({ message, range: rangeOf(node.offset, node.offset + node.length) });
  const config: { -readonly [K in keyof SpecsConfig]: SpecsConfig[K] } = {};
  const seen = new Set<string>();
  for (const { key, keyNode, value } of properties(root)) {
    if (seen.has(key)) problem(keyNode, `"${key}" is given twice; the last one applies`);
    seen.add(key);
    switch (key) {
      case '$schema':
        if (value.type !== 'string') problem(value, '"$schema" must be a string');
        break;
      case 'template':
        if (value.type !== 'string' || value.value.trim() === '') problem(value, '"template" must be a path to the template, as a string');
        else config.template = path.resolve(path.dirname(sourcePath), value.value.trim());
        break;
      case 'include':
      case 'exclude':
      case 'directives':
      case 'roles':
      case 'optionalSections':
      case 'maxLineLength': {
        // Checked as options.ts declares them.
        const { valid, problem: expected } = OPTIONS[key].config!;
        // jsonc-parser makes objects without a prototype: a plain one, as JSON.parse gives (arrays are plain already).
        const read: unknown = getNodeValue(value);
        const given: unknown = typeof read === 'object' && read !== null && !Array.isArray(read) ? { ...read } : read;
        if (valid!(given)) Object.assign(config, { [key]: given });
        else problem(value, `"${key}" ${expected}`);
        break;
      }
      case 'rules': {
        if (value.type !== 'object') {
          problem(value, '"rules" must be an object of rule ids to severities, like { "line-length": "warning" }');
          break;
        }
        const rules: Record<string, SeveritySetting> = {};
        for (const rule of properties(value)) {
          if (!ruleById.has(rule.key) && !NON_RULE_CODES.has(rule.key)) {
            problem(rule.keyNode, `unknown rule "${rule.key}"${closest(rule.key, [...ruleById.keys(), ...NON_RULE_CODES])}`);
          } else if (rule.value.type !== 'string' || !(SEVERITY_SETTINGS as readonly string[]).includes(rule.value.value)) {
            problem(rule.value, `the severity of "${rule.key}" must be one of ${SEVERITY_SETTINGS.join(', ')}`);
          } else rules[rule.key] = rule.value.value as SeveritySetting;
        }
        config.rules = rules;
        break;
      }
      case 'rest': {
        if (value.type !== 'object') {
          problem(value, '"rest" must be an object, like { "existingNames": ["audit_template"] }');
          break;
        }
        const rest: { existingNames?: readonly string[] } = {};
        for (const entry of properties(value)) {
          if (entry.key !== 'existingNames') {
            problem(entry.keyNode, `unknown setting "rest.${entry.key}"${closest(entry.key, REST_KEYS)} (known: ${REST_KEYS.join(', ')})`);
            continue;
          }
          const names = stringList(entry.value);
          if (names && names.every((name) => name.trim() !== '' && !name.includes('/')))
            rest.existingNames = names.map((name) => name.trim());
          else
            problem(
              entry.value,
              '"rest.existingNames" must be a list of API path names (non-empty strings without "/"), like ["audit_template"]',
            );
        }
        config.rest = rest;
        break;
      }
      default:
        problem(keyNode, `unknown setting "${key}"${closest(key, CONFIG_KEYS)} (known: ${CONFIG_KEYS.join(', ')})`);
    }
  }
  return { config, problems };
}

/** An object node's properties, in the file's order (a key given twice appears twice). */
function properties(node: JsonNode): { key: string; keyNode: JsonNode; value: JsonNode }[] {
  const found: { key: string; keyNode: JsonNode; value: JsonNode }[] = [];
  for (const property of node.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    // A property without a value is a syntax error, which parseJsonc has reported already.
    if (keyNode && value) found.push({ key: String(keyNode.value), keyNode, value });
  }
  return found;
}

function stringList(node: JsonNode): string[] | undefined {
  if (node.type !== 'array') return undefined;
  const values: string[] = [];
  for (const item of node.children ?? []) {
    if (item.type !== 'string') return undefined;
    values.push(item.value);
  }
  return values;
}

/** "; did you mean X?" when a known name is one or two edits away. */
function closest(name: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best ? `; did you mean "${best}"?` : '';
}

/** A problem as one line: `file:line:col: message` (1-based). */
export function formatConfigProblem(configPath: string, problem: ConfigProblem): string {
  return `${configPath}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.message}`;
}
