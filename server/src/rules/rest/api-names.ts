// The API path names with underscores that a repository already has: those its specs write in
// their REST API impact sections, and those its `.rst-specs.json` lists (`rest.existingNames`).
// A spec that extends such an API must keep the name, so rest-url does not ask for hyphens there.
// Pure: the callers read the other specs (cli/, lsp/) and hand their texts in.
import { parseSpec } from '../../rst/parse';
import { BARE_PLACEHOLDER, isPlaceholder, isValueSegment, SCHEME_AND_HOST } from './declarations';
import { restDeclarationsUntemplated } from './extract';

/** What rest-url is told of a repository's names, for one spec (its own uses left out). */
export interface ExistingApiNames {
  /** False while the other specs are still being read: an unknown name is then not reported yet. */
  readonly complete: boolean;
  readonly names: ReadonlySet<string>;
}

const QUERY_START = /[?#]/;
/** A REST API impact title, for a quick test before parsing a spec. */
const MENTIONS_API = /api\s+impact/i;

/** The path segments of a URL that have an underscore and are names (not placeholders or sample values). */
export function underscoreNames(url: string): string[] {
  const host = SCHEME_AND_HOST.exec(url);
  const start = host ? host[0].length : 0;
  const query = url.slice(start).search(QUERY_START);
  const path = url.slice(start, query < 0 ? url.length : start + query);
  return path
    .split('/')
    .filter((segment) => segment.includes('_') && !isPlaceholder(segment) && !isValueSegment(segment) && !BARE_PLACEHOLDER.test(segment));
}

/** A path segment with an underscore that is not a placeholder (`/os-instance_actions`, not `/{server_id}`). */
const UNDERSCORE_SEGMENT = /\/[\w.~-]*_/;
const REST_TITLE_LINE = /^\s*(?:rest\s+)?api\s+impact\s*$/i;
const ADORNMENT = /^([!-/:-@[-`{-~])\1{2,}\s*$/;

/**
 * The underscore names a spec's REST API impact section uses in its URLs. Read for every spec of a
 * repository, so only the section is parsed, and only when it has a path name with an underscore.
 */
export function apiNamesInSpec(text: string): string[] {
  if (!MENTIONS_API.test(text) || !UNDERSCORE_SEGMENT.test(text)) return [];
  const section = restSectionText(text);
  if (section === undefined || !UNDERSCORE_SEGMENT.test(section)) return [];
  const declarations = restDeclarationsUntemplated(parseSpec(section));
  if (!declarations) return [];
  return [...new Set(declarations.urls.flatMap((url) => underscoreNames(url.text)))];
}

/**
 * The text of the REST API impact section: from its title to the next title of its level or above
 * (by adornment character: its own, or one that titles before it use first), as rST levels go.
 */
function restSectionText(text: string): string | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  const before: string[] = [];
  const titleChar = (index: number): string | undefined => {
    const under = ADORNMENT.exec(lines[index + 1] ?? '');
    return under && lines[index].trim() !== '' && !ADORNMENT.test(lines[index]) ? under[1] : undefined;
  };
  for (let index = 0; index < lines.length - 1; index++) {
    const char = titleChar(index);
    if (char === undefined) continue;
    if (!REST_TITLE_LINE.test(lines[index])) {
      if (!before.includes(char)) before.push(char);
      continue;
    }
    const levels = new Set([...before.slice(0, before.includes(char) ? before.indexOf(char) : before.length), char]);
    let end = index + 2;
    while (end < lines.length - 1 && !(titleChar(end) !== undefined && levels.has(titleChar(end)!))) end++;
    if (end >= lines.length - 1) end = lines.length;
    return lines.slice(index, end).join('\n');
  }
  return undefined;
}

/** A name the repository has, or one cut short (`device_profil`): not this spec's choice of name. */
export function isExistingName(segment: string, names: Iterable<string>): boolean {
  for (const name of names) {
    if (name === segment || (segment.length >= 6 && name.startsWith(segment))) return true;
  }
  return false;
}

/** The names of a repository's specs: each name with the specs that use it. */
export class ApiNameIndex {
  private readonly users = new Map<string, Set<string>>();
  private readonly views = new Map<string, ExistingApiNames>();

  constructor(readonly complete = true) {}

  /** Adds a spec's names (`filePath`: how the caller names the spec, the same as in `forSpec`). */
  add(filePath: string, text: string): void {
    for (const name of apiNamesInSpec(text)) {
      let files = this.users.get(name);
      if (!files) this.users.set(name, (files = new Set()));
      files.add(filePath);
    }
    this.views.clear();
  }

  /** A spec changed (`text`) or was deleted (undefined): its names are read again. */
  update(filePath: string, text: string | undefined): void {
    for (const [name, files] of this.users) {
      if (files.delete(filePath) && files.size === 0) this.users.delete(name);
    }
    this.views.clear();
    if (text !== undefined) this.add(filePath, text);
  }

  /** The names the repository's other specs use. */
  forSpec(filePath: string | undefined): ExistingApiNames {
    const key = filePath ?? '';
    let view = this.views.get(key);
    if (!view) {
      const names = new Set<string>();
      for (const [name, files] of this.users) if (files.size > (filePath !== undefined && files.has(filePath) ? 1 : 0)) names.add(name);
      view = { complete: this.complete, names };
      this.views.set(key, view);
    }
    return view;
  }
}

/** Nothing known yet: the repository's specs are still being read. */
export const PENDING_API_NAMES: ExistingApiNames = { complete: false, names: new Set() };
