// A directive's options as docutils reads them (its field list, up to the first blank line), and
// their values through docutils' and Sphinx's converters (docutils/parsers/rst/directives/
// __init__.py, each directive's option_spec: which converter is generated into directive-specs.ts).
// docutils converts them in order and stops at the first that fails: "Error in "image" directive:
// invalid option value: (option: "width"; value: 'abc') not a positive measure of ...".
import type { DirectiveUse, Range, SpecDocument } from '../../rst/types';
import { DIRECTIVE_SPECS, OPTION_CONVERTERS } from '../../rst/directive-specs';
import { characterAt } from './markup';

export interface OptionField {
  /** Lower-cased. */
  readonly name: string;
  /** The field body's text (docutils reads it as one paragraph); null: none. */
  readonly value: string | null;
  /** The value on the option's line; without one, the option itself. */
  readonly range: Range;
}

export interface DirectiveText {
  /** The directive's lines (its first one included) and the 0-based line of the first. */
  readonly texts: readonly string[];
  /** Index in `texts` of the blank line (or end) after the arguments and options. */
  readonly head: number;
  /** The indentation of the directive's block. */
  readonly indent: number;
  readonly fields: readonly OptionField[];
  /** A line among the options that is not one (docutils: "invalid option block"). */
  readonly invalid: boolean;
}

/** The directive's text and option fields, or undefined where not followed (a tab, no block). */
export function readDirective(doc: SpecDocument, use: DirectiveUse): DirectiveText | undefined {
  const block = doc.blocks.find((b) => b.kind === 'directive' && b.startLine === use.line);
  if (!block) return undefined;
  const texts: string[] = [];
  for (let line = use.line; line < block.endLine; line++) texts.push(doc.lines[line].text);
  if (texts.some((t) => t.includes('\t'))) return undefined;
  const indent = Math.min(
    ...texts
      .slice(1)
      .filter((t) => t.trim())
      .map((t) => t.length - t.trimStart().length),
    Infinity,
  );
  // parse_directive_block: arguments and options up to the first blank line, then the content
  let head = 1;
  while (head < texts.length && texts[head].trim() !== '') head++;
  const fields: OptionField[] = [];
  let invalid = false;
  let current: { name: string; lines: string[]; line: number; character: number } | undefined;
  const flush = () => {
    if (!current) return;
    const body = current.lines.map((l) => l.trim()).filter((l) => l !== '');
    const first = doc.lines[current.line].text;
    const end = first.trimEnd().length;
    const at = end > current.character ? current.character : first.length - first.trimStart().length;
    fields.push({
      name: current.name,
      value: body.length ? body.join('\n') : null,
      range: { start: { line: current.line, character: at }, end: { line: current.line, character: end } },
    });
  };
  for (let k = 1; k < head; k++) {
    const text = texts[k];
    const field = /^(\s*):([^:\s][^:]*):(\s+|$)(.*)$/.exec(text);
    if (field && (!current || text.length - text.trimStart().length <= indent)) {
      flush();
      current = {
        name: field[2].toLowerCase(),
        lines: [field[4]],
        line: use.line + k,
        character: field[1].length + field[2].length + 2 + field[3].length,
      };
    } else if (current) {
      if (text.length - text.trimStart().length <= indent) invalid = true;
      current.lines.push(text);
    }
  }
  flush();
  return { texts, head, indent, fields, invalid };
}

/** Python's repr() of a str, as docutils' messages print option values. */
export function pyRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const c of s) {
    if (c === '\\') out += '\\\\';
    else if (c === quote) out += '\\' + c;
    else if (c === '\n') out += '\\n';
    else if (c === '\t') out += '\\t';
    else if (c === '\r') out += '\\r';
    else if (c < ' ' || c === '\x7f') out += '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0');
    else out += c;
  }
  return out + quote;
}

