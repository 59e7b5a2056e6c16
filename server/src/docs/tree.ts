// The Sphinx docs tree a spec is built in: the folder with conf.py (found upward from the spec, or
// in the usual `doc/source`, `doc`, `docs` of a folder above it), its documents (every .rst below
// it, through symbolic links to folders, as the specs repos link doc/source/specs/<release>/approved
// to specs/<release>/approved) and the labels they define. Pure: the file system comes from the
// caller; everything is read lazily and kept (one DocsTree per root, per run or until a file changes).
import { posix as path } from 'node:path';
import { labelDefinitions, normalizeLabel } from './references';

export interface DocsFiles {
  /** Names in a folder (following links); empty when it is not one. */
  list(folder: string): readonly string[];
  isFolder(filePath: string): boolean;
  /** The text of a file, undefined when it cannot be read. */
  read(filePath: string): string | undefined;
  /** The path with symbolic links resolved. */
  realPath(filePath: string): string;
}

export interface LabelSite {
  readonly docname: string;
  /** The file that defines it (an included file's own path). */
  readonly file: string;
  readonly line: number;
  readonly character: number;
  readonly length: number;
  /** See LabelDefinition.titled. */
  readonly titled: boolean;
}

const CONF_PLACES = ['', 'doc/source', 'doc', 'docs/source', 'docs'];
/** Sphinx's own labels (StandardDomain.initial_data). */
const BUILT_IN_LABELS = ['genindex', 'modindex', 'search', 'py-modindex'];
const MAX_DOCUMENTS = 20000;

/** The folder with conf.py for a spec: in its folder or above (up to `stopAt`), also in the usual doc folders of each. */
export function findDocsRoot(specPath: string, files: DocsFiles, stopAt?: string): string | undefined {
  for (let folder = path.dirname(specPath); ; folder = path.dirname(folder)) {
    for (const place of CONF_PLACES) {
      const candidate = place ? path.join(folder, place) : folder;
      if (files.list(candidate).includes('conf.py')) return candidate;
    }
    if (folder === stopAt || path.dirname(folder) === folder) return undefined;
  }
}

export class DocsTree {
  /** docname → the file's path in the tree. */
  private documents: Map<string, string> | undefined;
  /** A linked folder's real path → its path in the tree. */
  private readonly linked = new Map<string, string>();
  private labelSites: Map<string, LabelSite[]> | undefined;
  private conf: string | undefined;
  private warming: Promise<void> | undefined;
  /** null: not read yet; undefined: not a literal list (see excluded()). */
  private excludePatterns: RegExp[] | undefined | null = null;

  constructor(
    readonly root: string,
    private readonly files: DocsFiles,
  ) {}

  /** conf.py's extensions can resolve references that no file of the tree defines (read as text, never run). */
  get resolvesElsewhere(): boolean {
    const conf = this.confText();
    // An exclude_patterns that is not a plain list of strings: which documents exist is not known.
    return /sphinx\.ext\.intersphinx|autosectionlabel|sphinx\.ext\.autodoc\.typehints/.test(conf) || this.excluded() === undefined;
  }

  private confText(): string {
    this.conf ??= this.files.read(path.join(this.root, 'conf.py')) ?? '';
    return this.conf;
  }

  /** Whether exclude_patterns leaves a source out: the file, or a folder above it (Sphinx prunes matching folders). */
  private isExcluded(source: string): boolean {
    const patterns = this.excluded() ?? [];
    if (patterns.length === 0) return false;
    const parts = source.split('/');
    return parts.some((_, index) => patterns.some((pattern) => pattern.test(parts.slice(0, index + 1).join('/'))));
  }

