import { statSync } from 'node:fs';
import * as path from 'node:path';
import { type Analysis, Analyzer } from '../analyze';
import { BUNDLED_TEMPLATE_PATH } from '../bundled-template';
import {
  engineOptions,
  type EffectiveOptions,
  findConfigPath,
  formatConfigProblem,
  isExcludedFile,
  isIncludedSpec,
  type LoadedConfig,
  loadConfigFile,
  mergeOptions,
} from '../config';
import { nodeTemplateFiles, nodeTemplateReader, TemplateCache, type TemplateReader } from '../template/load';
import { DocsTrees } from '../docs/load';
import { isTemplateFile, locateTemplate, type TemplateFiles } from '../template/locate';
import { type Template, TemplateError } from '../template/model';
import type { CliOptions } from './args';
import { unifiedDiff } from './diff';
import { FileChangedError, fixSpec, writeFileSafely } from './fix';
import { decodeSpec, type UndecodableByte } from '../encoding';
import { editorPositions, SAME } from '../rst/editor-positions';
import { displayPath, type Origin, type Target } from './inputs';
import { describeFsError, readRegularFile, realPathOf } from '../node-files';
import { isWithin, normalisePath, toPosix } from '../paths';
import { RepoFacts } from './repo';
import type { FileReport, OptionalSectionsReport } from './report';

/** What checking one target gave: its report (unless it could not be checked) and the problems that make the run exit 2. */
export interface TargetResult {
  readonly report?: FileReport;
  readonly bytes: number;
  readonly ms: number;
  /** For stderr; `key` names the cause (a config or template file) so that it is reported once per run. */
  readonly problems: readonly { readonly key: string; readonly text: string }[];
  /** --fix-dry-run: the unified diff of the fixes. */
  readonly diff?: string;
}

/** What the checker may ask of the outside world (replaced in tests). */
export interface CheckerIo {
  readonly cwd: string;
  /** Bytes are decoded as files are (a spec that is not UTF-8 gets its `encoding` error). */
  readonly readStdin?: () => string | Buffer;
  readonly readFile?: (filePath: string) => Buffer;
  /** `original`: the bytes the check read, which the file must still hold (else it was edited meanwhile). */
  readonly writeFile?: (filePath: string, text: string, original: Buffer) => void;
}

/** Checks specs one at a time for one run, keeping what the file system answered (configs, templates, project roots). */
export class SpecChecker {
  private readonly templateFiles = cachedTemplateFiles();
  // The same run-long answers for the engine's own lookups (each spec's conf.py, misplacement,
  // links), which otherwise stat two files per folder up to the root for every spec.
  private readonly analyzer = new Analyzer(new RunTemplateCache(cachedReader()), this.templateFiles, new DocsTrees());
  private readonly configPathByFolder = new Map<string, string | undefined>();
  private readonly rootByFolder = new Map<string, string | undefined>();
  private readonly templateByFolder = new Map<string, string>();
  // A run is a snapshot: each folder's options, each path's real path and each path as shown are
  // worked out once (each spec asked for them again: lstat per folder up to the root, path.relative).
  private readonly optionsByFolder = new Map<string, FolderOptions>();
  private readonly realPaths = new Map<string, string | undefined>();
  private readonly shownPaths = new Map<string, string>();
  private readonly forcedConfig: LoadedConfig | undefined;
  private readonly repo = new RepoFacts();

  constructor(
    private readonly options: CliOptions,
    private readonly io: CheckerIo,
  ) {
    this.forcedConfig = options.config === undefined ? undefined : loadConfigFile(path.resolve(io.cwd, options.config));
  }

  /** The --config file's problems, as one message; undefined when it is usable or not given. */
  forcedConfigProblem(): string | undefined {
    return this.forcedConfig && this.forcedConfig.problems.length > 0 ? this.configMessage(this.forcedConfig) : undefined;
  }

  /** Why a file found on the command line is not checked, or undefined to check it. */
  select(file: string, origin: Origin): 'template' | 'excluded' | 'not-included' | undefined {
    if (isTemplateFile(toPosix(file))) return 'template';
    const { effective } = this.optionsFor(file);
    if (origin === 'folder') return isIncludedSpec(file, effective, this.io.cwd) ? undefined : 'not-included';
    return isExcludedFile(file, effective, this.io.cwd) ? 'excluded' : undefined;
  }