/** A plain value: docutils' paragraph text of it is the text itself (no markup, nothing unusual). */
export const PLAIN = /^[\x20-\x7e\n]*$/;
export const MARKUP = /[*`|_\\[\]]/;
const NONE_INT = "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'";

/** Python's int(): its value, or the ValueError's words. */
export function pyInt(value: string): number | string {
  if (/^\s*[+-]?\d+(?:_\d+)*\s*$/.test(value)) return Number(value.replace(/_/g, ''));
  return `invalid literal for int() with base 10: ${pyRepr(value)}`;
}

const UNITS = ['em', 'ex', 'px', 'in', 'cm', 'mm', 'pt', 'pc'];

/** directives.get_measure: '' when the value is a measure in one of the units, else the ValueError's words. */
function measure(value: string, units: readonly string[]): string {
  const match = new RegExp(`^([0-9.]+) *(${units.join('|')})$`).exec(value);
  // float() of the number: digits with at most one point, and at least one digit
  if (match && /^(?:\d+(?:\.\d*)?|\.\d+)$/.test(match[1])) return '';
  return `not a positive measure of one of the following units: ${units.map((u) => `"${u}"`).join(' ')}`;
}

/** The converter's error for the value ('' when it converts), or null when not followed. */
function convert(converter: string, value: string | null): string | null {
  // (an option's value is its text as written: docutils' ExtensionOptions parse no inline markup)
  if (value !== null && !PLAIN.test(value)) return null;
  const int = (min: number, why: string) => {
    if (value === null) return NONE_INT;
    const n = pyInt(value);
    return typeof n === 'string' ? n : n < min ? why : '';
  };
  const negative = 'negative value; must be positive or zero';
  switch (converter) {
    case 'flag':
      return value !== null && value.trim() ? `no argument is allowed; "${value}" supplied` : '';
    case 'required':
      return value === null ? 'argument required but none supplied' : '';
    case 'class': {
      if (value === null) return 'argument required but none supplied';
      // nodes.make_id of each name (ASCII here) keeps its letters and what follows the first: none, nothing
      const bad = value.split(/\s+/).find((name) => name && !/[a-z]/i.test(name));
      return bad ? `cannot make "${bad}" into a class name` : '';
    }
    case 'int':
      return int(-Infinity, '');
    case 'nonnegative':
      return int(0, negative);
    case 'positive':
      return int(1, 'negative or zero value; must be positive');
    case 'optional_int':
      return value === null ? '' : int(0, negative);
    case 'int_or_nothing':
      return value ? int(-Infinity, '') : '';
    case 'percentage':
      return value === null ? NONE_INT : convertPercentage(value);
    case 'length':
    case 'length%':
      if (value === null) return "expected string or bytes-like object, got 'NoneType'";
      if (converter === 'length') return measure(value, [...UNITS, '']);
      return measure(value, [...UNITS, '%']) && measure(value, ['']) && measure(value, [...UNITS, '%']);
  }
  if (converter.startsWith('align:')) {
    const values = converter.slice(6).split(' ');
    const choices = `${values
      .slice(0, -1)
      .map((v) => `"${v}"`)
      .join(', ')}, or "${values[values.length - 1]}"`;
    if (value === null) return `must supply an argument; choose from ${choices}`;
    return values.includes(value.toLowerCase().trim()) ? '' : `"${value}" unknown; choose from ${choices}`;
  }
  return null;
}

function convertPercentage(value: string): string {
  // str.rstrip(' %')
  let end = value.length;
  while (end > 0 && (value[end - 1] === ' ' || value[end - 1] === '%')) end--;
  const n = pyInt(value.slice(0, end));
  return typeof n === 'string' ? n : n < 0 ? 'negative value; must be positive or zero' : '';
}

const converters = new Map<string, Map<string, string>>();

/** The options' converters of a directive docutils or Sphinx knows (those followed). */
function convertersOf(name: string): Map<string, string> | undefined {
  if (!Object.hasOwn(OPTION_CONVERTERS, name)) return undefined;
  let map = converters.get(name);
  if (!map) {
    map = new Map(OPTION_CONVERTERS[name].split(';').map((entry) => entry.split('=') as [string, string]));
    converters.set(name, map);
  }
  return map;
}

export interface OptionProblem {
  readonly message: string;
  readonly range: Range;
  /** Whether the directive then makes nothing (docutils' error), or goes on (Sphinx's warning). */
  readonly stops: boolean;
}

/**
 * docutils' error for the directive's options (assemble_option_dict, in their order: a duplicate
 * option, a value its converter rejects), at the option; then Sphinx's about a code-block's
 * `:emphasize-lines:`. Undefined when they convert, at an unknown option (rst-directive's own
 * message), and where this is not followed. The table directives' are table-directives.ts's.
 */
export function optionProblem(doc: SpecDocument, use: DirectiveUse): OptionProblem | undefined {
  const name = use.name.toLowerCase();
  const map = convertersOf(name);
  if (!map || name === 'csv-table' || name === 'list-table') return undefined;
  const text = readDirective(doc, use);
  if (!text || text.invalid) return undefined;
  const known = new Set(DIRECTIVE_SPECS[name]?.[3]?.split(' '));
  const error = (detail: string, range: Range) => ({ message: `Error in "${use.name}" directive: ${detail}.`, range, stops: true });
  const seen = new Set<string>();
  for (const field of text.fields) {
    if (!known.has(field.name)) return undefined;
    if (seen.has(field.name)) return error(`invalid option data: duplicate option "${field.name}"`, field.range);
    seen.add(field.name);
    const converter = map.get(field.name);
    const why = converter ? convert(converter, field.value) : '';
    if (why === null) return undefined;
    const value = field.value === null ? 'None' : pyRepr(field.value);
    if (why) return error(`invalid option value: (option: "${field.name}"; value: ${value}) ${why}`, field.range);
  }
  // Image.run: outside a substitution definition, only a horizontal alignment
  const align = text.fields
    .find((f) => f.name === 'align')
    ?.value?.toLowerCase()
    .trim();
  if (name === 'image' && (align === 'top' || align === 'middle' || align === 'bottom') && !/^\s*\.\.\s+\|/.test(text.texts[0])) {
    const range = text.fields.find((f) => f.name === 'align')!.range;
    const detail = `"${align}" is not a valid value for the "align" option.  Valid values for "align" are: "left", "center", "right"`;
    return { message: `Error in "${use.name}" directive: ${detail}.`, range, stops: true };
  }
  const emphasis = text.fields.find((f) => f.name === 'emphasize-lines');
  if (!emphasis?.value || (name !== 'code-block' && name !== 'sourcecode')) return undefined;
  // the content, as docutils gives it: from its first line to its last non-blank one
  const content = text.texts.slice(text.head).map((t) => t.trim());
  const first = content.findIndex((t) => t !== '');
  const lines = first < 0 ? 0 : content.length - first - [...content].reverse().findIndex((t) => t !== '');
  const last = lastLineNumber(emphasis.value, lines);
  const spec = pyRepr(emphasis.value);
  if (last === undefined) return { message: `invalid line number spec: ${spec}`, range: emphasis.range, stops: true };
  if (last >= lines) return { message: `line number spec is out of range(1-${lines}): ${spec}`, range: emphasis.range, stops: false };
  return undefined;
}

/** sphinx.util.parselinenos: the greatest 0-based line number of a spec ("1,3-5,8-"), or undefined where it raises. */
function lastLineNumber(spec: string, total: number): number | undefined {
  let last = -Infinity;
  for (const part of spec.split(',')) {
    const ends = part.trim().split('-');
    const int = (s: string) => {
      const n = pyInt(s);
      return typeof n === 'number' ? n : undefined;
    };
    if (ends.length === 1) {
      const n = int(ends[0]);
      if (n === undefined) return undefined;
      last = Math.max(last, n - 1);
    } else if (ends.length === 2 && (ends[0] || ends[1])) {
      const start = ends[0] ? int(ends[0]) : 1;
      const end = ends[1] ? int(ends[1]) : Math.max(start ?? 0, total);
      if (start === undefined || end === undefined || start > end) return undefined;
      last = Math.max(last, end - 1);
    } else return undefined;
  }
  return last;
}

/** Where the name of a directive stands. */
export function nameRange(doc: SpecDocument, use: DirectiveUse): Range {
  const start = characterAt(doc.lines[use.line]?.text ?? '', use.col);
  return { start: { line: use.line, character: start }, end: { line: use.line, character: start + use.name.length } };
}
