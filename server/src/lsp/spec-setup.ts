// What one document is checked with: its file path, workspace folder, config file and editor
// settings combined, the file access (disk or client) and the analyzer that goes with it.
// Precedence, lowest first: the defaults; the nearest `.rst-specs.json`; the editor settings the
// user set (see `overridesFromSettings`); for the template, the spec's own `.. rst-specs: template=` comment.
import { posix as path } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Analysis, Analyzer, specTemplatePath } from '../analyze';
import type { DocsTrees } from '../docs/load';
import { engineOptions, isIncludedSpec, type LoadedConfig, mergeOptions, overridesFromSettings } from '../config';
import { type EngineOptions, inlineControl } from '../engine';
import { parseSpec } from '../rst/parse';
import { TemplateCache } from '../template/load';
import { locateTemplate, lookupFolders } from '../template/locate';
import type { OptionalSectionsSetting } from '../template/optional';
import { testTitlesCandidates } from '../template/test-titles';
import { type BundledText, ClientAccess, diskAccess, type FileAccess, splitUri } from './files';
import { accessScan, diskScan, RepoFacts } from './repo-facts';
import type { Settings } from './settings';
import { filePathOfUri, normalisePath } from '../paths';
import type { UndecodableByte } from '../encoding';

export interface SpecSetup {
  readonly uri: string;
  /** POSIX path of the document (the URI's path for other schemes than file:); undefined for untitled documents. */
  readonly filePath: string | undefined;
  readonly workspaceFolder: string | undefined;
  readonly config: LoadedConfig | undefined;
  /** The template from the settings or config (absolute, or relative to the workspace folder). */
  readonly templatePath: string | undefined;
  /** Whether `templatePath` is the user's editor setting (read anywhere), not a config file's (read inside the workspace only). */
  readonly templatePathIsUsers: boolean;
  readonly engine: EngineOptions;
  readonly optionalSections: OptionalSectionsSetting;
  /** Where `optionalSections` came from: `setting`, a file (the config, the repo's `tests/test_titles.py`), or `default`. */
  readonly optionalSectionsSource: string;
  /** Checked as a spec: enabled, included by the globs, not a template. */
  readonly isSpec: boolean;
  readonly analyzer: Analyzer;
}

export interface EnvironmentOptions {
  /** `disk`: file: URIs are read from disk (Node); `client`: every file is read through the client (web). */
  readonly fileSystem: 'disk' | 'client';
  /** The bundled template's text, where it is not on disk. */
  readonly bundledText?: BundledText;
  /** The docs trees of specs on disk (docs/load.ts; the Node server gives them, the web build has none). */
  readonly docsTrees?: () => DocsTrees;
}

type Connection = ConstructorParameters<typeof ClientAccess>[0];

export class SpecEnvironment {
  private readonly diskAnalyzer: Analyzer;
  private readonly clients = new Map<string, { access: ClientAccess; analyzer: Analyzer }>();
  /** Set from the client's initializationOptions: it answers rst-specs/readDirectory and rst-specs/readFile. */
  clientFileAccess = false;
  /** Told the problems of each config file that applies, when they change (an empty list once fixed). */
  onConfigProblems: ((configUri: string, problems: LoadedConfig['problems']) => void) | undefined;
  private readonly reportedConfigs = new Map<string, string>();
  /** The repositories' own check and API names (read once, in the background for the names). */
  readonly repo = new RepoFacts();
  private readonly scan = diskScan();

  constructor(
    private readonly connection: Connection,
    private readonly options: EnvironmentOptions = { fileSystem: 'disk' },
  ) {
    this.diskAnalyzer = new Analyzer(undefined, undefined, options.docsTrees?.());
  }

  /** Whether some files are read through the client (the web build reads every file so). */
  get readsThroughClient(): boolean {
    return this.options.fileSystem === 'client' || this.clients.size > 0;
  }