  check(target: Target): TargetResult {
    const started = performance.now();
    const result = this.checkTarget(target);
    return { ...result, ms: performance.now() - started };
  }

  private checkTarget(target: Target): Omit<TargetResult, 'ms'> {
    const { io, options } = this;
    const filePath = target.absolute ?? (options.stdinFilename === undefined ? undefined : path.resolve(io.cwd, options.stdinFilename));
    const settings = this.optionsFor(filePath);
    if (settings.config && settings.config.problems.length > 0) {
      return { bytes: 0, problems: [{ key: `config:${settings.config.path}`, text: this.configMessage(settings.config) }] };
    }
    let text: string;
    let bytes: number;
    let original: Buffer | undefined;
    let undecodable: UndecodableByte | undefined;
    try {
      if (target.absolute === undefined) {
        const input = io.readStdin ? io.readStdin() : '';
        bytes = typeof input === 'string' ? Buffer.byteLength(input) : input.length;
        ({ text, undecodable } = typeof input === 'string' ? { text: input, undecodable: undefined } : decodeSpec(input));
      } else {
        // Only a regular file, at most 20 MB: a spec linked to /dev/zero is refused unread.
        original = (io.readFile ?? readRegularFile)(target.absolute);
        bytes = original.length;
        ({ text, undecodable } = decodeSpec(original));
      }
    } catch (error) {
      return {
        bytes: 0,
        problems: [{ key: `read:${target.display}`, text: `${target.display}: cannot be read: ${describeError(error)}` }],
      };
    }
    const templatePath = this.templateFileFor(filePath, settings.effective.templatePath);
    // A template the repository's own files name or lookup finds is read only inside the repository;
    // one the user named (--template, or the template of a --config file) may be anywhere.
    const root = this.repositoryRoot(filePath ? path.dirname(filePath) : io.cwd);
    const usersTemplate =
      templatePath === BUNDLED_TEMPLATE_PATH || options.template !== undefined || this.forcedConfig?.config.template !== undefined;
    if (!usersTemplate && !this.isReallyWithin(templatePath, root)) {
      const text = `the template ${displayPath(templatePath, io.cwd)} is outside the repository (${path.resolve(root) === path.resolve(io.cwd) ? '.' : displayPath(root, io.cwd)}), so it was not read (needed by ${target.display})`;
      return { bytes, problems: [{ key: `template:${templatePath}`, text }] };
    }
    try {
      this.analyzer.templates.load(templatePath);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      return { bytes, problems: [{ key: `template:${templatePath}`, text: `${error.message} (needed by ${target.display})` }] };
    }
    const engine = {
      ...engineOptions(settings.effective),
      ...(filePath ? { existingApiNames: this.repo.apiNamesFor(filePath) } : {}),
    };
    const request = {
      filePath: filePath && toPosix(filePath),
      templatePath,
      options: engine,
      undecodable,
      workspaceFolder: normalisePath(root),
      confineTemplates: true,
      templatePathIsUsers: true, // checked above; confinement here is for a spec's own `template=` comment
    };
    const analyze = (source: string): Analysis => this.analyzer.analyze({ ...request, text: source });
    let analysis = analyze(text);
    let fixed = 0;
    let diff: string | undefined;
    const problems: { key: string; text: string }[] = [];
    if (options.fix || options.fixDryRun) {
      const result = fixSpec(text, analysis, analyze, settings.effective);
      if (result.text !== text && undecodable) {
        // Written back, each byte that is not UTF-8 would become U+FFFD: the file is not touched.
        const at = `line ${undecodable.line + 1}, column ${undecodable.character + 1}`;
        problems.push({
          key: `encoding:${target.display}`,
          text: `${target.display}: not valid UTF-8 (${at}), so the fixes were not made: save it as UTF-8 first`,
        });
      } else if (result.text !== text) {
        try {
          if (options.fixDryRun) diff = unifiedDiff(target.display, text, result.text);
          else (io.writeFile ?? writeFileSafely)(target.absolute as string, result.text, original as Buffer);
          analysis = result.analysis;
          fixed = result.fixed;
        } catch (error) {
          const why =
            error instanceof FileChangedError
              ? `${target.display}: changed while it was checked, so the fixes were not written: run rst-specs again`
              : `${target.display}: the fixes could not be written (${describeError(error)}); the file is unchanged`;
          problems.push({ key: `write:${target.display}`, text: why });
        }
      }
    }
    // Lines as editors count them (and as the repos' tests number them): see rst/editor-positions.ts.
    const positions = editorPositions(analysis.doc);
    const diagnostics =
      positions === SAME ? analysis.diagnostics : analysis.diagnostics.map((d) => ({ ...d, range: positions.toEditorRange(d.range) }));
    const template = templatePath === BUNDLED_TEMPLATE_PATH ? 'bundled' : this.shown(templatePath);
    const optionalSections: OptionalSectionsReport = {
      titles: analysis.optionalSections ?? [],
      from: this.optionalSource(settings.effective.optionalSectionsFrom, settings.config, settings.repoSource),
    };
    return { report: { path: target.display, diagnostics, fixed, template, optionalSections }, bytes, problems, diff };
  }

