// The API path names with underscores that a repository already has: those its specs write in
// their REST API impact sections, and those its `.rst-specs.json` lists (`rest.existingNames`).
// A spec that extends such an API must keep the name, so rest-url does not ask for hyphens there.
// Pure: the callers read the other specs (cli/, lsp/) and hand their texts in.
import { parseSpec } from '../../rst/parse';
import { BARE_PLACEHOLDER, isPlaceholder, isValueSegment, SCHEME_AND_HOST } from './declarations';
import { extractRestUntemplated } from './extract';

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
  return path.split('/').filter(
    (segment) => segment.includes('_') && !isPlaceholder(segment) && !isValueSegment(segment) && !BARE_PLACEHOLDER.test(segment),
  );
}

/** The underscore names a spec's REST API impact section uses in its URLs. */
export function apiNamesInSpec(text: string): string[] {
  if (!MENTIONS_API.test(text) || !text.includes('_')) return [];
  const extract = extractRestUntemplated(parseSpec(text));
  if (!extract) return [];
  return [...new Set(extract.declarations.urls.flatMap((url) => underscoreNames(url.text)))];
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