  /** The document's path: file: URIs always; other schemes when their files can be read through the client. */
  filePathOf(uri: string): string | undefined {
    if (uri.startsWith('file:') && this.options.fileSystem === 'disk') return diskPathOf(uri);
    if (!uri.startsWith('file:') && !this.clientFileAccess) return undefined;
    const filePath = splitUri(uri)?.path;
    return filePath === undefined ? undefined : normalisePath(filePath, false);
  }

  private accessFor(uri: string): { access: FileAccess; analyzer: Analyzer; client?: ClientAccess } {
    if (uri.startsWith('file:') && this.options.fileSystem === 'disk') return { access: diskAccess, analyzer: this.diskAnalyzer };
    const base = splitUri(uri)?.base ?? 'file://';
    let entry = this.clients.get(base);
    if (!entry) {
      const access = new ClientAccess(this.connection, base, this.options.bundledText);
      entry = { access, analyzer: new Analyzer(new TemplateCache(access.reader), access.files) };
      this.clients.set(base, entry);
    }
    return { ...entry, client: entry.access };
  }

  /** The file access for a document's URI (disk, or through the client). */
  accessOf(uri: string): FileAccess {
    return this.accessFor(uri).access;
  }

  /** Everything needed to check `uri` (its files read ahead when they come through the client). */
  async setup(
    uri: string,
    text: string,
    settings: Settings,
    workspaceFolderOf: (filePath: string) => string | undefined,
  ): Promise<SpecSetup> {
    const filePath = this.filePathOf(uri);
    const workspaceFolder = filePath ? workspaceFolderOf(filePath) : undefined;
    const { access, analyzer, client } = this.accessFor(uri);
    if (client && filePath) {
      await client.prefetchFolders(lookupFolders(filePath, workspaceFolder));
      for (const candidate of client.configCandidates(filePath, workspaceFolder)) await client.prefetchFile(candidate);
      for (const candidate of testTitlesCandidates(filePath, workspaceFolder)) {
        await client.prefetchFolders([path.dirname(candidate)]);
        if (client.files.exists(candidate)) await client.prefetchFile(candidate);
      }
      await prefetchConfPy(client, filePath, workspaceFolder);
    }
    const config = filePath ? access.findConfig(filePath, workspaceFolder) : undefined;
    if (config) this.reportConfig(uri, config);
    const overrides = overridesFromSettings(settings, settings.userSet);
    const repoOptional = filePath ? this.repo.optionalFor(filePath, workspaceFolder, access) : undefined;
    const merged = mergeOptions(config?.config, config?.folder, overrides, repoOptional?.setting);
    const { optionalSections, optionalSectionsFrom: from } = merged;
    const optionalSectionsSource = from === 'config' ? config!.path : from === 'repo' ? repoOptional!.source : from;
    const isSpec = settings.enable && filePath !== undefined && isIncludedSpec(filePath, merged, workspaceFolder);
    if (client && filePath && isSpec) {
      const written = inlineControl(parseSpec(text)).templatePath;
      const template = written
        ? specTemplatePath(written, filePath, workspaceFolder)
        : locateTemplate(filePath, workspaceFolder, merged.templatePath, access.files);
      const templateFile = typeof template === 'string' ? template : template.kind === 'bundled' ? undefined : template.path;
      if (templateFile) await client.prefetchFile(templateFile);
    }
    if (!client && filePath && isSpec && (text.includes(':ref:`') || text.includes(':doc:`'))) {
      // rst-cross-reference reads the spec's docs tree: read ahead here, in slices, not in the check.
      await analyzer.docsTrees?.warm(filePath, workspaceFolder, workspaceFolder);
    }
    return {
      uri,
      filePath,
      workspaceFolder,
      config,
      templatePath: merged.templatePath,
      templatePathIsUsers: overrides.templatePath !== undefined,
      engine: {
        ...engineOptions(merged),
        existingApiNames: filePath
          ? this.repo.apiNamesFor(filePath, workspaceFolder, access, client ? accessScan(client) : this.scan)
          : undefined,
      },
      optionalSections,
      optionalSectionsSource,
      isSpec,
      analyzer,
    };
  }