  /** Where the optional sections came from, as shown: a file's path, or `default`. */
  private optionalSource(
    from: EffectiveOptions['optionalSectionsFrom'],
    config: LoadedConfig | undefined,
    repoSource: string | undefined,
  ): string {
    if (from === 'config' && config) return this.shown(config.path);
    if (from === 'repo' && repoSource) return this.shown(repoSource);
    return 'default';
  }

  /** displayPath, once per path. */
  private shown(absolute: string): string {
    let shown = this.shownPaths.get(absolute);
    if (shown === undefined) this.shownPaths.set(absolute, (shown = displayPath(absolute, this.io.cwd)));
    return shown;
  }

  /** isReallyWithin (node-files.ts), each path's links resolved once per run. */
  private isReallyWithin(filePath: string, folder: string): boolean {
    const file = this.realPath(filePath);
    const root = this.realPath(folder);
    return file !== undefined && root !== undefined && isWithin(file, root);
  }

  private realPath(filePath: string): string | undefined {
    if (!this.realPaths.has(filePath)) this.realPaths.set(filePath, realPathOf(filePath));
    return this.realPaths.get(filePath);
  }

  /** The config and options that apply to a file (or to standard input, given no path): they depend only on its folder. */
  private optionsFor(file: string | undefined): FolderOptions {
    const folder = file ? path.dirname(file) : this.io.cwd;
    const key = file ? folder : ''; // standard input: the current folder's options, but not its repo's test_titles.py
    let options = this.optionsByFolder.get(key);
    if (!options) this.optionsByFolder.set(key, (options = this.optionsIn(folder, file)));
    return options;
  }

  /** `file`: one in `folder` (its repo's test_titles.py is looked for from its folder). */
  private optionsIn(folder: string, file: string | undefined): FolderOptions {
    const cliOverrides = {
      templatePath: this.options.template === undefined ? undefined : path.resolve(this.io.cwd, this.options.template),
      maxLineLength: this.options.maxLineLength,
      rules: this.options.rules,
    };
    const root = this.repositoryRoot(folder);
    const configPath = this.forcedConfig ? undefined : this.configPathIn(folder, root);
    // A config file found in the repository must really be there (not a link to /etc/passwd).
    const config = this.forcedConfig ?? (configPath ? loadConfigFile(configPath, root) : undefined);
    const repo = file ? this.repo.optionalFor(file) : undefined;
    return { effective: mergeOptions(config?.config, config?.folder, cliOverrides, repo?.setting), config, repoSource: repo?.source };
  }

  private configMessage(config: LoadedConfig): string {
    const shown = displayPath(config.path, this.io.cwd);
    const lines = config.problems.map((problem) => `  ${formatConfigProblem(shown, problem)}`);
    return `the config file ${shown} cannot be used:\n${lines.join('\n')}`;
  }

  /** The config file that governs a folder: its own, else its parent's up to the repository's root (each folder looked at once per run). */
  private configPathIn(folder: string, root: string): string | undefined {
    if (this.configPathByFolder.has(folder)) return this.configPathByFolder.get(folder);
    let found = findConfigPath(folder, folder);
    if (!found) {
      const parent = path.dirname(folder);
      found =
        parent === folder || folder === root || !isWithin(normalisePath(parent), normalisePath(root))
          ? undefined
          : this.configPathIn(parent, root);
    }
    this.configPathByFolder.set(folder, found);
    return found;
  }

