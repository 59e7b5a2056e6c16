// Workspace symbols: the section titles of every spec in the workspace folders, so that "Go to
// Symbol in Workspace" finds a spec by its title. The file system comes in through an interface,
// asynchronously: a cold index of thousands of specs reads and parses one file per turn of the
// event loop, so typing is checked in between. The walk is bounded (depth, entries) and cached,
// files are re-read only when they change, and each file's titles are kept compactly (names and
// one Int32Array), SectionEntry objects being made only for the results of a query.
import { posix as path } from 'node:path';
import type { Range, Section, SpecDocument } from '../rst/types';
import { parseSpec } from '../rst/parse';
import { isIncludedSpec } from '../config/options';
import { isWithin } from '../paths';
import { structuralSections } from '../template/structure';

export interface DirectoryEntry {
  readonly name: string;
  readonly isDirectory: boolean;
  readonly isFile: boolean;
}

/** What the index reads from disk. */
export interface WorkspaceFiles {
  list(folder: string): Promise<readonly DirectoryEntry[]>;
  /** A stamp that changes when the file does (e.g. mtime and size); undefined when it is gone. */
  stamp(file: string): Promise<string | undefined>;
  read(file: string): Promise<string | undefined>;
}

export interface WorkspaceFolderScope {
  readonly folder: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /** Whether a file is a spec, when the caller knows better than `include` and `exclude` alone (the config files: config/load.ts's specPredicate). */
  readonly isSpec?: (file: string) => boolean;
}

/** Whether a file of the scope is a spec: the scope's own predicate, else its globs (the one predicate, config/options.ts). */
export function isScopeSpec(scope: WorkspaceFolderScope, file: string): boolean {
  return scope.isSpec
    ? scope.isSpec(file)
    : isIncludedSpec(file, { include: scope.include, exclude: scope.exclude, globBase: undefined }, scope.folder);
}

export interface OpenSpec {
  readonly file: string;
  readonly doc: SpecDocument;
}

export interface SectionEntry {
  readonly name: string;
  readonly kind: 'title' | 'section';
  /** The parent section's title; none for the spec's title. */
  readonly containerName?: string;
  readonly file: string;
  readonly range: Range;
}

export interface WalkLimits {
  readonly maxDepth: number;
  /** Directory entries looked at per folder before the walk stops. */
  readonly maxEntries: number;
  /** How long a walk's result (and the files' stamps) stand before the next query walks again. */
  readonly ttlMs: number;
  /** Symbols returned per query. */
  readonly maxResults: number;
}

const DEFAULT_LIMITS: WalkLimits = { maxDepth: 12, maxEntries: 50_000, ttlMs: 5_000, maxResults: 5_000 };

const SKIPPED = new Set(['node_modules', '.git']);

/** The section entries of a parsed document. */
function sectionEntries(doc: SpecDocument, file: string): SectionEntry[] {
  return unpack(pack(doc), file);
}

/** One file's titles: their names, and per title [kind (0 title, 1 section), parent index or -1, range]. */
interface PackedSymbols {
  readonly names: readonly string[];
  readonly data: Int32Array;
}

const FIELDS = 6;

function pack(doc: SpecDocument): PackedSymbols {
  const title = structuralSections(doc).title;
  const index = new Map<Section, number>(doc.sections.map((section, at) => [section, at]));
  const data = new Int32Array(doc.sections.length * FIELDS);
  doc.sections.forEach((section, at) => {
    const { start, end } = section.titleRange;
    data.set(
      [
        section === title ? 0 : 1,
        section.parent ? (index.get(section.parent) ?? -1) : -1,
        start.line,
        start.character,
        end.line,
        end.character,
      ],
      at * FIELDS,
    );
  });
  return { names: doc.sections.map((section) => section.title), data };
}

function unpack(symbols: PackedSymbols, file: string, wanted?: (name: string) => boolean, limit = Infinity): SectionEntry[] {
  const entries: SectionEntry[] = [];
  const { names, data } = symbols;
  for (let at = 0; at < names.length && entries.length < limit; at++) {
    if (wanted && !wanted(names[at])) continue;
    const base = at * FIELDS;
    const parent = data[base + 1];
    entries.push({
      name: names[at],
      kind: data[base] === 0 ? 'title' : 'section',
      ...(parent >= 0 ? { containerName: names[parent] } : {}),
      file,
      range: { start: { line: data[base + 2], character: data[base + 3] }, end: { line: data[base + 4], character: data[base + 5] } },
    });
  }
  return entries;
}

/** Whether the letters of `query` appear in `name` in order (case-insensitive); an empty query matches all. */
export function matchesQuery(name: string, query: string): boolean {
  return matchesLower(name.toLowerCase(), query.toLowerCase().replace(/\s+/g, ''));
}