  /** Checks the text of a spec; undefined when the document turns out to be its own template. */
  /** `undecodable`: the file's first byte that is not UTF-8, when the server read it itself. */
  analyze(setup: SpecSetup, text: string, undecodable?: UndecodableByte): Analysis | undefined {
    const analysis = setup.analyzer.analyze({
      text,
      undecodable,
      filePath: setup.filePath,
      workspaceFolder: setup.workspaceFolder,
      templatePath: setup.templatePath,
      options: setup.engine,
      confineTemplates: true,
      templatePathIsUsers: setup.templatePathIsUsers,
    });
    return analysis.templatePath !== undefined && analysis.templatePath === setup.filePath ? undefined : analysis;
  }

  private reportConfig(specUri: string, config: LoadedConfig): void {
    const base = splitUri(specUri)?.base;
    const configUri =
      specUri.startsWith('file:') || !base
        ? pathToFileURL(config.path).toString()
        : `${base}${config.path.split('/').map(encodeURIComponent).join('/')}`;
    const key = JSON.stringify(config.problems);
    if ((this.reportedConfigs.get(configUri) ?? '[]') === key) return;
    this.reportedConfigs.set(configUri, key);
    this.onConfigProblems?.(configUri, config.problems);
  }

  /** A spec or another document changed on disk: the docs trees (documents, labels) are read again when next needed. */
  forgetDocs(): void {
    this.diskAnalyzer.docsTrees?.forget();
  }

  /** A spec changed on disk (or through the client): the API names of its repository follow. Whether they did. */
  async specChanged(uri: string): Promise<boolean> {
    const filePath = this.filePathOf(uri);
    if (!filePath) return false;
    const { client } = this.accessFor(uri);
    return this.repo.specChanged(filePath, client ? accessScan(client) : this.scan);
  }

  /** A file changed: templates and config files are read again. */
  forget(): void {
    this.forgetDocs();
    this.repo.forget();
    this.diskAnalyzer.templates.forget();
    for (const { access, analyzer } of this.clients.values()) {
      access.forget();
      analyzer.templates.forget();
    }
  }
}

/**
 * The path of a `file:` URI on this machine; undefined where it has none (`file://host/...` on
 * POSIX, a malformed URI), which is then treated like an untitled document: nothing read for it.
 */
export function diskPathOf(uri: string): string | undefined {
  // In the one form of paths.ts: a trailing slash, an encoded drive letter or `..` change nothing.
  return filePathOfUri(uri);
}

/**
 * The conf.py that builds the spec (rules/docs/tree.ts looks for it the same way: in each folder
 * up to the workspace folder, or in its doc/source/), read ahead through the client, so that the
 * docs-gate rules know its extensions and rst_prolog there as on disk.
 */
async function prefetchConfPy(client: ClientAccess, specPath: string, workspaceFolder: string | undefined): Promise<void> {
  const top = workspaceFolder ? path.normalize(workspaceFolder) : undefined;
  let dir = path.dirname(path.normalize(specPath));
  for (let depth = 0; depth < 64; depth++) {
    await client.prefetchFolders([dir]);
    let conf = path.join(dir, 'conf.py');
    if (!client.files.exists(conf) && client.files.exists(path.join(dir, 'doc'))) {
      await client.prefetchFolders([path.join(dir, 'doc')]);
      if (client.files.exists(path.join(dir, 'doc', 'source'))) await client.prefetchFolders([path.join(dir, 'doc', 'source')]);
      conf = path.join(dir, 'doc', 'source', 'conf.py');
    }
    if (client.files.exists(conf)) return client.prefetchFile(conf);
    const parent = path.dirname(dir);
    if (dir === top || parent === dir) return;
    dir = parent;
  }
}
