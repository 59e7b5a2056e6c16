// The REST API method block as the template describes it (method type, response codes, URL, JSON
// schema, ...): which template section holds it, its bullets, and what a spot in a spec's REST
// API section is about. Hover quotes the template's bullet; completion builds a method block.
import type { Range, SpecDocument } from '../rst/types';
import type { Template, TemplateSection } from '../template/model';
import type { RestExtract } from '../rules/rest/extract';
import { docutilsLine } from '../rst/lines';
import { bulletTree, type BulletItem } from './markdown';
import { guidanceLines } from './template-guide';
import { memoised } from '../once';

export type MethodItemKind =
  'description' | 'method' | 'normal-codes' | 'error-codes' | 'url' | 'url-parameters' | 'request-schema' | 'response-schema' | 'policy';

export const KIND_NAMES: Record<MethodItemKind, string> = {
  description: 'the method description',
  method: 'the method type',
  'normal-codes': 'the normal response codes',
  'error-codes': 'the error response codes',
  url: 'the URL',
  'url-parameters': 'the URL parameters',
  'request-schema': 'the request body',
  'response-schema': 'the response body',
  policy: 'policy changes',
};

/** What a template bullet's text is about. */
function templateItemKind(text: string): MethodItemKind | undefined {
  if (/description of what the method/i.test(text)) return 'description';
  if (/method type|request method|http method/i.test(text)) return 'method';
  if (inOrder(text, /error/i, /response code/i) || inOrder(text, /response code/i, /error/i)) return 'error-codes';
  if (/response code/i.test(text)) return 'normal-codes';
  if (inOrder(text, /parameters?\b/i, /\burl\b/i)) return 'url-parameters';
  if (/^url\b|\burl for\b|\bresource url\b/i.test(text)) return 'url';
  if (/request body/i.test(text)) return 'request-schema';
  if (/response body/i.test(text)) return 'response-schema';
  if (/\bpolic(y|ies)\b/i.test(text)) return 'policy';
  return undefined;
}

/**
 * `/first.*then/.test(text)` without its backtracking (quadratic when `first` occurs often and
 * `then` never): `then` after the first match of `first`, on the same line.
 */
function inOrder(text: string, first: RegExp, then: RegExp): boolean {
  return text.split(/[\n\r\u2028\u2029]/).some((line) => {
    const match = first.exec(line);
    return match !== null && then.test(line.slice(match.index + match[0].length));
  });
}

/** A template bullet's text as a field label: no choices in brackets, no "if any" tail. */
export function fieldLabel(text: string): string {
  return (
    text
      // Lookbehinds start a match only where its run of blanks or punctuation starts, and the choices
      // in brackets hold no bracket: linear on long runs, where the plain patterns were quadratic.
      .replace(/(?<!\s)\s+\([^()/,]*[/,][^()]*\)/g, '')
      .split(', ')[0]
      .replace(/(?<!\s)\s+if (any|allowed|needed|applicable)$/i, '')
      .replace(/(?<![;.:,])[;.:,]+$/, '')
      .trim()
  );
}

export interface TemplateMethodItem {
  readonly kind: MethodItemKind | undefined;
  readonly item: BulletItem;
  /** The item's lines, with its children, dedented to its marker. */
  readonly lines: readonly string[];
}

export interface RestApiTemplate {
  readonly section: TemplateSection;
  /** The bullet that lists the method block's items ("Method Specification"), and those items. */
  readonly block: TemplateMethodItem | undefined;
  readonly blockItems: readonly TemplateMethodItem[];
  /** The template's bullet about each kind of item. */
  readonly items: ReadonlyMap<MethodItemKind, TemplateMethodItem>;
}

const REST_API_TEMPLATE = {};

/** The template's REST API section and its method-block bullets, when it has them (kept in the template's memo). */
export function restApiTemplate(template: Template): RestApiTemplate | undefined {
  return memoised(template, REST_API_TEMPLATE, () => buildRestApiTemplate(template));
}

function buildRestApiTemplate(template: Template): RestApiTemplate | undefined {
  let found: RestApiTemplate | undefined;
  const candidates = [...template.sections].sort((a, b) => Number(/\bAPI\b/.test(b.title)) - Number(/\bAPI\b/.test(a.title)));
  for (const section of candidates) {
    const model = modelOf(template, section);
    if (model.items.size >= 3) {
      found = model;
      break;
    }
  }
  return found;
}

