import { posix as path } from 'node:path';
import type { SpecDocument } from './rst/types';
import { parseSpec } from './rst/parse';
import { editorPositions } from './rst/editor-positions';
import type { Template } from './template/model';
import { TemplateError } from './template/model';
import { locateTemplate, releaseOf, type TemplateFiles } from './template/locate';
import { nodeTemplateFiles, TemplateCache } from './template/load';
import { checkDocument, type EngineOptions, inlineControl, ruleOptions, type SpecDiagnostic } from './engine';
import type { RestExtract } from './rules/rest/extract';
import { buildOutline, type Outline } from './template/outline';
import { once } from './once';
import type { InlineControl } from './control';
import type { DocsSetup } from './rules/docs/names';
import { ConfTrees } from './rules/docs/tree';
import { isWithin, normalisePath } from './paths';
import type { UndecodableByte } from './encoding';
import { misplacement as misplacementOf } from './repo/layout';
import type { DocsPlace, DocsTrees } from './docs/load';
import { BINARY_FILE_CODE, ENCODING_CODE, TEMPLATE_PROBLEM_CODE } from './diagnostic-codes';

export interface AnalysisRequest {
  readonly text: string;
  /** Absolute POSIX path of the spec, when it is a file. */
  readonly filePath?: string;
  readonly workspaceFolder?: string;
  /** A template path from the settings or the command line (absolute or relative to the workspace folder). */
  readonly templatePath?: string;
  readonly options?: EngineOptions;
  /**
   * The language server's guard (`docs/robustness.md`): a template that the workspace's own files
   * name (a spec's `template=` comment, a config file) or that lookup finds is read only inside
   * the workspace folder, symbolic links resolved; else the bundled one, with a `template`
   * diagnostic. Only a `templatePath` from the user's editor settings (`templatePathIsUsers`) may be anywhere.
   */
  readonly confineTemplates?: boolean;
  readonly templatePathIsUsers?: boolean;
  /** The file's first byte that is not UTF-8 (the text has U+FFFD for it): reported as `encoding`. */
  readonly undecodable?: UndecodableByte;
}

/** Where a spec's template came from: its own `.. rst-specs: template=` comment, the settings or config, lookup, or the default. */
export type TemplateOrigin = 'spec' | 'setting' | 'found' | 'bundled';

export interface Analysis {
  readonly doc: SpecDocument;
  readonly template: Template;
  readonly diagnostics: readonly SpecDiagnostic[];
  /** How the template was chosen; `bundled` also when the chosen one could not be loaded. */
  readonly templateOrigin?: TemplateOrigin;
  /** The template file chosen, even when it could not be loaded (undefined for the bundled default). */
  readonly templatePath?: string;
  /** The optional sections that applied (the settings for the spec's release and template). */
  readonly optionalSections?: readonly string[];
  /** The spec's file name (no folder) and release folder, as the rules saw them; none for untitled text. */
  readonly fileName?: string;
  readonly release?: string;
  /** The options the rules ran with (the request's, with file name, release, misplacement, docs tree): fix-all checks its rounds with them. */
  readonly options?: EngineOptions;
  /** The REST API impact extract the rules used, for the features (built when first asked). */
  readonly rest?: () => RestExtract | undefined;
  /** The spec's sections matched to the template's with none optional, as the features list them (built when first asked). */
  readonly featureOutline?: () => Outline;
}

const BINARY_FILE_DIAGNOSTIC: SpecDiagnostic = {
  code: BINARY_FILE_CODE,
  severity: 'error',
  message: 'This file holds NUL bytes: a binary file, not checked.',
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
};

/** One diagnostic for a file that is not UTF-8, at its first bad byte (`docs/rules/encoding.md`). */
export function encodingDiagnostic(at: UndecodableByte, severity: SpecDiagnostic['severity']): SpecDiagnostic {
  const hex = at.byte.toString(16).toUpperCase().padStart(2, '0');
  return {
    code: ENCODING_CODE,
    severity,
    message: `This file is not valid UTF-8 (byte 0x${hex} here): docutils and the specs repos' tests read specs as UTF-8 and fail on it. Save it as UTF-8; it was checked with such bytes read as U+FFFD.`,
    range: { start: { line: at.line, character: at.character }, end: { line: at.line, character: at.character + 1 } },
  };
}

export function looksBinary(text: string): boolean {
  return text.includes('\u0000');
}

/** Parses a spec, finds and loads its template, and runs the rules: the engine plus the file system. */
export class Analyzer {
  /** The conf.py above each spec, for the names of its extensions (rst-directive, rst-role). */
  private readonly confTrees: ConfTrees;

  constructor(
    readonly templates = new TemplateCache(),
    private readonly files: TemplateFiles = nodeTemplateFiles,
    /**
     * The docs trees specs are built in (rst-cross-reference): given on disk (docs/load.ts); files
     * read through the client have none. Given by the caller, so that the web build leaves them out.
     */
    readonly docsTrees?: DocsTrees,
  ) {
    this.confTrees = new ConfTrees(files, templates.reader);
  }

  /** The spec's docs tree (its conf.py's extensions) and the extra names of the options. */
  private docsSetup(request: AnalysisRequest): DocsSetup | undefined {
    const extra = request.options?.docs;
    if (!request.filePath) return extra;
    const tree = this.confTrees.setupFor(request.filePath, request.workspaceFolder);
    const conf =
      request.confineTemplates &&
      tree.extensions !== null &&
      this.outside(this.confTrees.confFor(request.filePath, request.workspaceFolder)!, request.workspaceFolder)
        ? { extensions: null, unknown: true }
        : tree;
    return { ...conf, directives: extra?.directives, roles: extra?.roles };
  }

