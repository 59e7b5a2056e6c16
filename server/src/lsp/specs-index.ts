// The specs explorer's index: every spec of the workspace's specs repos (each file once, though a
// docs tree links to the same files), with its title and problem counts. Built when the client
// first asks, in slices of a few milliseconds between which the server answers other messages, and
// only while the writer does not type and no open document waits for its check (one big spec's
// check takes longer than a keystroke may wait); kept up to date from the client's file events and
// the open documents (whose check the server has already made: it is not made again). It keeps one
// small row per spec, never a text, a parse or an analysis.
import { realpathSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { posix as path } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerCapabilities } from 'vscode-languageserver/node';
import type { TemplateCache } from '../template/load';
import { entryPlace, explorerTree, type SpecEntry, specTitle } from '../repo/explorer';
import type { LayoutFiles } from '../repo/layout';
import { READ_FILE_REQUEST } from './files';
import { siblingUri } from './file-links';
import { overridesFromSettings, specPredicate } from '../config';
import { nodeTemplateFiles } from '../template/load';
import { structuralSections } from '../template/structure';
import type { ServerContext, ServerFeature } from './context';
import type { Settings } from './settings';

/** `{ onlyProblems? }` → `{ releases, indexing, specs }`: the explorer's tree, spec files as URIs. */
export { SPECS_CHANGED_NOTIFICATION, SPECS_TREE_REQUEST } from '../protocol';
import { SPECS_CHANGED_NOTIFICATION, SPECS_TREE_REQUEST } from '../protocol';

/** How long one slice of indexing may run before the server goes back to its messages. */
const SLICE_MS = 4;
/** The index waits while the writer types: it goes on once no document has changed for this long. */
const TYPING_PAUSE_MS = 300;
/** How deep below a workspace folder a repo's `specs` folder is looked for. */
const SPECS_DEPTH = 3;
const SKIPPED = new Set(['node_modules', '.git', '.tox', 'doc', 'docs']);

type Entry = SpecEntry & { readonly specsFolder: string; readonly uri: string };

/** How the index reads a workspace folder: from disk (Node), or through the client (the web build). */
export interface IndexFiles {
  /** A folder's subfolders and files (links are neither: not followed). */
  entries(folder: string): Promise<{ folders: string[]; files: string[] }>;
  read(file: string): Promise<string | undefined>;
  realPath(file: string): string;
  /** The listings the layout rules read (specPlace: the repo's marker files). */
  readonly layout: LayoutFiles;
  uriOf(file: string): string;
}

/** The file access for a workspace folder; undefined when it cannot be read. */
export type IndexFilesOf = (context: ServerContext, workspaceFolder: string) => IndexFiles | undefined;

