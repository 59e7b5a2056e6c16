// What the REST API impact rules read from a spec, extracted once per document: the section (and
// its subsections, less those that say "None"), its code regions, JSON samples, status codes, and
// the APIs it names grouped into method blocks. Pure: no fs, no vscode.
import type { Section, SpecDocument } from '../../rst/types';
import type { RuleContext } from '../rule';
import { type Api, type Declarations, findDeclarations } from './declarations';
import { type JsonSegment, type RegionLine, scanJsonSegments } from './json-scan';
import { findStatusCodes, type ScopeLine, type StatusCodeRef } from './status-codes';

export type { Api, MethodMention, Span } from './declarations';
export type { JsonSegment } from './json-scan';
export type { StatusCodeRef } from './status-codes';

/** A literal block or code-block body: where samples and schemas live. */
export interface CodeRegion {
  readonly lines: readonly RegionLine[];
  /** The code-block's language, lower-cased; undefined for `::` literal blocks. */
  readonly language: string | undefined;
}

export interface SampleSegment {
  readonly segment: JsonSegment;
  readonly region: CodeRegion;
}

/** One API and the lines that speak of it (up to the next API that is not listed with it). */
export interface MethodBlock {
  readonly apis: readonly Api[];
  readonly startLine: number;
  /** Exclusive. */
  readonly endLine: number;
  /** The text before the first API of the block's (sub)section, which may speak for all of them. */
  readonly preamble: readonly ScopeLine[];
  readonly lines: readonly ScopeLine[];
}

export interface RestExtract {
  readonly section: Section;
  readonly lines: readonly ScopeLine[];
  readonly regions: readonly CodeRegion[];
  readonly samples: readonly SampleSegment[];
  readonly declarations: Declarations;
  readonly codes: readonly StatusCodeRef[];
  readonly blocks: readonly MethodBlock[];
}

const REST_TITLE = /^(?:rest\s+)?api\s+impact$/i;
const NONE_BODY = /^(?:none|n\/a|not applicable|no impact)\b/i;
const WHITESPACE = /\s+/;
const DIRECTIVE_OPTION = /^:[\w-]+:/;
const CODE_DIRECTIVES = new Set(['code-block', 'code', 'sourcecode']);
const SHELL_LANGUAGES = new Set(['console', 'bash', 'sh', 'shell', 'shell-session', 'powershell', 'text', 'pycon']);
const LENIENT_LANGUAGES = new Set(['python', 'py', 'python3', 'ini', 'yaml', 'yml', 'json5', 'jsonc']);

/** The patterns this module runs over spec text, for the linear-time test. */
export const EXTRACT_PATTERNS: readonly RegExp[] = [REST_TITLE, NONE_BODY, WHITESPACE, DIRECTIVE_OPTION];

/**
 * The REST API impact extract of the spec, or undefined when it has no such section (or it says
 * None): the one the context keeps (built once per validation), else built now.
 */
export function extractRest(context: RuleContext): RestExtract | undefined {
  return context.rest ? context.rest() : buildRestExtract(context);
}

/** The extract, built (engine.ts keeps it on the rule context). */
export function buildRestExtract(context: RuleContext): RestExtract | undefined {
  const section = findSection(context);
  return section && build(context.doc, section);
}

function findSection({ doc, template, outline }: RuleContext): Section | undefined {
  const templateSection = template.sections.find((section) => REST_TITLE.test(section.title));
  const found = templateSection && outline.found.get(templateSection);
  return found ?? doc.sections.find((section) => REST_TITLE.test(section.title));
}

/** What build() knows of each line of the section, as bits of one array (the section's lines are contiguous). */
const COMMENT = 1;
const IN_SCOPE = 2;
const JSON_LINE = 4;
const HEADING = 8;
const TAKEN = 16;

class LineFlags {
  private readonly flags: Uint8Array;

  constructor(
    private readonly base: number,
    end: number,
  ) {
    this.flags = new Uint8Array(Math.max(0, end - base));
  }

  has(line: number, flag: number): boolean {
    const index = line - this.base;
    return index >= 0 && index < this.flags.length && (this.flags[index] & flag) !== 0;
  }

