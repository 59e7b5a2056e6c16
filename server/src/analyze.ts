import { posix as path } from 'node:path';
import type { SpecDocument } from './rst/types';
import { parseSpec } from './rst/parse';
import type { Template } from './template/model';
import { TemplateError } from './template/model';
import { locateTemplate } from './template/locate';
import { nodeTemplateFiles, TemplateCache } from './template/load';
import { type EngineOptions, type SpecDiagnostic, validateDocument } from './engine';

export interface AnalysisRequest {
  readonly text: string;
  /** Absolute POSIX path of the spec, when it is a file. */
  readonly filePath?: string;
  readonly workspaceFolder?: string;
  /** A template path from the settings or the command line (absolute or relative to the workspace folder). */
  readonly templatePath?: string;
  readonly options?: EngineOptions;
}

export interface Analysis {
  readonly doc: SpecDocument;
  readonly template: Template;
  readonly diagnostics: readonly SpecDiagnostic[];
}

export const TEMPLATE_PROBLEM_CODE = 'template';
export const BINARY_FILE_CODE = 'binary-file';

const BINARY_FILE_DIAGNOSTIC: SpecDiagnostic = {
  code: BINARY_FILE_CODE,
  severity: 'error',
  message: 'This file holds NUL bytes: it looks like a binary file, not reStructuredText, so it was not checked.',
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
};

/** Diagnostic codes that are not rules but can still be given a severity or turned off. */
export const NON_RULE_CODES: ReadonlySet<string> = new Set([TEMPLATE_PROBLEM_CODE, BINARY_FILE_CODE]);

export function looksBinary(text: string): boolean {
  return text.includes('\u0000');
}

/** Parses a spec, finds and loads its template, and runs the rules: the engine plus the file system. */
export class Analyzer {
  constructor(readonly templates = new TemplateCache()) {}

  templateFor(request: Omit<AnalysisRequest, 'text'>): { template: Template; problem?: string } {
    const choice = request.filePath
      ? locateTemplate(request.filePath, request.workspaceFolder, request.templatePath, nodeTemplateFiles)
      : request.templatePath
        ? locateTemplate('/untitled.rst', request.workspaceFolder, request.templatePath, nodeTemplateFiles)
        : ({ kind: 'bundled' } as const);
    if (choice.kind === 'bundled') return { template: this.templates.bundledTemplate() };
    try {
      return { template: this.templates.load(choice.path) };
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      return { template: this.templates.bundledTemplate(), problem: error.message };
    }
  }

  analyze(request: AnalysisRequest): Analysis {
    const doc = parseSpec(request.text);
    const severityOf = (code: string, fallback: SpecDiagnostic['severity']) => request.options?.rules?.[code] ?? fallback;
    if (looksBinary(request.text)) {
      const severity = severityOf(BINARY_FILE_CODE, 'error');
      const diagnostics = severity === 'off' ? [] : [{ ...BINARY_FILE_DIAGNOSTIC, severity }];
      return { doc, template: this.templates.bundledTemplate(), diagnostics };
    }
    const { template, problem } = this.templateFor(request);
    const fileName = request.options?.fileName ?? (request.filePath ? path.basename(request.filePath) : undefined);
    const diagnostics = validateDocument(doc, template, { ...request.options, fileName });
    const severity = severityOf(TEMPLATE_PROBLEM_CODE, 'warning');
    if (!problem || severity === 'off') return { doc, template, diagnostics };
    const templateDiagnostic: SpecDiagnostic = {
      code: TEMPLATE_PROBLEM_CODE,
      severity,
      message: `Using the bundled Senlin template: ${problem}.`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    };
    return { doc, template, diagnostics: [templateDiagnostic, ...diagnostics] };
  }
}