// Listings and reads go through Node's thread pool: the server's thread only parses and checks.
const DISK_FILES: IndexFiles = {
  async entries(folder) {
    const listed = await readdir(folder, { withFileTypes: true }).catch(() => []);
    return {
      folders: listed.filter((entry) => entry.isDirectory()).map((entry) => entry.name),
      files: listed.filter((entry) => entry.isFile()).map((entry) => entry.name),
    };
  },
  async read(file) {
    try {
      return await readFile(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  realPath: safeRealPath,
  layout: nodeTemplateFiles,
  uriOf: (file) => pathToFileURL(file).toString(),
};

export const diskIndexFiles: IndexFilesOf = () => DISK_FILES;

/**
 * Through the client (`rst-specs/readDirectory`, `rst-specs/readFile`, answered with
 * `workspace.fs`): it lists names only, so a name is a folder when it lists as one. Listings are
 * kept by the folder's ClientAccess (small); spec texts are asked for one at a time and not kept.
 */
export const clientIndexFiles: IndexFilesOf = (context, workspaceFolder) => {
  const folderUri = context.workspaceFolderUri(workspaceFolder);
  if (!folderUri) return undefined;
  const access = context.environment.accessOf(folderUri);
  const uriOf = (file: string) => siblingUri(folderUri, file);
  return {
    async entries(folder) {
      await access.prefetchFolders([folder]);
      const names = access.files.list(folder);
      const candidates = names.filter((name) => !name.endsWith('.rst') && !name.startsWith('.') && !SKIPPED.has(name));
      await access.prefetchFolders(candidates.map((name) => path.join(folder, name)));
      return {
        folders: candidates.filter((name) => access.files.list(path.join(folder, name)).length > 0),
        files: names.filter((name) => name.endsWith('.rst')),
      };
    },
    async read(file) {
      const answer = (await Promise.resolve(context.connection.sendRequest(READ_FILE_REQUEST, { uri: uriOf(file) })).catch(() => null)) as {
        text?: unknown;
      } | null;
      return typeof answer?.text === 'string' ? answer.text : undefined;
    },
    realPath: (file) => file,
    layout: access.files,
    uriOf,
  };
};

export class SpecsIndex {
  private readonly entries = new Map<string, Entry>();
  /** Real path → the path the entry is kept under (each file once). */
  private readonly realPaths = new Map<string, string>();
  private readonly queue: string[] = [];
  private started = false;
  private running = false;
  private discovering = false;
  private readonly pendingOpen = new Map<string, ReturnType<typeof setTimeout>>();
  /** The templates the index's checks loaded (a repo has one per release), let go once it is done. */
  private readonly templatesUsed = new Map<string, TemplateCache>();
  /** When a document last changed: one file's check can take longer than a keystroke's, so the index waits. */
  private lastTyped = 0;

  constructor(
    private readonly context: ServerContext,
    private readonly changed: () => void,
    private readonly filesOf: IndexFilesOf = diskIndexFiles,
  ) {}

  get indexing(): boolean {
    return !this.started || this.running || this.discovering;
  }

  /** The tree as the client shows it; the first call starts the indexing. */
  tree(onlyProblems: boolean) {
    this.start();
    const releases = explorerTree(this.entries.values(), onlyProblems);
    return { releases, indexing: this.indexing, specs: this.entries.size };
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.discovering = true;
    void (async () => {
      try {
        for (const folder of this.context.workspaceFolders()) {
          const files = this.filesOf(this.context, folder);
          if (files) this.queue.push(...(await this.discover(folder, files)));
        }
      } catch (error) {
        this.context.connection.console.error(
          `rst-specs: the specs index could not list the workspace: ${(error as Error).stack ?? error}`,
        );
      }
      this.discovering = false;
      this.run();
    })();
  }

  /** Files created, changed or deleted on disk: indexed again (deleted ones dropped). */
  filesChanged(uris: readonly string[]): void {
    if (!this.started) return;
    for (const uri of uris) {
      const file = uri.endsWith('.rst') ? this.context.environment.filePathOf(uri) : undefined;
      if (file) this.queue.push(file);
    }
    this.run();
  }

  /** An open document changed: its entry follows the editor's text, after a pause in typing. */
  documentChanged(uri: string): void {
    this.lastTyped = performance.now();
    const file = this.started ? this.context.environment.filePathOf(uri) : undefined;
    if (!file) return;
    clearTimeout(this.pendingOpen.get(uri));
    this.pendingOpen.set(
      uri,
      setTimeout(() => {
        this.pendingOpen.delete(uri);
        this.queue.push(file);
        this.run();
      }, 500),
    );
  }

  /** The check of a spec: an open document's is the server's own (made once per version), a closed one's is made here. */
  private async analysisOf(uri: string, text: string, settings: Settings) {
    if (this.context.documents.get(uri)) return (await this.context.stateOf(uri))?.spec;
    const setup = await this.context.environment.setup(uri, text, settings, (other) => this.context.workspaceFolderOf(other));
    const analysis = setup.isSpec ? this.context.environment.analyze(setup, text) : undefined;
    if (analysis?.templatePath) this.templatesUsed.set(analysis.templatePath, setup.analyzer.templates);
    return analysis;
  }

  /**
   * Lets go of the templates the index loaded that no open document uses: nova-specs has 30
   * releases, each with its template, parsed about 0.2 MB each; an open spec's check loads its own again.
   */
  private async releaseTemplates(): Promise<void> {
    const inUse = new Set<string>();
    for (const document of this.context.documents.all()) {
      const template = (await this.context.stateOf(document.uri).catch(() => undefined))?.spec?.templatePath;
      if (template) inUse.add(template);
    }
    if (this.queue.length > 0) return; // files came meanwhile: let go at the end of those
    for (const [template, templates] of this.templatesUsed) if (!inUse.has(template)) templates.forget(template);
    this.templatesUsed.clear();
  }

  /**
   * Resolves at a turn of the event loop when the writer has not typed for TYPING_PAUSE_MS and no
   * open document waits for its check: each step of the index's work starts only then.
   */
  private async quiet(): Promise<void> {
    for (;;) {
      const sinceTyping = performance.now() - this.lastTyped;
      if (sinceTyping >= TYPING_PAUSE_MS && !this.context.checksPending()) return;
      await new Promise((resolve) => setTimeout(resolve, Math.max(TYPING_PAUSE_MS - sinceTyping, 20)));
    }
  }

  /** A folder's listing, once typing pauses: the discovery of a big repo lists a hundred folders, each in its own turn. */
  private async listing(files: IndexFiles, folder: string) {
    await this.quiet();
    return files.entries(folder);
  }

  /** The spec files of the repos in a workspace folder (their specs/<release>/ folders; links not followed). */
  private async discover(workspaceFolder: string, files: IndexFiles): Promise<string[]> {
    const found: string[] = [];
    const visit = async (folder: string, depth: number) => {
      for (const name of (await this.listing(files, folder)).folders) {
        if (name.startsWith('.') || SKIPPED.has(name)) continue;
        const child = path.join(folder, name);
        if (name === 'specs') await this.collectSpecs(child, files, found);
        else if (depth < SPECS_DEPTH) await visit(child, depth + 1);
      }
    };
    if (path.basename(workspaceFolder) === 'specs') await this.collectSpecs(workspaceFolder, files, found);
    else await visit(workspaceFolder, 1);
    return found;
  }

  private async collectSpecs(specsFolder: string, files: IndexFiles, into: string[]): Promise<void> {
    for (const release of (await this.listing(files, specsFolder)).folders) {
      if (release.startsWith('.')) continue;
      const releaseFolder = path.join(specsFolder, release);
      const entries = await this.listing(files, releaseFolder);
      for (const name of entries.files) if (name.endsWith('.rst')) into.push(path.join(releaseFolder, name));
      for (const state of entries.folders) {
        if (state !== 'approved' && state !== 'implemented') continue;
        for (const name of (await this.listing(files, path.join(releaseFolder, state))).files)
          if (name.endsWith('.rst')) into.push(path.join(releaseFolder, state, name));
      }
    }
  }

  private run(): void {
    if (this.running) return;
    this.running = true;
    const slice = async () => {
      const sinceTyping = performance.now() - this.lastTyped;
      if (sinceTyping < TYPING_PAUSE_MS || this.context.checksPending()) {
        setTimeout(() => void slice(), Math.max(TYPING_PAUSE_MS - sinceTyping, 20));
        return;
      }
      const started = performance.now();
      let done = 0;
      try {
        while (
          this.queue.length > 0 &&
          performance.now() - started < SLICE_MS &&
          performance.now() - this.lastTyped >= TYPING_PAUSE_MS &&
          !this.context.checksPending()
        ) {
          await this.index(this.queue.shift()!);
          done++;
        }
      } catch (error) {
        this.context.connection.console.error(`rst-specs: the specs index failed: ${(error as Error).stack ?? error}`);
      }
      if (this.queue.length > 0) {
        if (done > 0 && this.entries.size % 200 < done) this.changed();
        later(() => void slice());
        return;
      }
      this.running = false;
      this.changed();
      await this.releaseTemplates();
      // The index's reads and checks left garbage: collected in the next quiet spell.
      this.context.allocated();
    };
    later(() => void slice());
  }

  private async index(file: string): Promise<void> {
    const workspaceFolder = this.context.workspaceFolderOf(file);
    const files = workspaceFolder ? this.filesOf(this.context, workspaceFolder) : undefined;
    const real = files ? files.realPath(file) : file;
    const keptAs = this.realPaths.get(real);
    if (keptAs !== undefined && keptAs !== file) return; // the same file under another path
    const uri = files ? files.uriOf(file) : '';
    const text = files ? (this.context.documents.get(uri)?.getText() ?? (await files.read(file))) : undefined;
    const place = files && workspaceFolder ? entryPlace(file, files.layout, workspaceFolder) : undefined;
    if (text === undefined || !place || !workspaceFolder) {
      this.entries.delete(file);
      this.realPaths.delete(real);
      return;
    }
    const settings: Settings = await this.context.settingsFor(
      this.context.workspaceFolderUri(workspaceFolder) ?? pathToFileURL(workspaceFolder).toString(),
    );
    const analysis = specPredicate(workspaceFolder, overridesFromSettings(settings, settings.userSet))(file)
      ? await this.analysisOf(uri, text, settings)
      : undefined;
    if (!analysis) {
      // Not (or no longer) a spec: a template, excluded by the settings.
      this.entries.delete(file);
      this.realPaths.delete(real);
      return;
    }
    const diagnostics = analysis.diagnostics;
    const title = structuralSections(analysis.doc).title?.title;
    this.entries.set(file, {
      file,
      uri,
      specsFolder: place.specsFolder,
      release: place.release,
      state: place.state,
      // A copy: the title read from the text is a slice of it, which would keep the whole text alive.
      title: ownCopy(specTitle(title, file)),
      errors: diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
      problems: diagnostics.length,
    });
    this.realPaths.set(real, file);
  }
}

/** A flat copy of a string (V8 keeps a slice's whole parent string alive; a join builds a new one). */
function ownCopy(text: string): string {
  return [...text].join('');
}

/** The next turn of the event loop (setImmediate in Node; a web worker has setTimeout only). */
function later(run: () => void): void {
  if (typeof setImmediate === 'function') setImmediate(run);
  else setTimeout(run, 0);
}

function safeRealPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/** `filesOf`: how the index reads the workspace (disk for the Node server, the client for the web build). */
export function createSpecsIndexFeature(filesOf: IndexFilesOf = diskIndexFiles): ServerFeature {
  return {
    capabilities: (): ServerCapabilities => ({}),
    register(context: ServerContext): void {
      const { connection } = context;
      let timer: ReturnType<typeof setTimeout> | undefined;
      // Several changes in a row give the client one notification.
      const changed = () => {
        if (timer) return;
        timer = setTimeout(() => {
          timer = undefined;
          void connection.sendNotification(SPECS_CHANGED_NOTIFICATION, { indexing: index.indexing });
        }, 100);
      };
      const index = new SpecsIndex(context, changed, filesOf);
      connection.onRequest(SPECS_TREE_REQUEST, (params: { onlyProblems?: unknown } | null) => index.tree(params?.onlyProblems === true));
      context.onWatchedFilesChanged((uris) => index.filesChanged(uris));
      context.documents.onDidChangeContent((event) => index.documentChanged(event.document.uri));
    },
  };
}

export const specsIndexFeature: ServerFeature = createSpecsIndexFeature();