  /** conf.py's exclude_patterns as patterns on source paths (`specs/*-template.rst`); undefined when it is not a literal list. */
  private excluded(): RegExp[] | undefined {
    if (this.excludePatterns !== null) return this.excludePatterns;
    const conf = this.confText();
    const assignment = /^exclude_patterns\s*=\s*\[([^\]]*)\]\s*$/m.exec(conf);
    const mentioned = /\bexclude_patterns\b/.test(conf);
    if (!mentioned) return (this.excludePatterns = []);
    const items = assignment?.[1]
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    const strings = items?.map((item) => /^(['"])([^'"\\]*)\1$/.exec(item)?.[2]);
    const counted = (conf.match(/\bexclude_patterns\b/g) ?? []).length;
    // `[…]` sets are not read: with one, which documents exist is left unknown.
    if (!strings || strings.some((item) => item === undefined || item.includes('[')) || counted !== 1)
      return (this.excludePatterns = undefined);
    return (this.excludePatterns = (strings as string[]).map(sphinxPattern));
  }

  /** The docname Sphinx gives a file (through the tree's links), undefined when the tree does not hold it. */
  docnameOf(filePath: string): string | undefined {
    this.scan();
    const inside = (folder: string, file: string) => (file.startsWith(`${folder}/`) ? file.slice(folder.length + 1) : undefined);
    const withoutSuffix = (relative: string) => (relative.endsWith('.rst') ? relative.slice(0, -4) : undefined);
    const direct = inside(this.root, filePath);
    if (direct !== undefined && this.documents!.has(withoutSuffix(direct) ?? '')) return withoutSuffix(direct);
    const real = this.files.realPath(path.dirname(filePath));
    for (const [target, treeFolder] of this.linked) {
      const relative = real === target ? '' : inside(target, real);
      if (relative === undefined) continue;
      const docname = withoutSuffix(path.join(path.relative(this.root, treeFolder), relative, path.basename(filePath)));
      if (docname !== undefined && this.documents!.has(docname)) return docname;
    }
    return undefined;
  }

  /** A file's text, read through the tree's files (so confined as they are). */
  textOf(filePath: string): string | undefined {
    return this.files.read(filePath);
  }

  hasDocument(docname: string): boolean {
    this.scan();
    return this.documents!.has(docname);
  }

  /** Every document: docname → its path in the tree. */
  allDocuments(): ReadonlyMap<string, string> {
    this.scan();
    return this.documents!;
  }

  /** Where a label is defined (none: undefined), read from every document and the files they include. */
  labels(): ReadonlyMap<string, readonly LabelSite[]> {
    if (!this.labelSites) for (const _ of this.labelSteps());
    return this.labelSites!;
  }

  /**
   * Reads the tree (its documents, then its labels) a few milliseconds at a time, waiting on
   * `pause` between slices, so that a server answers other messages meanwhile. What is read is the
   * same as the synchronous calls read; a call while it runs shares its work.
   */
  warm(pause: () => Promise<void>, sliceMs = 5): Promise<void> {
    this.warming ??= (async () => {
      let started = performance.now();
      for (const _ of this.scanSteps()) {
        if (performance.now() - started < sliceMs) continue;
        await pause();
        started = performance.now();
      }
      if (this.labelSites) return;
      for (const _ of this.labelSteps()) {
        if (performance.now() - started < sliceMs) continue;
        await pause();
        started = performance.now();
      }
    })();
    return this.warming;
  }

  /** The label index, built one document per step (the result kept once complete). */
  private *labelSteps(): Generator<void> {
    for (const _ of this.scanSteps());
    if (this.labelSites) return;
    const sites = new Map<string, LabelSite[]>();
    for (const label of BUILT_IN_LABELS) sites.set(label, []);
    const add = (docname: string, file: string, text: string, depth: number) => {
      const lines = text.split(/\r\n|\r|\n/);
      for (const definition of labelDefinitions(lines)) {
        const list = sites.get(definition.label) ?? [];
        list.push({
          docname,
          file,
          line: definition.line,
          character: definition.character,
          length: definition.length,
          titled: definition.titled,
        });
        sites.set(definition.label, list);
      }
      if (depth > 4 || !text.includes('.. include::')) return;
      for (const line of lines) {
        const include = /^\s*\.\. include::\s*(\S+)\s*$/.exec(line);
        if (!include || include[1].startsWith('<')) continue;
        const included = include[1].startsWith('/') ? path.join(this.root, include[1]) : path.join(path.dirname(file), include[1]);
        const includedText = this.files.read(included);
        if (includedText !== undefined) add(docname, included, includedText, depth + 1);
      }
    };
    for (const [docname, file] of this.documents!) {
      const text = this.files.read(file);
      if (
        text !== undefined &&
        (text.includes('.. _') || text.includes(':name:') || text.includes('.. [') || text.includes('.. include::'))
      )
        add(docname, file, text, 0);
      yield;
    }
    this.labelSites ??= sites;
  }

  hasLabel(label: string, exceptDocname?: string): boolean {
    const sites = this.labels().get(normalizeLabel(label));
    return !!sites && (sites.length === 0 || sites.some((site) => site.docname !== exceptDocname));
  }

  /** Whether a label of another document than `exceptDocname` gives `:ref:` a title (Sphinx's own labels do). */
  hasTitledLabel(label: string, exceptDocname?: string): boolean {
    const sites = this.labels().get(normalizeLabel(label));
    return !!sites && (sites.length === 0 || sites.some((site) => site.docname !== exceptDocname && site.titled));
  }

  private scan(): void {
    for (const _ of this.scanSteps());
  }

  /** The documents of the tree, found one folder per step (the result kept once complete). */
  private *scanSteps(): Generator<void> {
    if (this.documents) return;
    const documents = new Map<string, string>();
    const visited = new Set<string>();
    const folders: [string, string][] = [[this.root, this.root]];
    while (folders.length > 0 && documents.size < MAX_DOCUMENTS) {
      const [folder, treeFolder] = folders.pop()!;
      const real = this.files.realPath(folder);
      if (visited.has(real)) continue;
      visited.add(real);
      if (folder !== treeFolder || real !== folder) this.linked.set(real, treeFolder);
      const names = this.files.list(folder);
      // Depth first, in listing order (the stack takes the last pushed first).
      const below: [string, string][] = [];
      for (const name of names) {
        if (name.startsWith('.') || name === '_build') continue;
        const entry = path.join(folder, name);
        const treeEntry = path.join(treeFolder, name);
        if (this.files.isFolder(entry)) {
          below.push([entry, treeEntry]);
        } else if (name.endsWith('.rst')) {
          const source = path.relative(this.root, treeEntry);
          // Documents conf.py's exclude_patterns leave out are not built (nor can they be referred to).
          if (!this.isExcluded(source)) documents.set(source.slice(0, -4), entry);
        } else if (!name.includes('.')) {
          // A link that git checked out as a file holding its target (core.symlinks=false).
          const target = linkStandIn(this.files, entry);
          if (target) below.push([target, treeEntry]);
        }
      }
      folders.push(...below.reverse());
      yield;
    }
    this.documents ??= documents;
  }
}

/** Sphinx's pattern matching (sphinx.util.matching): `**` anything, `*` and `?` within a path segment. */
function sphinxPattern(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index];
    if (character === '*' && pattern[index + 1] === '*') {
      source += '.*';
      index++;
    } else if (character === '*') source += '[^/]*';
    else if (character === '?') source += '[^/]';
    else source += character.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** The folder a git symbolic-link stand-in names: a short one-line file holding a relative path to a folder. */
function linkStandIn(files: DocsFiles, filePath: string): string | undefined {
  const text = files.read(filePath);
  if (text === undefined || text.length > 512 || /[\r\n\0]/.test(text.trimEnd()) || !text.startsWith('.')) return undefined;
  const target = path.normalize(path.join(path.dirname(filePath), text.trim()));
  let end = target.length;
  while (end > 1 && target.charCodeAt(end - 1) === 47) end--;
  return files.isFolder(target) ? target.slice(0, end) : undefined;
}
