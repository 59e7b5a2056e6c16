import type { Finding, Rule } from '../rule';
import { isPlaceholder, isValueSegment, type Span, urlKey } from './declarations';
import { extractRest } from './extract';

const VERSION = /^v\d+(?:\.\d+)*$/;
/** `project_id`, `server_uuid`: a placeholder written without braces, not a resource name. */
const BARE_PLACEHOLDER = /_(?:id|uuid)$/;

export const restUrl: Rule = {
  id: 'rest-url',
  defaultSeverity: 'warning',
  description: 'REST API impact: an underscore in a URL path, or a URL that starts differently from the spec\'s other URLs.',
  check(context) {
    const rest = extractRest(context);
    if (!rest) return [];
    const urls = rest.declarations.urls;
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const url of urls) {
      // Each URL once, where the spec first gives it (sample URLs with ids fold into their template).
      const key = urlKey(url.text);
      if (seen.has(key)) continue;
      seen.add(key);
      const underscore = underscoreFinding(url);
      if (underscore) findings.push(underscore);
      const shape = shapeFinding(url, urls);
      if (shape) findings.push(shape);
    }
    return findings;
  },
};

function rangeOf(url: Span) {
  return { start: { line: url.line, character: url.start }, end: { line: url.line, character: url.end } };
}

/** Where the path starts in the URL text, and where it ends (before a query or fragment). */
function pathBounds(text: string): { start: number; end: number } {
  const host = /^https?:\/\/[^/\s]*/.exec(text);
  const start = host ? host[0].length : 0;
  const query = text.slice(start).search(/[?#]/);
  return { start, end: query < 0 ? text.length : start + query };
}

function underscoreFinding(url: Span): Finding | undefined {
  const { start, end } = pathBounds(url.text);
  const segments = url.text.slice(start, end).split('/');
  const wrong = segments.filter(
    (segment) => segment.includes('_') && !isPlaceholder(segment) && !isValueSegment(segment) && !BARE_PLACEHOLDER.test(segment),
  );
  if (wrong.length === 0) return undefined;
  const fixed = segments.map((segment) => (wrong.includes(segment) ? segment.replace(/_/g, '-') : segment)).join('/');
  const replacement = url.text.slice(0, start) + fixed + url.text.slice(end);
  const names = wrong.map((segment) => `'${segment}'`).join(', ');
  return {
    range: rangeOf(url),
    message: `URL '${url.text}' has an underscore in ${names}: the template asks for hyphens in URLs, not underscores.`,
    data: { replacement },
  };
}

interface Shape {
  readonly slash: boolean;
  readonly version: string | undefined;
  /** Starts with a placeholder (`{base_url}/...`): compared with nothing. */
  readonly free: boolean;
}

function shapeOf(text: string): Shape {
  const { start, end } = pathBounds(text);
  const path = text.slice(start, end);
  const first = path.split('/').find((segment) => segment !== '');
  return { slash: path.startsWith('/'), version: first && VERSION.test(first) ? first : undefined, free: /^[{<]/.test(path) };
}

function shapeFinding(url: Span, urls: readonly Span[]): Finding | undefined {
  const shape = shapeOf(url.text);
  if (shape.free) return undefined;
  const others = [...new Set(urls.map((other) => other.text))].filter((text) => text !== url.text).map(shapeOf).filter((other) => !other.free);
  if (!shape.slash && others.length >= 1 && others.every((other) => other.slash)) {
    return {
      range: rangeOf(url),
      message: `URL '${url.text}' does not start with '/', unlike the other URLs in this spec.`,
      data: { replacement: `/${url.text}` },
    };
  }
  if (!shape.version && others.length >= 2 && others.every((other) => other.version)) {
    const versions = [...new Set(others.map((other) => other.version!))];
    const { start } = pathBounds(url.text);
    const path = url.text.slice(start);
    const replacement = versions.length === 1 && path.startsWith('/') ? `${url.text.slice(0, start)}/${versions[0]}${path}` : null;
    return {
      range: rangeOf(url),
      message: `URL '${url.text}' has no version segment, unlike the other URLs in this spec (${versions.map((version) => `/${version}`).join(', ')}).`,
      data: { replacement },
    };
  }
  return undefined;
}
