// Workspace symbols: the section titles of every spec in the workspace folders, so that "Go to
// Symbol in Workspace" finds a spec by its title. The file system comes in through an interface;
// the walk is bounded (depth, entries) and cached, and files are re-read only when they change.
import { posix as path } from 'node:path';
import type { Range, Section, SpecDocument } from '../rst/types';
import { parseSpec } from '../rst/parse';
import { isSpecFile } from '../spec-files';
import { isWithin } from '../paths';
import { structuralSections } from '../template/structure';

export interface DirectoryEntry {
  readonly name: string;
  readonly isDirectory: boolean;
  readonly isFile: boolean;
}

/** What the index reads from disk. */
export interface WorkspaceFiles {
  list(folder: string): readonly DirectoryEntry[];
  /** A stamp that changes when the file does (e.g. mtime and size); undefined when it is gone. */
  stamp(file: string): string | undefined;
  read(file: string): string | undefined;
}

export interface WorkspaceFolderScope {
  readonly folder: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
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
  const title = structuralSections(doc).title;
  return doc.sections.map((section: Section) => ({
    name: section.title,
    kind: section === title ? 'title' : 'section',
    ...(section.parent ? { containerName: section.parent.title } : {}),
    file,
    range: section.titleRange,
  }));
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

export class WorkspaceSymbolIndex {
  private readonly walks = new Map<string, { at: number; key: string; files: string[] }>();
  private readonly parsed = new Map<string, { stamp: string; entries: SectionEntry[] }>();

  constructor(
    private readonly files: WorkspaceFiles,
    private readonly limits: WalkLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The spec files under a folder, from the cached walk when it is fresh. */
  specFiles(scope: WorkspaceFolderScope): string[] {
    const key = JSON.stringify([scope.include, scope.exclude]);
    const cached = this.walks.get(scope.folder);
    if (cached && cached.key === key && this.now() - cached.at < this.limits.ttlMs) return cached.files;
    const files: string[] = [];
    let entries = 0;
    const walk = (folder: string, depth: number) => {
      for (const entry of this.files.list(folder)) {
        if (++entries > this.limits.maxEntries) return;
        const full = path.join(folder, entry.name);
        if (entry.isDirectory) {
          if (!SKIPPED.has(entry.name) && depth < this.limits.maxDepth) walk(full, depth + 1);
        } else if (entry.isFile && entry.name.endsWith('.rst') && isSpecFile(full, scope.folder, scope.include, scope.exclude)) {
          files.push(full);
        }
      }
    };
    walk(scope.folder, 0);
    files.sort();
    this.walks.set(scope.folder, { at: this.now(), key, files });
    const listed = new Set(files);
    for (const file of this.parsed.keys()) {
      if (isWithin(file, scope.folder) && !listed.has(file)) this.parsed.delete(file);
    }
    for (const file of files) this.refresh(file);
    return files;
  }

  private refresh(file: string): SectionEntry[] {
    const stamp = this.files.stamp(file);
    const cached = this.parsed.get(file);
    if (stamp === undefined) {
      this.parsed.delete(file);
      return [];
    }
    if (cached?.stamp === stamp) return cached.entries;
    const text = this.files.read(file);
    const entries = text === undefined || text.includes('\u0000') ? [] : sectionEntries(parseSpec(text), file);
    this.parsed.set(file, { stamp, entries });
    return entries;
  }

  /** The section titles matching `query` in the folders' specs, open specs taken as they are in the editor. */
  query(query: string, scopes: readonly WorkspaceFolderScope[], open: readonly OpenSpec[] = []): SectionEntry[] {
    const results: SectionEntry[] = [];
    const wanted = query.toLowerCase().replace(/\s+/g, '');
    const add = (entries: readonly SectionEntry[]) => {
      for (const entry of entries) {
        if (results.length >= this.limits.maxResults) return;
        if (wanted === '' || matchesLower(entry.name.toLowerCase(), wanted)) results.push(entry);
      }
    };
    const seen = new Set(open.map((spec) => spec.file));
    for (const spec of open) add(sectionEntries(spec.doc, spec.file));
    for (const scope of scopes) {
      for (const file of this.specFiles(scope)) {
        if (seen.has(file)) continue;
        seen.add(file);
        add(this.parsed.get(file)?.entries ?? this.refresh(file));
      }
    }
    return results;
  }
}