  /**
   * The template of a spec: the one its `.. rst-specs: template=` comment names (`specTemplate`,
   * relative to the spec's folder), else the configured one, else the one lookup finds, else the bundled one.
   */
  templateFor(request: Omit<AnalysisRequest, 'text'> & { readonly specTemplate?: string }): {
    template: Template;
    problem?: string;
    origin: TemplateOrigin;
    path?: string;
  } {
    const fromSpec = request.specTemplate && specTemplatePath(request.specTemplate, request.filePath, request.workspaceFolder);
    const choice = fromSpec
      ? ({ kind: 'spec', path: fromSpec } as const)
      : request.filePath
        ? locateTemplate(request.filePath, request.workspaceFolder, request.templatePath, this.files)
        : request.templatePath
          ? locateTemplate('/untitled.rst', request.workspaceFolder, request.templatePath, this.files)
          : ({ kind: 'bundled' } as const);
    if (choice.kind === 'bundled') return { template: this.templates.bundledTemplate(), origin: 'bundled' };
    const trusted = choice.kind === 'setting' && request.templatePathIsUsers;
    if (request.confineTemplates && !trusted && this.outside(choice.path, request.workspaceFolder)) {
      const problem = `the template ${choice.path} is outside the workspace folder, so it was not read`;
      return { template: this.templates.bundledTemplate(), problem, origin: 'bundled', path: choice.path };
    }
    try {
      return { template: this.templates.load(choice.path), origin: choice.kind, path: choice.path };
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      return { template: this.templates.bundledTemplate(), problem: error.message, origin: 'bundled', path: choice.path };
    }
  }

  /** Whether a file is outside the workspace folder (none: nothing to confine to), symbolic links resolved. */
  private outside(filePath: string, workspaceFolder: string | undefined): boolean {
    if (workspaceFolder === undefined) return false;
    // Written outside: refused without touching the file system. Written inside: its links resolved.
    if (!isWithin(normalisePath(filePath), normalisePath(workspaceFolder))) return true;
    const real = this.files.realPath;
    return real !== undefined && !isWithin(normalisePath(real(filePath)), normalisePath(real(workspaceFolder)));
  }

  analyze(request: AnalysisRequest): Analysis {
    const analysis = this.analyzeText(request);
    const severity = request.options?.rules?.[ENCODING_CODE] ?? 'error';
    // A binary file's one diagnostic says it all.
    if (!request.undecodable || severity === 'off' || looksBinary(request.text)) return analysis;
    // Counted on the editor's lines (encoding.ts): to the engine's, as every diagnostic is.
    const at = { ...request.undecodable, ...editorPositions(analysis.doc).fromEditor(request.undecodable) };
    return { ...analysis, diagnostics: [encodingDiagnostic(at, severity), ...analysis.diagnostics] };
  }

  private analyzeText(request: AnalysisRequest): Analysis {
    const doc = parseSpec(request.text);
    const severityOf = (code: string, fallback: SpecDiagnostic['severity']) => request.options?.rules?.[code] ?? fallback;
    if (looksBinary(request.text)) {
      const severity = severityOf(BINARY_FILE_CODE, 'error');
      const diagnostics = severity === 'off' ? [] : [{ ...BINARY_FILE_DIAGNOSTIC, severity }];
      return { doc, template: this.templates.bundledTemplate(), diagnostics };
    }
    const control: InlineControl = inlineControl(doc);
    const { template, problem, origin, path: templatePath } = this.templateFor({ ...request, specTemplate: control.templatePath });
    const fileName = request.options?.fileName ?? (request.filePath ? path.basename(request.filePath) : undefined);
    const release = request.options?.release ?? (request.filePath ? releaseOf(request.filePath) : undefined);
    const misplacement =
      request.options?.misplacement ??
      (request.filePath ? misplacementOf(request.filePath, this.files, request.workspaceFolder) : undefined);
    const docsTrees = this.docsTrees;
    const filePath = request.filePath;
    let place: DocsPlace | undefined | null = null;
    const docsPlace =
      docsTrees && filePath
        ? () =>
            place === null
              ? (place = docsTrees.placeOf(
                  filePath,
                  request.workspaceFolder,
                  request.confineTemplates ? request.workspaceFolder : undefined,
                ))
              : place
        : undefined;
    const engineOptions = {
      ...request.options,
      fileName,
      release,
      misplacement,
      docsPlace: request.options?.docsPlace ?? docsPlace,
      docs: this.docsSetup(request),
    };
    const { diagnostics, rest } = checkDocument(doc, template, engineOptions, control);
    const severity = severityOf(TEMPLATE_PROBLEM_CODE, 'warning');
    const { optionalSections } = ruleOptions(engineOptions, template);
    const featureOutline = once(() => buildOutline(doc, template, []));
    const analysis = {
      doc,
      template,
      diagnostics,
      templateOrigin: origin,
      templatePath,
      optionalSections,
      fileName,
      release,
      options: engineOptions,
      rest,
      featureOutline,
    };
    if (!problem || severity === 'off' || control.isSuppressed(TEMPLATE_PROBLEM_CODE, 0)) return analysis;
    const templateDiagnostic: SpecDiagnostic = {
      code: TEMPLATE_PROBLEM_CODE,
      severity,
      message: `Using the bundled Senlin template: ${problem}.`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    };
    return { ...analysis, diagnostics: [templateDiagnostic, ...diagnostics] };
  }
}

/** A `template=` path from a spec's comment: relative to the spec's folder (or the workspace folder, untitled). */
export function specTemplatePath(written: string, filePath: string | undefined, workspaceFolder: string | undefined): string {
  if (path.isAbsolute(written)) return path.normalize(written);
  const base = filePath ? path.dirname(filePath) : (workspaceFolder ?? '/');
  return path.join(base, written);
}
