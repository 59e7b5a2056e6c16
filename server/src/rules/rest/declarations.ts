// Finds where a REST API impact section names its APIs: `POST /v1/clusters/{cluster_id}/actions`
// lines (bare, bulleted, backticked, in literal blocks or headings), and labelled fields
// ("Method type: POST", "METHOD: ``GET``", "URL: ``/v2/devices``", "* URL for the resource" with the
// URL in a nested list). Labelled methods and URLs close to each other pair up into one API.
import { HTTP_METHODS, METHOD_LOOKALIKES } from './http';
import { type ScopeLine, stripBullet } from './status-codes';

export interface Span {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface MethodMention extends Span {
  readonly valid: boolean;
}

export interface Api {
  readonly method: MethodMention;
  readonly url: Span;
  /** The first line that names the API (the method's or the URL's). */
  readonly line: number;
  /** The last line that names it. */
  readonly lastLine: number;
  /** Method and URL path with placeholders and concrete ids folded, for grouping mentions of one API. */
  readonly key: string;
}

export interface Declarations {
  readonly methods: readonly MethodMention[];
  readonly urls: readonly Span[];
  readonly apis: readonly Api[];
}

const WORD = /\S+/g;
const LIST_MARKER = /^(?:[-*+•]|\d{1,2}[.)]|#\.|\(\w\))$/;
const LEADING_DECORATION = /^[*`'"([]+/;
const TRAILING_DECORATION = new Set(['*', '`', "'", '"', ':', '：', ',', '.', ';', ')', ']']);
const METHOD_LABEL = /^(?:(?:http|request|api)\s+)?methods?(?:\s+type)?\s*(?:\(s\))?\s*(?:[:：]|$)/i;
const URL_LABEL = /^(?:(?:the|resource)\s+)?(?:urls?|uris?|endpoints?)(?:\s+for\s+the\s+resource)?\s*(?:\(s\))?\s*(?:[:：]|$)/i;
const ALPHA_WORD = /[A-Za-z]+/g;
const SEPARATORS = /^[\s/,|()'"`*.]*$/;
const LETTERS = /^[A-Za-z]+$/;
const LABEL_END = /[:：]$/;
const ANNOTATION_START = /^[(\-–:]/;
const NOT_A_METHOD = /^(?:HTTP|HTTPS|REST|API)$/i;
const INLINE_MARKUP = /[*`]/g;
const LABEL_WORD = /method|ur|endpoint/i;
const VERSION_SEGMENT = /^v\d+(?:\.\d+)*$/;
/** `project_id`, `server_uuid`: a placeholder written without braces. */
export const BARE_PLACEHOLDER = /_(?:id|uuid)$/;
export const SCHEME_AND_HOST = /^https?:\/\/[^/\s]*/;
const QUERY_START = /[?#]/;
const PLACEHOLDER_CHAR = /[{}<>$%:]/;
const UUID_LIKE = /^[0-9a-f]{8}-[0-9a-f-]{4,}$/i;
const DIGITS = /^\d+$/;
const CONSTANT = /^[A-Z0-9_]+$/;
const URL_SHAPES = [/^\/[\w{<$%.~-]/, /^https?:\/\/[^\s/]+\/\S/, /^v\d+(?:\.\d+)*\/\S/, /^[{<][\w.-]{1,40}[}>]\/\S/];
const PAIR_DISTANCE = 40;
const VALUE_LINES = 6;

/** The patterns this module runs over spec text, for the linear-time test. */
export const DECLARATION_PATTERNS: readonly RegExp[] = [
  WORD,
  LABEL_WORD,
  LIST_MARKER,
  LEADING_DECORATION,
  METHOD_LABEL,
  URL_LABEL,
  ALPHA_WORD,
  SEPARATORS,
  LETTERS,
  LABEL_END,
  ANNOTATION_START,
  NOT_A_METHOD,
  INLINE_MARKUP,
  VERSION_SEGMENT,
  BARE_PLACEHOLDER,
  SCHEME_AND_HOST,
  QUERY_START,
  PLACEHOLDER_CHAR,
  UUID_LIKE,
  DIGITS,
  CONSTANT,
  ...URL_SHAPES,
];

interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function words(text: string, from = 0, limit = Infinity): Word[] {
  const found: Word[] = [];
  WORD.lastIndex = from;
  for (let match = WORD.exec(text); match; match = found.length < limit ? WORD.exec(text) : null) {
    found.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  return found;
}

/** A word without the markup around it: backticks, emphasis, quotes, trailing punctuation. */
function bare(word: Word): Word {
  const lead = LEADING_DECORATION.exec(word.text)?.[0].length ?? 0;
  const rest = word.text.slice(lead);
  let end = rest.length;
  while (end > 0 && TRAILING_DECORATION.has(rest[end - 1])) end--;
  const text = rest.slice(0, end);
  return { start: word.start + lead, end: word.start + lead + text.length, text };
}

export function isUrl(text: string): boolean {
  return text.length > 1 && !text.startsWith('//') && URL_SHAPES.some((shape) => shape.test(text));
}

/** A method word: a real method in any case, or a look-alike (UPDATE, LIST, ...). */
function methodWord(text: string, anyCaseLookalike: boolean): { valid: boolean } | undefined {
  if (text.length < 3 || text.length > 8 || !LETTERS.test(text)) return undefined;
  const upper = text.toUpperCase();
  if (HTTP_METHODS.has(upper)) return { valid: text === upper };
  if (METHOD_LOOKALIKES.has(upper) && (anyCaseLookalike || text === upper)) return { valid: false };
  return undefined;
}

function span(line: number, word: Word): Span {
  return { line, start: word.start, end: word.end, text: word.text };
}

/** `METHOD /url` at the start of a line (after a list marker or a short label), anywhere in a heading. */
function inlineDeclaration(current: ScopeLine): { method: MethodMention; url: Span } | undefined {
  // Every URL shape has a slash: without one the line declares nothing.
  if (current.text.indexOf('/') < 0) return undefined;
  // Off a heading, the method is at most the 6th word and the URL the 8th: a 9th word only tells
  // whether anything follows it (and what it starts with).
  const all = current.heading ? words(current.text) : words(current.text, 0, 9);
  const starts: number[] = [];
  if (current.heading) all.forEach((_, index) => starts.push(index));
  else {
    let index = all[0] && LIST_MARKER.test(all[0].text) ? 1 : 0;
    for (let label = index; label < Math.min(all.length, index + 4); label++) {
      if (LABEL_END.test(all[label].text) && !methodWord(bare(all[label]).text, false)) {
        index = label + 1;
        break;
      }
    }
    starts.push(index);
  }
  for (const start of starts) {
    const methodToken = all[start] && bare(all[start]);
    const method = methodToken && methodWord(methodToken.text, false);
    if (!method) continue;
    let next = start + 1;
    if (all[next] && bare(all[next]).text.toUpperCase() === methodToken.text.toUpperCase()) next++;
    const urlToken = all[next] && bare(all[next]);
    if (!urlToken || !isUrl(urlToken.text)) continue;
    // The words after the URL, joined, are empty or start with the first of them.
    const following = all[next + 1];
    const pure = current.heading || following === undefined || ANNOTATION_START.test(following.text);
    if (!method.valid && !pure) continue;
    return { method: { ...span(current.line, methodToken), valid: method.valid }, url: span(current.line, urlToken) };
  }
  return undefined;
}

/** The method words of a label's value: `POST`, `GET / PUT`, ``` ``GET`` ```. */
function methodValue(line: number, text: string, from: number): MethodMention[] {
  const found: MethodMention[] = [];
  ALPHA_WORD.lastIndex = from;
  let previousEnd = from;
  let prose = false;
  for (let match = ALPHA_WORD.exec(text); match; match = ALPHA_WORD.exec(text)) {
    if (!SEPARATORS.test(text.slice(previousEnd, match.index))) {
      prose = true;
      break;
    }
    previousEnd = match.index + match[0].length;
    const word = match[0];
    if (word === 'or' || word === 'and' || NOT_A_METHOD.test(word)) continue;
    const method = methodWord(word, true);
    if (!method) {
      prose = true;
      break;
    }
    found.push({ line, start: match.index, end: previousEnd, text: word, valid: method.valid });
  }
  // "Method: Update the binding" is a description: only capitals are read as a method there.
  return prose ? found.filter((method) => method.valid || method.text === method.text.toUpperCase()) : found;
}

/** Values on the lines after an open label: a nested list of methods or URLs. */
function followingValues<T>(lines: readonly ScopeLine[], index: number, read: (current: ScopeLine, from: number) => T[]): T[] {
  const found: T[] = [];
  const labelIndent = lines[index].indent;
  for (let next = index + 1; next < lines.length && next <= index + VALUE_LINES; next++) {
    const current = lines[next];
    if (current.text.trim() === '') continue;
    if (current.heading || current.json || current.indent <= labelIndent) break;
    const values = read(current, stripBullet(current.text).offset);
    if (values.length === 0) break;
    for (const value of values) found.push(value);
  }
  return found;
}

function urlValue(current: ScopeLine, from: number): Span[] {
  const first = words(current.text, from, 1)[0];
  const token = first && bare(first);
  return token && isUrl(token.text) ? [span(current.line, token)] : [];
}

function onlyMethods(current: ScopeLine, from: number): MethodMention[] {
  const methods = methodValue(current.line, current.text, from);
  const wordCount = words(current.text, from, 4).length;
  return methods.length > 0 && wordCount <= 3 ? methods : [];
}

type Event =
  | { readonly type: 'method'; readonly line: number; readonly methods: MethodMention[] }
  | { readonly type: 'url'; readonly line: number; readonly urls: Span[] }
  | { readonly type: 'inline'; readonly line: number };

export function findDeclarations(lines: readonly ScopeLine[]): Declarations {
  const methods: MethodMention[] = [];
  const urls: Span[] = [];
  const apis: Api[] = [];
  const events: Event[] = [];
  lines.forEach((current, index) => {
    if (current.json) return;
    const inline = inlineDeclaration(current);
    if (inline) {
      methods.push(inline.method);
      urls.push(inline.url);
      apis.push(makeApi(inline.method, inline.url));
      events.push({ type: 'inline', line: current.line });
      return;
    }
    if (current.heading) return;
    // Both labels need their word: "method", "url"/"uri" or "endpoint" (ASCII, any case).
    if (!LABEL_WORD.test(current.text)) return;
    const plain = current.text.replace(INLINE_MARKUP, ' ');
    const { rest, offset } = stripBullet(plain);
    const methodLabel = METHOD_LABEL.exec(rest);
    if (methodLabel) {
      const from = offset + methodLabel[0].length;
      const value = methodValue(current.line, plain, from);
      const found = value.length > 0 || plain.slice(from).trim() !== '' ? value : followingValues(lines, index, onlyMethods);
      for (const method of found) methods.push(method);
      if (found.length > 0) events.push({ type: 'method', line: current.line, methods: found });
      return;
    }
    const urlLabel = URL_LABEL.exec(rest);
    if (urlLabel) {
      const from = offset + urlLabel[0].length;
      const found =
        plain.slice(from).trim() !== ''
          ? urlValue({ ...current, text: plain }, from).map((url) => ({ ...url, text: current.text.slice(url.start, url.end) }))
          : followingValues(lines, index, urlValue);
      for (const url of found) urls.push(url);
      if (found.length > 0) events.push({ type: 'url', line: current.line, urls: found });
    }
  });
  const headings = lines.filter((current) => current.heading).map((current) => current.line);
  let pending: Event | undefined;
  for (const event of events) {
    if (event.type === 'inline') {
      pending = undefined;
      continue;
    }
    const pairs =
      pending &&
      pending.type !== event.type &&
      event.line - pending.line <= PAIR_DISTANCE &&
      !headingBetween(headings, pending.line, event.line);
    if (!pairs) {
      pending = event;
      continue;
    }
    const methodEvent = (event.type === 'method' ? event : pending) as Extract<Event, { type: 'method' }>;
    const urlEvent = (event.type === 'url' ? event : pending) as Extract<Event, { type: 'url' }>;
    for (const method of methodEvent.methods) for (const url of urlEvent.urls) apis.push(makeApi(method, url));
    pending = undefined;
  }
  apis.sort((a, b) => a.line - b.line);
  return { methods, urls, apis };
}

/** Whether a heading line lies in (after, upTo]; `headings` is sorted. */
function headingBetween(headings: readonly number[], after: number, upTo: number): boolean {
  let low = 0;
  let high = headings.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (headings[middle] <= after) low = middle + 1;
    else high = middle;
  }
  return low < headings.length && headings[low] <= upTo;
}

function makeApi(method: MethodMention, url: Span): Api {
  return {
    method,
    url,
    line: Math.min(method.line, url.line),
    lastLine: Math.max(method.line, url.line),
    key: `${method.text.toUpperCase()} ${urlKey(url.text)}`,
  };
}

/** `/v2.1/{project_id}/servers/6ff1c9bf-...?limit=1` and `/servers/{id}` fold to the same key. */
export function urlKey(url: string): string {
  const segments = urlPath(url)
    .split('/')
    .filter((segment) => segment !== '');
  if (segments[0] && VERSION_SEGMENT.test(segments[0])) segments.shift();
  const folded = segments.map((segment) =>
    isPlaceholder(segment) || isValueSegment(segment) || BARE_PLACEHOLDER.test(segment) ? '{}' : segment.toLowerCase(),
  );
  if (folded[0] === '{}' && folded.length > 1) folded.shift();
  return `/${folded.join('/')}`;
}

/** The path of a URL: no scheme and host, no query or fragment. */
export function urlPath(url: string): string {
  const withoutHost = url.replace(SCHEME_AND_HOST, '');
  const end = withoutHost.search(QUERY_START);
  return end < 0 ? withoutHost : withoutHost.slice(0, end);
}

export function isPlaceholder(segment: string): boolean {
  return PLACEHOLDER_CHAR.test(segment);
}

/** A concrete id or constant in a sample URL: a UUID, a number, DISK_GB, CUSTOM_FOO. */
export function isValueSegment(segment: string): boolean {
  return UUID_LIKE.test(segment) || DIGITS.test(segment) || CONSTANT.test(segment);
}