  /** The template file for a spec: the configured one, else the one template lookup finds, else the bundled one. */
  private templateFileFor(filePath: string | undefined, configured: string | undefined): string {
    if (configured) return configured;
    if (!filePath) return BUNDLED_TEMPLATE_PATH;
    // The lookup depends only on the spec's folder: once per folder.
    const folder = path.dirname(filePath);
    let found = this.templateByFolder.get(folder);
    if (found === undefined) {
      const root = this.repositoryRoot(folder);
      const choice = locateTemplate(toPosix(filePath), toPosix(root), undefined, this.templateFiles);
      found = choice.kind === 'bundled' ? BUNDLED_TEMPLATE_PATH : choice.path;
      this.templateByFolder.set(folder, found);
    }
    return found;
  }

  /**
   * The repository a folder belongs to, where config and template lookup stop and what they may
   * read: the nearest folder with `.git`, else the folder that holds the nearest `specs/`, else the
   * current folder when it is inside it, else the folder itself.
   */
  private repositoryRoot(folder: string): string {
    const git = this.projectRoot(folder);
    if (git) return git;
    for (let current = folder; ; current = path.dirname(current)) {
      if (path.basename(current) === 'specs') return path.dirname(current);
      if (path.dirname(current) === current) break;
    }
    return isWithin(normalisePath(folder), normalisePath(this.io.cwd)) ? this.io.cwd : folder;
  }

  /** The nearest folder at or above `folder` that holds `.git`: where template lookup stops. */
  private projectRoot(folder: string): string | undefined {
    if (this.rootByFolder.has(folder)) return this.rootByFolder.get(folder);
    const parent = path.dirname(folder);
    const root = statSync(path.join(folder, '.git'), { throwIfNoEntry: false })
      ? folder
      : parent === folder
        ? undefined
        : this.projectRoot(parent);
    this.rootByFolder.set(folder, root);
    return root;
  }
}

interface FolderOptions {
  readonly effective: EffectiveOptions;
  readonly config?: LoadedConfig;
  readonly repoSource?: string;
}

/** Templates loaded once per run: a run is a snapshot, so no file is looked at twice. */
class RunTemplateCache extends TemplateCache {
  private readonly loaded = new Map<string, Template | TemplateError>();

  override load(filePath: string): Template {
    let template = this.loaded.get(filePath);
    if (template === undefined) {
      try {
        template = super.load(filePath);
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error;
        template = error;
      }
      this.loaded.set(filePath, template);
    }
    if (template instanceof TemplateError) throw template;
    return template;
  }
}

/** The file system's answers to template lookup, kept for one run (specs in one folder ask the same). */
function cachedTemplateFiles(): TemplateFiles {
  const exists = new Map<string, boolean>();
  const lists = new Map<string, readonly string[]>();
  const reals = new Map<string, string>();
  return {
    realPath(filePath) {
      let answer = reals.get(filePath);
      if (answer === undefined) reals.set(filePath, (answer = nodeTemplateFiles.realPath!(filePath)));
      return answer;
    },
    exists(filePath) {
      let answer = exists.get(filePath);
      if (answer === undefined) exists.set(filePath, (answer = nodeTemplateFiles.exists(filePath)));
      return answer;
    },
    list(folder) {
      let answer = lists.get(folder);
      if (answer === undefined) lists.set(folder, (answer = nodeTemplateFiles.list(folder)));
      return answer;
    },
  };
}

/** A file's stamp, asked once per run (each spec asks for its conf.py's); a missing file's error kept too. */
function cachedReader(): TemplateReader {
  const stamps = new Map<string, string | Error>();
  return {
    ...nodeTemplateReader,
    stamp(filePath) {
      let stamp = stamps.get(filePath);
      if (stamp === undefined) {
        try {
          stamp = nodeTemplateReader.stamp(filePath);
        } catch (error) {
          stamp = error as Error;
        }
        stamps.set(filePath, stamp);
      }
      if (stamp instanceof Error) throw stamp;
      return stamp;
    },
  };
}

export function describeError(error: unknown): string {
  return describeFsError(error);
}
