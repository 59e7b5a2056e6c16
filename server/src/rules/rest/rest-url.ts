import type { Finding, Rule } from '../rule';
import type { RuleOptions } from '../rule';
import { isExistingName, underscoreNames } from './api-names';
import { SCHEME_AND_HOST, type Span, urlKey } from './declarations';
import { extractRest } from './extract';

const VERSION = /^v\d+(?:\.\d+)*$/;
const QUERY_START = /[?#]/;
const UNDERSCORES = /_/g;
const PLACEHOLDER_START = /^[{<]/;

/** The patterns this rule runs over spec text, for the linear-time test. */
export const URL_PATTERNS: readonly RegExp[] = [VERSION, QUERY_START, UNDERSCORES, PLACEHOLDER_START];
export const restUrl: Rule = {
  id: 'rest-url',
  defaultSeverity: 'warning',
  description: "REST API impact: an underscore in a URL path, or a URL that starts differently from the spec's other URLs.",
  check(context) {
    const rest = extractRest(context);
    if (!rest) return [];
    const urls = rest.declarations.urls;
    const findings: Finding[] = [];
    // Each URL once, where the spec first gives it (sample URLs with ids fold into their template).
    const seenPaths = new Set<string>();
    const seenTexts = new Set<string>();
    const shapes = shapesOf(urls);
    for (const url of urls) {
      const key = urlKey(url.text);
      const underscore = seenPaths.has(key) ? undefined : underscoreFinding(url, context.options);
      const shape = seenTexts.has(url.text) ? undefined : shapeFinding(url, shapes);
      seenPaths.add(key);
      seenTexts.add(url.text);
      if (underscore) findings.push(underscore);
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
  const host = SCHEME_AND_HOST.exec(text);
  const start = host ? host[0].length : 0;
  const query = text.slice(start).search(QUERY_START);
  return { start, end: query < 0 ? text.length : start + query };
}

/**
 * An underscore in a path name that is this spec's choice: not a name the repository already has
 * (its other specs' URLs, the config's `rest.existingNames`). While the other specs are still being
 * read, only the config's names are known, and nothing else is reported yet.
 */
function underscoreFinding(url: Span, options: RuleOptions): Finding | undefined {
  const candidates = [...new Set(underscoreNames(url.text))].filter((segment) => !isExistingName(segment, options.restExistingNames ?? []));
  if (candidates.length === 0) return undefined;
  // Asked only now: the repository's specs are read when a spec first has a name to look up.
  const repo = options.existingApiNames;
  if (repo && !repo.complete) return undefined;
  const wrong = repo ? candidates.filter((segment) => !isExistingName(segment, repo.names)) : candidates;
  if (wrong.length === 0) return undefined;
  const { start, end } = pathBounds(url.text);
  const segments = url.text.slice(start, end).split('/');
  const fixed = segments.map((segment) => (wrong.includes(segment) ? segment.replace(UNDERSCORES, '-') : segment)).join('/');
  const replacement = url.text.slice(0, start) + fixed + url.text.slice(end);
  const names = wrong.map((segment) => `'${segment}'`).join(', ');
  return {
    range: rangeOf(url),
    message: `URL '${url.text}' has an underscore in ${names}: the template asks for hyphens in URLs, not underscores.`,
    data: { replacement, names: wrong },
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
  return { slash: path.startsWith('/'), version: first && VERSION.test(first) ? first : undefined, free: PLACEHOLDER_START.test(path) };
}

interface Shapes {
  /** Distinct URL texts that are compared (not starting with a placeholder). */
  readonly count: number;
  readonly slashes: number;
  readonly versioned: number;
  readonly versions: ReadonlyMap<string, number>;
}

function shapesOf(urls: readonly Span[]): Shapes {
  let count = 0;
  let slashes = 0;
  let versioned = 0;
  const versions = new Map<string, number>();
  for (const text of new Set(urls.map((url) => url.text))) {
    const shape = shapeOf(text);
    if (shape.free) continue;
    count++;
    if (shape.slash) slashes++;
    if (shape.version) {
      versioned++;
      versions.set(shape.version, (versions.get(shape.version) ?? 0) + 1);
    }
  }
  return { count, slashes, versioned, versions };
}

function shapeFinding(url: Span, shapes: Shapes): Finding | undefined {
  const shape = shapeOf(url.text);
  if (shape.free) return undefined;
  const others = shapes.count - 1;
  if (!shape.slash && others >= 1 && shapes.slashes === others) {
    return {
      range: rangeOf(url),
      message: `URL '${url.text}' does not start with '/', unlike the other URLs in this spec.`,
      data: { replacement: `/${url.text}` },
    };
  }
  if (!shape.version && others >= 2 && shapes.versioned === others) {
    const versions = [...shapes.versions.keys()];
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