function matchesLower(text: string, wanted: string): boolean {
  let at = 0;
  for (const character of wanted) {
    at = text.indexOf(character, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** Files read at once by a refresh. */
const SLICE = 16;

const NO_SYMBOLS: PackedSymbols = { names: [], data: new Int32Array(0) };

export class WorkspaceSymbolIndex {
  private readonly walks = new Map<string, { at: number; key: string; files: string[] }>();
  private readonly parsed = new Map<string, { stamp: string; symbols: PackedSymbols }>();
  /** The refresh under way, shared by queries that come meanwhile. */
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly files: WorkspaceFiles,
    private readonly limits: WalkLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The spec files under a folder, from the cached walk when it is fresh. */
  async specFiles(scope: WorkspaceFolderScope): Promise<string[]> {
    return (await this.walk(scope)).files;
  }

  /** The cached walk when it is fresh (`walked` false), else a new one. */
  private async walk(scope: WorkspaceFolderScope): Promise<{ files: string[]; walked: boolean }> {
    const key = JSON.stringify([scope.include, scope.exclude]);
    const cached = this.walks.get(scope.folder);
    if (cached && cached.key === key && this.now() - cached.at < this.limits.ttlMs) return { files: cached.files, walked: false };
    const files: string[] = [];
    let entries = 0;
    const walk = async (folder: string, depth: number) => {
      for (const entry of await this.files.list(folder)) {
        if (++entries > this.limits.maxEntries) return;
        const full = path.join(folder, entry.name);
        if (entry.isDirectory) {
          if (!SKIPPED.has(entry.name) && depth < this.limits.maxDepth) await walk(full, depth + 1);
        } else if (entry.isFile && entry.name.endsWith('.rst') && isScopeSpec(scope, full)) {
          files.push(full);
        }
      }
    };
    await walk(scope.folder, 0);
    files.sort();
    this.walks.set(scope.folder, { at: this.now(), key, files });
    const listed = new Set(files);
    for (const file of this.parsed.keys()) {
      if (isWithin(file, scope.folder) && !listed.has(file)) this.parsed.delete(file);
    }
    return { files, walked: true };
  }

  /**
   * Brings the index up to date with the folders' files (walked again after the TTL): changed
   * files read SLICE at a time, each parsed in a turn of its own as its read completes. `cancelled` is asked between files; a refresh cut short is finished by the next.
   */
  async refresh(scopes: readonly WorkspaceFolderScope[], cancelled: () => boolean = () => false): Promise<void> {
    while (this.refreshing) await this.refreshing;
    const run = (async () => {
      for (const scope of scopes) {
        // Within the TTL of a walk the files' stamps stand too: only files not read yet are read.
        const { files, walked } = await this.walk(scope);
        const stale = walked ? files : files.filter((file) => !this.parsed.has(file));
        // In slices: a slice's reads wait on the disk together, and other work runs between slices.
        for (let start = 0; start < stale.length; start += SLICE) {
          if (cancelled()) return;
          await Promise.all(stale.slice(start, start + SLICE).map((file) => this.refreshFile(file)));
        }
      }
    })();
    this.refreshing = run;
    try {
      await run;
    } finally {
      this.refreshing = undefined;
    }
  }

  private async refreshFile(file: string): Promise<void> {
    const stamp = await this.files.stamp(file);
    if (stamp === undefined) {
      this.parsed.delete(file);
      return;
    }
    if (this.parsed.get(file)?.stamp === stamp) return;
    const text = await this.files.read(file);
    const symbols = text === undefined || text.includes('\u0000') ? NO_SYMBOLS : pack(parseSpec(text));
    this.parsed.set(file, { stamp, symbols });
  }

  /** The section titles matching `query` in the folders' specs as last refreshed, open specs taken as they are in the editor. */
  search(query: string, scopes: readonly WorkspaceFolderScope[], open: readonly OpenSpec[] = []): SectionEntry[] {
    const results: SectionEntry[] = [];
    const wanted = query.toLowerCase().replace(/\s+/g, '');
    const matches = (name: string) => wanted === '' || matchesLower(name.toLowerCase(), wanted);
    const seen = new Set(open.map((spec) => spec.file));
    for (const spec of open) {
      for (const entry of sectionEntries(spec.doc, spec.file))
        if (results.length < this.limits.maxResults && matches(entry.name)) results.push(entry);
    }
    for (const scope of scopes) {
      for (const file of this.walks.get(scope.folder)?.files ?? []) {
        if (seen.has(file)) continue;
        seen.add(file);
        const symbols = this.parsed.get(file)?.symbols;
        if (symbols) results.push(...unpack(symbols, file, matches, this.limits.maxResults - results.length));
      }
    }
    return results;
  }

  /** Refreshes, then searches (see both). */
  async query(
    query: string,
    scopes: readonly WorkspaceFolderScope[],
    open: readonly OpenSpec[] = [],
    cancelled?: () => boolean,
  ): Promise<SectionEntry[]> {
    await this.refresh(scopes, cancelled);
    return this.search(query, scopes, open);
  }
}
