import * as path from 'node:path';
import type { Range } from '../rst/types';
import type { SeveritySetting } from '../rules/rule';
import { NON_RULE_CODES } from '../diagnostic-codes';
import { ruleById } from '../rules';
import type { OptionalSectionsSetting } from '../template/optional';
import { type JsonNode, offsetToPosition, parseJsonc } from './jsonc';
import { editDistance } from '../text/edit-distance';

/** The settings a `.rst-specs.json` (or `.rst-specs.jsonc`) file may hold; each is optional. */
export interface SpecsConfig {
  /** The template, as an absolute path (the file gives it relative to its own folder, or absolute). */
  readonly template?: string;
  /** Globs of the specs to check, relative to the config file's folder. */
  readonly include?: readonly string[];
  /** Globs of the .rst files that are not specs, relative to the config file's folder. */
  readonly exclude?: readonly string[];
  readonly maxLineLength?: number;
  /** Severity per rule id; `off` turns a rule off. */
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  /** Titles a spec may leave out: one list, or lists by release or template file name (`*` for the others). */
  readonly optionalSections?: OptionalSectionsSetting;
  /** REST API advice: `existingNames`, path names with underscores that the repository's API already has. */
  readonly rest?: { readonly existingNames?: readonly string[] };
  /** Directive and role names the docs build knows besides docutils', Sphinx's and conf.py's extensions' (custom extensions). */
  readonly directives?: readonly string[];
  readonly roles?: readonly string[];
}

export interface ConfigProblem {
  readonly message: string;
  /** Where in the config file (0-based lines, UTF-16 characters). */
  readonly range: Range;
}

export const CONFIG_FILE_NAMES: readonly string[] = ['.rst-specs.json', '.rst-specs.jsonc'];
export const CONFIG_KEYS: readonly string[] = ['template', 'include', 'exclude', 'maxLineLength', 'rules', 'optionalSections', 'rest', 'directives', 'roles'];
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
  if (root.kind !== 'object') {
    problems.push({ message: 'the file must hold an object, like { "maxLineLength": 79 }', range: rangeOf(root.offset, root.end) });
    return { config: {}, problems };
  }
  const problem = (node: { offset: number; end: number }, message: string) => problems.push({ message, range: rangeOf(node.offset, node.end) });
  const config: { -readonly [K in keyof SpecsConfig]: SpecsConfig[K] } = {};
  const seen = new Set<string>();
  for (const property of root.properties) {
    const keyNode = { offset: property.keyOffset, end: property.keyEnd };
    const { key, value } = property;
    if (seen.has(key)) problem(keyNode, `"${key}" is given twice; the last one applies`);
    seen.add(key);
    switch (key) {
      case '$schema':
        if (value.kind !== 'string') problem(value, '"$schema" must be a string');
        break;
      case 'template':
        if (value.kind !== 'string' || value.value.trim() === '') problem(value, '"template" must be a path to the template, as a string');
        else config.template = path.resolve(path.dirname(sourcePath), value.value.trim());
        break;
      case 'include':
      case 'exclude': {
        const list = stringList(value);
        if (list && list.every((glob) => glob.trim() !== '')) config[key] = list;
        else problem(value, `"${key}" must be a list of globs (non-empty strings)`);
        break;
      }
      case 'directives':
      case 'roles': {
        const list = stringList(value);
        if (list && list.every((name) => /^[^\s:]+(:[^\s:]+)*$/.test(name))) config[key] = list;
        else problem(value, `"${key}" must be a list of ${key.slice(0, -1)} names, like ["${key === 'roles' ? 'bug' : 'my-directive'}"]`);
        break;
      }
      case 'optionalSections': {
        const setting = optionalSections(value);
        if (setting) config.optionalSections = setting;
        else {
          problem(value, '"optionalSections" must be a list of section titles, or an object of such lists by release or template file name, like { "*": ["History"], "queens": ["History", "Upgrade impact"] }');
        }
        break;
      }
      case 'maxLineLength':
        if (value.kind === 'number' && Number.isInteger(value.value) && value.value > 0) config.maxLineLength = value.value;
        else problem(value, '"maxLineLength" must be a positive whole number');
        break;
      case 'rules': {
        if (value.kind !== 'object') {
          problem(value, '"rules" must be an object of rule ids to severities, like { "line-length": "warning" }');
          break;
        }
        const rules: Record<string, SeveritySetting> = {};
        for (const rule of value.properties) {
          const ruleKey = { offset: rule.keyOffset, end: rule.keyEnd };
          if (!ruleById.has(rule.key) && !NON_RULE_CODES.has(rule.key)) {
            problem(ruleKey, `unknown rule "${rule.key}"${closest(rule.key, [...ruleById.keys(), ...NON_RULE_CODES])}`);
          }
          else if (rule.value.kind !== 'string' || !(SEVERITY_SETTINGS as readonly string[]).includes(rule.value.value)) {
            problem(rule.value, `the severity of "${rule.key}" must be one of ${SEVERITY_SETTINGS.join(', ')}`);
          } else rules[rule.key] = rule.value.value as SeveritySetting;
        }
        config.rules = rules;
        break;
      }
      case 'rest': {
        if (value.kind !== 'object') {
          problem(value, '"rest" must be an object, like { "existingNames": ["audit_template"] }');
          break;
        }
        const rest: { existingNames?: readonly string[] } = {};
        for (const entry of value.properties) {
          if (entry.key !== 'existingNames') {
            problem({ offset: entry.keyOffset, end: entry.keyEnd }, `unknown setting "rest.${entry.key}"${closest(entry.key, REST_KEYS)} (known: ${REST_KEYS.join(', ')})`);
            continue;
          }
          const names = stringList(entry.value);
          if (names && names.every((name) => name.trim() !== '' && !name.includes('/'))) rest.existingNames = names.map((name) => name.trim());
          else problem(entry.value, '"rest.existingNames" must be a list of API path names (non-empty strings without "/"), like ["audit_template"]');
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

function stringList(node: JsonNode): string[] | undefined {
  if (node.kind !== 'array') return undefined;
  const values: string[] = [];
  for (const item of node.items) {
    if (item.kind !== 'string') return undefined;
    values.push(item.value);
  }
  return values;
}

function optionalSections(node: JsonNode): OptionalSectionsSetting | undefined {
  if (node.kind !== 'object') return stringList(node);
  const byPlace: Record<string, readonly string[]> = {};
  for (const property of node.properties) {
    const list = stringList(property.value);
    if (!list) return undefined;
    byPlace[property.key] = list;
  }
  return byPlace;
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
