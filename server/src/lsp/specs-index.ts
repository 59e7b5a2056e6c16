// The specs explorer's index: every spec of the workspace's specs repos (each file once, though a
// docs tree links to the same files), with its title and problem counts. Built when the client
// first asks, in slices of a few milliseconds between which the server answers other messages, and
// only while the writer does not type and no open document waits for its check (one big spec's
// check takes longer than a keystroke may wait); kept up to date from the client's file events and
// the open documents (whose check the server has already made: it is not made again). It keeps one
// small row per spec, never a text, a parse or an analysis.
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { posix as path } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ServerCapabilities } from 'vscode-languageserver/node';
import type { TemplateCache } from '../template/load';
import { entryPlace, explorerTree, type SpecEntry, specTitle } from '../repo/explorer';
import { isSpecFile } from '../spec-files';
import { nodeTemplateFiles } from '../template/load';
import { structuralSections } from '../template/structure';
import type { ServerContext, ServerFeature } from './context';
import type { Settings } from './settings';

/** `{ onlyProblems? }` → `{ releases, indexing, specs }`: the explorer's tree, spec files as URIs. */
export const SPECS_TREE_REQUEST = 'rst-specs/specsTree';
/** Sent when the index changed (a slice done, a file changed); the client asks for the tree again. */
export const SPECS_CHANGED_NOTIFICATION = 'rst-specs/specsChanged';

/** How long one slice of indexing may run before the server goes back to its messages. */
const SLICE_MS = 4;
/** The index waits while the writer types: it goes on once no document has changed for this long. */
const TYPING_PAUSE_MS = 300;
/** How deep below a workspace folder a repo's `specs` folder is looked for. */
const SPECS_DEPTH = 3;
const SKIPPED = new Set(['node_modules', '.git', '.tox', 'doc', 'docs']);

type Entry = SpecEntry & { readonly specsFolder: string; readonly uri: string };

export class SpecsIndex {
  private readonly entries = new Map<string, Entry>();
  /** Real path → the path the entry is kept under (each file once). */
  private readonly realPaths = new Map<string, string>();
  private readonly queue: string[] = [];
  private started = false;
  private running = false;
  private readonly pendingOpen = new Map<string, ReturnType<typeof setTimeout>>();
  /** The templates the index's checks loaded (a repo has one per release), let go once it is done. */
  private readonly templatesUsed = new Map<string, TemplateCache>();
  /** When a document last changed: one file's check can take longer than a keystroke's, so the index waits. */
  private lastTyped = 0;

  constructor(
    private readonly context: ServerContext,
    private readonly changed: () => void,
  ) {}

  get indexing(): boolean {
    return !this.started || this.running;
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
    for (const folder of this.context.workspaceFolders()) this.queue.push(...this.discover(folder));
    this.run();
  }

  /** Files created, changed or deleted on disk: indexed again (deleted ones dropped). */
  filesChanged(uris: readonly string[]): void {
    if (!this.started) return;
    for (const uri of uris) {
      if (!uri.startsWith('file:') || !uri.endsWith('.rst')) continue;
      this.queue.push(fileURLToPath(uri));
    }
    this.run();
  }

  /** An open document changed: its entry follows the editor's text, after a pause in typing. */
  documentChanged(uri: string): void {
    this.lastTyped = performance.now();
    if (!this.started || !uri.startsWith('file:')) return;
    clearTimeout(this.pendingOpen.get(uri));
    this.pendingOpen.set(
      uri,
      setTimeout(() => {
        this.pendingOpen.delete(uri);
        this.queue.push(fileURLToPath(uri));
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

  /** The spec files of the repos in a workspace folder (their specs/<release>/ folders; links not followed). */
  private discover(workspaceFolder: string): string[] {
    const found: string[] = [];
    const visit = (folder: string, depth: number) => {
      for (const entry of safeList(folder)) {
        if (!entry.isDirectory() || entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
        const child = path.join(folder, entry.name);
        if (entry.name === 'specs') this.collectSpecs(child, found);
        else if (depth < SPECS_DEPTH) visit(child, depth + 1);
      }
    };
    if (path.basename(workspaceFolder) === 'specs') this.collectSpecs(workspaceFolder, found);
    else visit(workspaceFolder, 1);
    return found;
  }

  private collectSpecs(specsFolder: string, into: string[]): void {
    for (const release of safeList(specsFolder)) {
      if (!release.isDirectory() || release.name.startsWith('.')) continue;
      const releaseFolder = path.join(specsFolder, release.name);
      for (const entry of safeList(releaseFolder)) {
        const file = path.join(releaseFolder, entry.name);
        if (entry.isFile() && entry.name.endsWith('.rst')) into.push(file);
        else if (entry.isDirectory() && (entry.name === 'approved' || entry.name === 'implemented')) {
          for (const spec of safeList(file)) if (spec.isFile() && spec.name.endsWith('.rst')) into.push(path.join(file, spec.name));
        }
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
        while (this.queue.length > 0 && performance.now() - started < SLICE_MS && performance.now() - this.lastTyped >= TYPING_PAUSE_MS && !this.context.checksPending()) {
          await this.index(this.queue.shift()!);
          done++;
        }
      } catch (error) {
        this.context.connection.console.error(`rst-specs: the specs index failed: ${(error as Error).stack ?? error}`);
      }
      if (this.queue.length > 0) {
        if (done > 0 && this.entries.size % 200 < done) this.changed();
        setImmediate(() => void slice());
        return;
      }
      this.running = false;
      this.changed();
      await this.releaseTemplates();
      // The index's reads and checks left garbage: collected in the next quiet spell.
      this.context.allocated();
    };
    setImmediate(() => void slice());
  }

  private async index(file: string): Promise<void> {
    const real = safeRealPath(file);
    const keptAs = this.realPaths.get(real);
    if (keptAs !== undefined && keptAs !== file) return; // the same file under another path
    const workspaceFolder = this.context.workspaceFolderOf(file);
    const uri = pathToFileURL(file).toString();
    const open = this.context.documents.get(uri);
    let text: string | undefined = open?.getText();
    if (text === undefined) {
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
    }
    const place = workspaceFolder ? entryPlace(file, nodeTemplateFiles, workspaceFolder) : undefined;
    if (text === undefined || !place || !workspaceFolder) {
      this.entries.delete(file);
      this.realPaths.delete(real);
      return;
    }
    const settings: Settings = await this.context.settingsFor(pathToFileURL(workspaceFolder).toString());
    const analysis = isSpecFile(file, workspaceFolder, settings.include, settings.exclude) ? await this.analysisOf(uri, text, settings) : undefined;
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

function safeList(folder: string) {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}

function safeRealPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

export function createSpecsIndexFeature(): ServerFeature {
  return {
    capabilities: (): ServerCapabilities => ({}),
    register(context: ServerContext): void {
      const { connection } = context;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const index = new SpecsIndex(context, () => {
        // Several changes in a row give the client one notification.
        if (timer) return;
        timer = setTimeout(() => {
          timer = undefined;
          void connection.sendNotification(SPECS_CHANGED_NOTIFICATION, { indexing: index.indexing });
        }, 100);
      });
      connection.onRequest(SPECS_TREE_REQUEST, (params: { onlyProblems?: unknown } | null) => index.tree(params?.onlyProblems === true));
      context.onWatchedFilesChanged((uris) => index.filesChanged(uris));
      context.documents.onDidChangeContent((event) => index.documentChanged(event.document.uri));
    },
  };
}

export const specsIndexFeature: ServerFeature = createSpecsIndexFeature();