  add(line: number, flag: number): void {
    const index = line - this.base;
    if (index >= 0 && index < this.flags.length) this.flags[index] |= flag;
  }
}

/**
 * The API declarations of a spec read without its template (another spec of the repository), from
 * its REST API impact section at any level; the rest of the extract (status codes, method blocks) is not needed.
 */
export function restDeclarationsUntemplated(doc: SpecDocument): Declarations | undefined {
  const find = (sections: readonly Section[]): Section | undefined => {
    for (const section of sections) {
      if (REST_TITLE.test(section.title)) return section;
      const inner = find(section.children);
      if (inner) return inner;
    }
    return undefined;
  };
  const section = find(doc.sections);
  return section && build(doc, section, true)?.declarations;
}

function build(doc: SpecDocument, section: Section): RestExtract | undefined;
function build(doc: SpecDocument, section: Section, declarationsOnly: true): Pick<RestExtract, 'declarations'> | undefined;
function build(doc: SpecDocument, section: Section, declarationsOnly = false): Pick<RestExtract, 'declarations'> | RestExtract | undefined {
  const flags = new LineFlags(section.underlineLine + 1, section.endLine);
  for (const block of doc.blocks) {
    if (block.kind !== 'comment' || block.endLine <= section.underlineLine || block.startLine >= section.endLine) continue;
    for (let line = block.startLine; line < block.endLine; line++) flags.add(line, COMMENT);
  }
  const scope: number[] = [];
  const collect = (current: Section, own: boolean) => {
    const bodyEnd = current.children[0] ? firstLineOf(current.children[0]) : current.endLine;
    const body: number[] = [];
    for (let line = current.underlineLine + 1; line < bodyEnd; line++) if (!flags.has(line, COMMENT)) body.push(line);
    const none = saysNone(doc, body);
    if (!own && !none) {
      scope.push(current.titleLine);
      flags.add(current.titleLine, HEADING);
    }
    if (!none) for (const line of body) scope.push(line);
    for (const child of current.children) collect(child, false);
  };
  collect(section, true);
  if (scope.length === 0) return undefined;

  let low = scope[0];
  let high = scope[0];
  for (const line of scope) {
    flags.add(line, IN_SCOPE);
    if (line < low) low = line;
    else if (line > high) high = line;
  }
  const regions = codeRegions(doc, flags, low, high + 1);
  const samples: SampleSegment[] = [];
  for (const region of regions) {
    if (region.language && SHELL_LANGUAGES.has(region.language)) continue;
    const lenient = !!region.language && LENIENT_LANGUAGES.has(region.language);
    for (const segment of scanJsonSegments(region.lines, lenient)) {
      samples.push({ segment, region });
      for (let line = segment.startLine; line < segment.endLine; line++) flags.add(line, JSON_LINE);
    }
  }
  const lines: ScopeLine[] = scope.map((line) => {
    const text = doc.lines[line].text;
    return { line, text, indent: indentOf(text), json: flags.has(line, JSON_LINE), heading: flags.has(line, HEADING) };
  });
  const declarations = findDeclarations(lines);
  if (declarationsOnly) return { declarations };
  return {
    section,
    lines,
    regions,
    samples,
    declarations,
    codes: findStatusCodes(lines),
    blocks: methodBlocks(lines, declarations.apis),
  };
}

function firstLineOf(section: Section): number {
  return section.overlineLine >= 0 ? section.overlineLine : section.titleLine;
}

/** A body whose first paragraph is "None", "None.", "N/A", "None - ..." and the like. */
function saysNone(doc: SpecDocument, body: readonly number[]): boolean {
  const first = body.findIndex((line) => doc.lines[line].text.trim() !== '');
  if (first < 0) return false;
  return NONE_BODY.test(doc.lines[body[first]].text.trim());
}

function indentOf(text: string): number {
  let columns = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 32) columns++;
    else if (char === 9) columns += 8 - (columns % 8);
    else break;
  }
  return columns;
}

