// The optional sections of a specs repo's own check, read from its `tests/test_titles.py` as text
// (never run): the literal assignments
//   OPTIONAL_SECTIONS = ("History",)
//   OPTIONAL_SUBSECTIONS = collections.defaultdict(lambda: ('Feature Liaison',))
//   OPTIONAL_SUBSECTIONS['queens'] = ('Upgrade impact',)
// give, per release, the titles a spec may leave out. Pure: no file system.
import { posix as path } from 'node:path';
import type { OptionalSectionsSetting } from './optional';

export const TEST_TITLES_PATH = 'tests/test_titles.py';

const SECTIONS = /^OPTIONAL_SECTIONS\s*=\s*/m;
const SUBSECTIONS = /^OPTIONAL_SUBSECTIONS\s*=\s*/m;
const PER_RELEASE = /^OPTIONAL_SUBSECTIONS\s*\[\s*(['"])([^'"\n]*)\1\s*\]\s*=\s*/gm;
const DEFAULTDICT = /^(?:collections\s*\.\s*)?defaultdict\s*\(\s*lambda\s*:\s*/;

/**
 * What the file makes optional: one list for every release, or lists by release with `*` for the
 * others (the shape of the `optionalSections` setting). Undefined when the file assigns neither
 * name, or not as literals this reader understands: the caller then keeps its defaults.
 */
export function parseTestTitles(text: string): OptionalSectionsSetting | undefined {
  const source = text.replace(/\r\n?/g, '\n');
  const sections = assigned(source, SECTIONS, (value) => titles(value));
  const subsections = assigned(source, SUBSECTIONS, (value) => subsectionDefault(value));
  if (sections === null || subsections === null) return undefined;
  if (sections === undefined && subsections === undefined) return undefined;
  const top = sections ?? [];
  const byRelease: Record<string, readonly string[]> = {};
  for (const [release, list] of Object.entries(subsections?.byRelease ?? {})) byRelease[release] = union(top, list);
  for (const match of source.matchAll(PER_RELEASE)) {
    const list = titles(source.slice(match.index + match[0].length));
    if (list === null) return undefined;
    byRelease[match[2]] = union(top, list);
  }
  const others = union(top, subsections?.default ?? []);
  return Object.keys(byRelease).length === 0 ? others : { '*': others, ...byRelease };
}

/** The parsed value of the last `NAME = …` assignment: undefined when there is none, null when it can't be read. */
function assigned<T>(source: string, name: RegExp, read: (value: string) => T | null): T | null | undefined {
  const all = new RegExp(name.source, 'gm');
  let last: RegExpExecArray | undefined;
  for (const match of source.matchAll(all)) last = match as RegExpExecArray;
  if (!last) return undefined;
  return read(source.slice(last.index + last[0].length));
}

/** `defaultdict(lambda: (...))`, a dict literal `{'queens': (...)}`, or a plain tuple or list (every release). */
function subsectionDefault(value: string): { default: readonly string[]; byRelease: Record<string, readonly string[]> } | null {
  const factory = DEFAULTDICT.exec(value);
  if (factory) {
    const list = titles(value.slice(factory[0].length));
    return list === null ? null : { default: list, byRelease: {} };
  }
  const start = value.trimStart();
  if (start.startsWith('{')) return dictOfTitles(start);
  const list = titles(value);
  return list === null ? null : { default: list, byRelease: {} };
}

/** A dict literal of release names to title tuples; only its keys' releases are optional, the others get nothing. */
function dictOfTitles(value: string): { default: readonly string[]; byRelease: Record<string, readonly string[]> } | null {
  const byRelease: Record<string, readonly string[]> = {};
  let rest = value.slice(1);
  for (;;) {
    rest = rest.trimStart();
    if (rest.startsWith('}')) return { default: [], byRelease };
    const key = stringAt(rest);
    if (!key) return null;
    rest = rest.slice(key.length).trimStart();
    if (!rest.startsWith(':')) return null;
    rest = rest.slice(1);
    const end = literalEnd(rest);
    if (end < 0) return null;
    const list = titles(rest.slice(0, end));
    if (list === null) return null;
    byRelease[key.value] = list;
    rest = rest.slice(end).trimStart();
    if (rest.startsWith(',')) rest = rest.slice(1);
  }
}

/** The strings of a tuple or list literal (`("History",)`, `['A', "B"]`, `()`), comments allowed; null otherwise. */
function titles(value: string): string[] | null {
  const start = value.trimStart();
  const close = start.startsWith('(') ? ')' : start.startsWith('[') ? ']' : undefined;
  if (!close) return null;
  const list: string[] = [];
  let rest = start.slice(1);
  for (;;) {
    rest = skipSpaceAndComments(rest);
    if (rest.startsWith(close)) return list;
    const item = stringAt(rest);
    if (!item) return null;
    list.push(item.value);
    rest = skipSpaceAndComments(rest.slice(item.length));
    if (rest.startsWith(',')) rest = rest.slice(1);
    else if (!rest.startsWith(close)) return null;
  }
}

/** Where the tuple or list literal at the start of `value` ends (after its closing bracket), or -1. */
function literalEnd(value: string): number {
  const trimmed = value.trimStart();
  const close = trimmed.startsWith('(') ? ')' : trimmed.startsWith('[') ? ']' : undefined;
  if (!close) return -1;
  let rest = trimmed.slice(1);
  for (;;) {
    rest = skipSpaceAndComments(rest);
    if (rest.startsWith(close)) return value.length - rest.length + 1;
    const item = stringAt(rest);
    if (!item) return -1;
    rest = skipSpaceAndComments(rest.slice(item.length));
    if (rest.startsWith(',')) rest = rest.slice(1);
    else if (!rest.startsWith(close)) return -1;
  }
}

function skipSpaceAndComments(text: string): string {
  let rest = text;
  for (;;) {
    const trimmed = rest.trimStart();
    if (!trimmed.startsWith('#')) return trimmed;
    const newline = trimmed.indexOf('\n');
    rest = newline < 0 ? '' : trimmed.slice(newline + 1);
  }
}

/** A Python string literal at the start of `text` (single or double quotes, an optional u prefix, simple escapes). */
function stringAt(text: string): { value: string; length: number } | undefined {
  const prefix = /^[uU]?/.exec(text)?.[0] ?? '';
  const quote = text[prefix.length];
  if (quote !== '"' && quote !== "'") return undefined;
  let value = '';
  for (let index = prefix.length + 1; index < text.length; index++) {
    const char = text[index];
    if (char === '\n') return undefined;
    if (char === quote) return { value, length: index + 1 };
    if (char === '\\' && index + 1 < text.length) {
      index++;
      value += text[index];
    } else value += char;
  }
  return undefined;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/**
 * Where a spec's repo keeps its check: `tests/test_titles.py` beside a `specs` folder that holds
 * the spec, nearest first, not above `stopAt`. POSIX paths.
 */
export function testTitlesCandidates(specPath: string, stopAt?: string): string[] {
  const candidates: string[] = [];
  for (let folder = path.dirname(specPath); ; folder = path.dirname(folder)) {
    const parent = path.dirname(folder);
    if (path.basename(folder) === 'specs' && parent !== folder && (!stopAt || parent === stopAt || parent.startsWith(`${stopAt}/`))) {
      candidates.push(path.join(parent, TEST_TITLES_PATH));
    }
    if (folder === stopAt || parent === folder) return candidates;
  }
}

/**
 * The root of the repository a spec is in: the nearest folder at or above it that holds `.git`,
 * else the folder that holds the nearest `specs` folder above the spec; undefined when neither is
 * found (up to `stopAt`, included). `list` gives a folder's entry names. POSIX paths.
 */
export function repoRootOf(specPath: string, list: (folder: string) => readonly string[], stopAt?: string): string | undefined {
  let holder: string | undefined;
  for (let folder = path.dirname(specPath); ; folder = path.dirname(folder)) {
    const parent = path.dirname(folder);
    if (list(folder).includes('.git')) return folder;
    const inside = !stopAt || parent === stopAt || parent.startsWith(`${stopAt}/`);
    if (holder === undefined && path.basename(folder) === 'specs' && parent !== folder && inside) holder = parent;
    if (folder === stopAt || parent === folder) return holder;
  }
}