function modelOf(template: Template, section: TemplateSection): RestApiTemplate {
  const lines = guidanceLines(template, section).map(docutilsLine);
  const wrap = (item: BulletItem): TemplateMethodItem => ({
    kind: templateItemKind(item.text),
    item,
    lines: lines.slice(item.startLine, item.endLine).map((line) => line.slice(Math.min(item.markerIndent, indentOf(line)))),
  });
  const items = new Map<MethodItemKind, TemplateMethodItem>();
  let block: TemplateMethodItem | undefined;
  let blockItems: TemplateMethodItem[] = [];
  const visit = (list: readonly BulletItem[]) => {
    for (const item of list) {
      const wrapped = wrap(item);
      if (wrapped.kind && !items.has(wrapped.kind)) items.set(wrapped.kind, wrapped);
      const children = item.children.map(wrap);
      const known = children.filter((child) => child.kind !== undefined).length;
      if (known >= 2 && known > blockItems.filter((child) => child.kind !== undefined).length) {
        block = wrapped;
        blockItems = children;
      }
      visit(item.children);
    }
  };
  visit(bulletTree(lines));
  return { section, block, blockItems, items };
}

const indentOf = (line: string) => line.length - line.trimStart().length;

export interface MethodItemAt {
  readonly kind: MethodItemKind;
  readonly range: Range;
}

const PHRASES: readonly [RegExp, (match: string, line: string) => MethodItemKind][] = [
  [
    // Not starting after a qualifier (a match there starts earlier): linear on long runs of qualifiers.
    /(?=\w)(?<!\b(?:normal|expected|error|success(?:ful)?)\s+)(?:\b(?:normal|expected|error|success(?:ful)?)\s+)*(?:http\s+)?(?:response|status|return)\s+codes?(?:\(s\))?/gi,
    (match, line) => (/error|fail/i.test(match) || /\berror\b/i.test(line.slice(0, line.indexOf(match))) ? 'error-codes' : 'normal-codes'),
  ],
  [
    /\bJSON\s+schema\b|\b(?:JSON\s+)?(?:request|response)\s+body\b/gi,
    (match, line) =>
      /response/i.test(match) || (!/request/i.test(match) && /response/i.test(line)) ? 'response-schema' : 'request-schema',
  ],
  [/\bmethod\s+type\b|\b(?:request|HTTP)\s+method\b/gi, () => 'method'],
  [/\bURL\b|\bendpoint\b/gi, (_, line) => (/\bparameter/i.test(line) ? 'url-parameters' : 'url')],
  [/\bpolic(?:y|ies)\b/gi, () => 'policy'],
];

/**
 * What the spot at `line:character` of the REST API section is about: an HTTP method, a URL or a
 * status code (as the REST API rules read them), a JSON sample, or words naming an item (the
 * template's own label first, e.g. "URL for the resource").
 */
export function methodItemAt(
  rest: RestApiTemplate,
  extract: RestExtract,
  doc: SpecDocument,
  line: number,
  character: number,
): MethodItemAt | undefined {
  const text = doc.lines[line].text;
  const span = (start: number, end: number): MethodItemAt['range'] => ({
    start: { line, character: start },
    end: { line, character: end },
  });
  const within = (start: number, end: number) => character >= start && character <= end;
  const method = extract.declarations.methods.find((mention) => mention.line === line && within(mention.start, mention.end));
  if (method) return { kind: 'method', range: span(method.start, method.end) };
  const url = extract.declarations.urls.find((mention) => mention.line === line && within(mention.start, mention.end));
  if (url) return { kind: 'url', range: span(url.start, url.end) };
  const code = extract.codes.find((ref) => ref.line === line && within(ref.character, ref.character + 3));
  if (code) {
    const kind = code.kind ?? (code.code >= 400 ? 'error' : 'normal');
    return { kind: kind === 'error' ? 'error-codes' : 'normal-codes', range: span(code.character, code.character + 3) };
  }
  const sample = extract.samples.find(({ segment }) => line >= segment.startLine && line < segment.endLine);
  if (sample) {
    const start = text.length - text.trimStart().length;
    if (text.trim() === '' || !within(start, text.length)) return undefined;
    const kind = /respon|return/i.test(introOf(doc, sample.segment.startLine, extract.section.underlineLine))
      ? 'response-schema'
      : 'request-schema';
    return { kind, range: span(start, text.length) };
  }
  const lower = text.toLowerCase();
  for (const [kind, item] of rest.items) {
    const label = fieldLabel(item.item.text).toLowerCase();
    for (let index = lower.indexOf(label); label && index >= 0; index = lower.indexOf(label, index + 1)) {
      if (within(index, index + label.length)) return { kind, range: span(index, index + label.length) };
    }
  }
  for (const [regexp, kindOf] of PHRASES) {
    for (const match of text.matchAll(regexp)) {
      if (within(match.index!, match.index! + match[0].length)) {
        return { kind: kindOf(match[0], text), range: span(match.index!, match.index! + match[0].length) };
      }
    }
  }
  return undefined;
}

/** The nearest non-blank line before a sample, outside literal blocks: what introduces it. */
function introOf(doc: SpecDocument, line: number, sectionStart: number): string {
  let previous = line - 1;
  while (previous > sectionStart && (doc.literalLines.has(previous) || doc.lines[previous].text.trim() === '')) previous--;
  return doc.lines[previous].text;
}