/** The code regions among the lines in scope, all of which lie in low..high-1. */
function codeRegions(doc: SpecDocument, flags: LineFlags, low: number, high: number): CodeRegion[] {
  const regions: CodeRegion[] = [];
  const add = (lines: number[], language: string | undefined) => {
    const fresh = lines.filter((line) => flags.has(line, IN_SCOPE) && !flags.has(line, TAKEN));
    if (fresh.length === 0) return;
    for (const line of fresh) flags.add(line, TAKEN);
    regions.push({ lines: fresh.map((line) => ({ line, text: doc.lines[line].text })), language });
  };
  for (const block of doc.blocks) {
    if (block.endLine <= low || block.startLine >= high) continue;
    if (block.kind === 'directive' && CODE_DIRECTIVES.has(block.name ?? '')) {
      const language = block.argument?.trim().split(WHITESPACE)[0]?.toLowerCase() || undefined;
      const body: number[] = [];
      for (let line = block.startLine + 1; line < block.endLine; line++) {
        const text = doc.lines[line].text.trim();
        if (doc.literalLines.has(line) || (text !== '' && !DIRECTIVE_OPTION.test(text))) body.push(line);
      }
      add(body, language);
    }
  }
  for (const block of doc.blocks) {
    if (block.kind !== 'literal' || block.endLine <= low || block.startLine >= high) continue;
    const body: number[] = [];
    for (let line = block.startLine; line < block.endLine; line++) body.push(line);
    add(body, undefined);
  }
  return regions.sort((a, b) => a.lines[0].line - b.lines[0].line);
}

/**
 * APIs named on adjacent lines (a list of endpoints, an old/new pair) form one block with the text
 * that follows them, up to the next API, heading or the end of the section. An API named in a
 * sub-heading owns the whole sub-section, examples with other URLs included.
 */
function methodBlocks(lines: readonly ScopeLine[], apis: readonly Api[]): MethodBlock[] {
  if (apis.length === 0) return [];
  const position = new Map(lines.map((current, index) => [current.line, index]));
  // For each line: the index of the next heading after it, and of the heading it is under.
  const nextHeadings = new Int32Array(lines.length + 1).fill(lines.length);
  for (let index = lines.length - 2; index >= 0; index--) {
    nextHeadings[index] = lines[index + 1].heading ? index + 1 : nextHeadings[index + 1];
  }
  const ownHeadings = new Int32Array(lines.length).fill(-1);
  for (let index = 0; index < lines.length; index++) {
    ownHeadings[index] = lines[index].heading ? index : index > 0 ? ownHeadings[index - 1] : -1;
  }
  const firstHeading = lines.findIndex((current) => current.heading);
  const sectionPreamble = lines.slice(0, firstHeading < 0 ? lines.length : firstHeading);
  const firstApiUnder = new Map<number, number>();
  for (const api of apis) {
    const start = position.get(api.line)!;
    if (!firstApiUnder.has(ownHeadings[start])) firstApiUnder.set(ownHeadings[start], start);
  }

  const groups: { apis: Api[]; ownedEnd: number; lastEnd: number }[] = [];
  for (const api of apis) {
    const group = groups[groups.length - 1];
    const start = position.get(api.line)!;
    const end = position.get(api.lastLine)!;
    let adjacent = !!group;
    for (let index = group ? group.lastEnd + 1 : start; adjacent && index < start; index++) {
      if (lines[index].text.trim() !== '') adjacent = false;
    }
    if (group && (start < group.ownedEnd || start <= group.lastEnd || adjacent)) {
      group.apis.push(api);
      group.lastEnd = Math.max(group.lastEnd, end);
    } else {
      groups.push({ apis: [api], ownedEnd: lines[start].heading ? nextHeadings[start] : -1, lastEnd: end });
    }
  }
  return groups.map((group, index) => {
    const start = position.get(group.apis[0].line)!;
    const nextGroup = groups[index + 1] ? position.get(groups[index + 1].apis[0].line)! : lines.length;
    const end = Math.min(nextGroup, nextHeadings[start]);
    const ownHeading = ownHeadings[start];
    const firstApi = firstApiUnder.get(ownHeading) ?? start;
    return {
      apis: group.apis,
      startLine: lines[start].line,
      endLine: end < lines.length ? lines[end].line : lines[lines.length - 1].line + 1,
      preamble: ownHeading >= 0 ? [...sectionPreamble, ...lines.slice(ownHeading + 1, firstApi)] : lines.slice(0, firstApi),
      lines: lines.slice(start, end),
    };
  });
}
