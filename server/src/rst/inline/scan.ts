// docutils 0.19's Inliner (parsers/rst/states.py), the recognition half: which inline markup a
// text holds, where, and the messages docutils gives while reading it. Like docutils, the text is
// read left to right and every search runs on the rest of the text only (a construct's end is the
// next search's `^`); escapes are NULs, so offsets are those of the original text.
import { AFTER, BEFORE, CLOSERS, OPENERS, QUOTE_PAIRS, SPACE } from './chars';
import { AFTER_LATIN1, BEFORE_LATIN1, NAME_LATIN1, SPACE_LATIN1, latin1Subject } from './latin1';

export type Construct = 'emphasis' | 'strong' | 'literal' | 'interpreted text or phrase reference' | 'substitution_reference' | 'target';

export type InlineEvent =
  /** A start-string without end-string, or another Inliner warning; [start, end) is the offending markup. */
  | { kind: 'problem'; message: string; start: number; end: number; construct?: Construct }
  /** A named (`name_`, `` `text`_ ``, `` `text <name_>`_ ``) or anonymous (`__`) hyperlink reference. */
  | { kind: 'reference'; name: string; anonymous: boolean; start: number; end: number }
  /** An explicit target made inline: `` _`name` `` or `` `text <uri>`_ `` (uri set). */
  | { kind: 'target'; name: string; uri: string | null; start: number; end: number }
  | { kind: 'substitution'; name: string; start: number; end: number }
  /** `[1]_`, `[#]_`, `[#label]_`, `[*]_`, `[CIT]_`. */
  | { kind: 'footnote'; label: string; citation: boolean; start: number; end: number }
  /** `` `text <name_>`_ ``: an indirect target `text` that points to `name` (a reference event comes too). */
  | { kind: 'indirect'; name: string; refname: string; start: number; end: number }
  /** Interpreted text with an explicit role; [start, end) is the role name. */
  | { kind: 'role'; role: string; start: number; end: number; content: string };

interface Patterns {
  /** docutils searches the rest of the text, where `^` is the rest's start: the first position apart. */
  readonly initialAt: RegExp;
  readonly initialSticky: RegExp;
  readonly end: Readonly<Record<'*' | '**' | '``' | '_`' | '|', RegExp>>;
  readonly interpretedEnd: RegExp;
}

/** The Inliner's patterns over the classes given as class bodies (`name`: [\p{L}\p{N}]). */
function makePatterns(name: string, space: string, before: string, after: string, u: '' | 'u'): Patterns {
  const S = `[${space}]`;
  const SN = `(?:[${name}])+(?:[-._+:][${name}]+)*`;
  // Where a simple name starts, its run of name characters may be at most 256 long: docutils (and a
  // plain port) would try every start in a long run, each to the run's end (quadratic); no real
  // reference or role name is that long.
  const RUN = `(?=[${name}])(?![${name}\\-._+:]{257})`;
  const SUFFIX = `(?:$|(?=[${space}${after}]))`;
  const BODY =
    `(?:(?<start>\\*\\*|\\*(?!\\*)|\`\`|_\`|\\|(?!\\|))(?!${S})` +
    `|(?<whole>${RUN}(?<refname>${SN})(?<refend>__?)|\\[(?<footnotelabel>[0-9]+|#(?:${SN})?|\\*|(?<citationlabel>${SN}))(?<fnend>\\]_))${SUFFIX}` +
    `|(?<role>(?::${RUN}${SN}:)?)(?<backquote>\`(?!\`))(?!${S}))`;
  const NWEB = `(?<![${space}\\x00])`;
  return {
    initialAt: new RegExp(BODY, `${u}y`),
    initialSticky: new RegExp(`(?<=[${space}${before}])${BODY}`, `${u}y`),
    end: {
      '*': new RegExp(`${NWEB}(\\*)${SUFFIX}`, `${u}g`),
      '**': new RegExp(`${NWEB}(\\*\\*)${SUFFIX}`, `${u}g`),
      '``': new RegExp(`(?<!${S})(\`\`)${SUFFIX}`, `${u}g`),
      '_`': new RegExp(`${NWEB}(\`)${SUFFIX}`, `${u}g`),
      '|': new RegExp(`${NWEB}(\\|_{0,2})${SUFFIX}`, `${u}g`),
    },
    interpretedEnd: new RegExp(`(?<!(?<!\\x00)[${space}\\x00])(\`(?<suffix>(?<role>:${RUN}${SN}:)?(?<refend>__?)?))${SUFFIX}`, `${u}g`),
  };
}

/** Made on first use: most texts have no markup character at all (see latin1.ts for the two kinds). */
let latin1Patterns: Patterns | undefined;
let unicodePatterns: Patterns | undefined;

const SPACE_CHAR = new RegExp(`^[${SPACE}]$`, 'u');
/** The start of Inliner.patterns.uri (a scheme) or an e-mail address: an embedded URI, not a name. */
const URI_START = /^(?:[a-zA-Z][a-zA-Z0-9.+-]*:|[^@\s]+(?<!\x00)@)/;

const NAMES: Record<string, Construct> = {
  '*': 'emphasis',
  '**': 'strong',
  '``': 'literal',
  '_`': 'target',
  '|': 'substitution_reference',
};

/** docutils.nodes.fully_normalize_name. */
export function normalizeName(name: string): string {
  return name.toLowerCase().split(/\s+/u).filter(Boolean).join(' ');
}

/** docutils.nodes.whitespace_normalize_name. */
function whitespaceNormalize(name: string): string {
  return name.split(/\s+/u).filter(Boolean).join(' ');
}

export function escapeToNull(text: string): string {
  return text.indexOf('\\') < 0 ? text : text.replace(/\\/g, '\x00');
}

/** docutils.utils.unescape: escaped whitespace goes, the other escapes lose their backslash. */
export function unescape(text: string): string {
  return text.indexOf('\x00') < 0 ? text : text.replace(/\x00[ \n]?/g, '');
}

/** punctuation_chars.match_chars: a start-string between a matching pair (`"*"`, `(*)`) is quoted. */
function matchChars(c1: string, c2: string): boolean {
  const i = OPENERS.indexOf(c1);
  if (i < 0) return false;
  return c2 === CLOSERS[i] || (QUOTE_PAIRS[c1] ?? '').includes(c2);
}

/**
 * What the preview renders, one per construct docutils recognised, in text order (they never
 * overlap). `text`: the content as docutils keeps it (escapes still NULs, for the renderer).
 */
export type InlineSpan =
  | { kind: 'emphasis' | 'strong' | 'literal' | 'title' | 'target'; start: number; end: number; text: string }
  | { kind: 'role'; role: string; start: number; end: number; text: string }
  | { kind: 'reference'; start: number; end: number; text: string; refname: string; uri: string | null; anonymous: boolean }
  | { kind: 'substitution'; start: number; end: number; name: string; reference: '' | '_' | '__' }
  | { kind: 'footnote'; start: number; end: number; label: string; citation: boolean };

export interface ScanResult {
  readonly events: InlineEvent[];
  /** Only when asked for (scanInline's `withSpans`). */
  readonly spans?: InlineSpan[];
  /** The text as docutils' `astext()` gives it (markup removed), for implicit section targets. */
  readonly plain: string;
}

/** A character that can start markup. A constant: a literal in the function made an object per call. */
const MAY_HOLD_MARKUP = /[*`_|\]]/;

/** Inliner.parse over one text block (lines joined with `\n`, rstripped, backslashes as they are). */
export function scanInline(source: string, withSpans = false): ScanResult {
  const events: InlineEvent[] = [];
  const spans: InlineSpan[] | undefined = withSpans ? [] : undefined;
  const text = escapeToNull(source);
  // a quick exit: no character that can start markup
  if (!MAY_HOLD_MARKUP.test(text)) return { events, plain: unescape(text), spans };
  // the patterns read `subject`; what they matched is taken from `text` (the same offsets)
  const latin1 = latin1Subject(text);
  const patterns =
    latin1 === null
      ? (unicodePatterns ??= makePatterns('\\p{L}\\p{N}', SPACE, BEFORE, AFTER, 'u'))
      : (latin1Patterns ??= makePatterns(NAME_LATIN1, SPACE_LATIN1, BEFORE_LATIN1, AFTER_LATIN1, ''));
  const subject = latin1 ?? text;
  const scan: Scan = { text, subject, patterns, events, out: [], noEnd: new Map(), spans };
  let pos = 0;
  while (pos < text.length) {
    const m = search(scan, pos);
    if (!m) break;
    const g = m.groups!;
    if (g.start) pos = inlineObj(scan, pos, m, g.start);
    else if (g.backquote !== undefined) pos = interpreted(scan, pos, m, text.slice(m.index, m.index + g.role.length));
    else {
      const start = m.index;
      const end = start + g.whole.length;
      const refname = g.refend ? text.slice(start, start + g.refname.length) : '';
      const label = g.refend ? '' : text.slice(start + 1, start + 1 + g.footnotelabel.length);
      if (g.refend) events.push({ kind: 'reference', name: normalizeName(refname), anonymous: g.refend === '__', start, end });
      else events.push({ kind: 'footnote', label, citation: g.citationlabel !== undefined, start, end });
      if (g.refend) {
        spans?.push({
          kind: 'reference',
          start,
          end,
          text: refname,
          refname: normalizeName(unescape(refname)),
          uri: null,
          anonymous: g.refend === '__',
        });
      } else spans?.push({ kind: 'footnote', start, end, label, citation: g.citationlabel !== undefined });
      scan.out.push(text.slice(pos, start), refname);
      pos = end;
    }
  }
  scan.out.push(text.slice(pos));
  return { events, plain: unescape(scan.out.join('')), spans };
}

interface Scan {
  readonly text: string;
  /** What the patterns read (latin1.ts). */
  readonly subject: string;
  readonly patterns: Patterns;
  readonly events: InlineEvent[];
  /** The pieces of `plain`. */
  readonly out: string[];
  /**
   * Per end pattern, the offset from which a search found nothing: a later search (from further
   * on) cannot find anything either, so a text full of unclosed `*` stays linear.
   */
  readonly noEnd: Map<RegExp, number>;
  readonly spans?: InlineSpan[];
}

/**
 * The first start of inline markup in the rest of the text (from `pos`), as docutils finds it.
 * Every match holds one of `*`, `` ` ``, `_`, `|`, and what stands in it before that character is
 * a name (letters, digits, `-._+:`) or a footnote label's (`[`, `#`, `*`, `]`): so the pattern is
 * tried only from the start of such a run before each of those characters. INITIAL run over the
 * whole text tried every word of a paragraph as a `name_` reference (a tenth of a corpus run).
 */
function search(scan: Scan, pos: number): RegExpExecArray | null {
  const text = scan.subject;
  for (let from = pos; ;) {
    MARKUP_CHAR.lastIndex = from;
    if (!MARKUP_CHAR.test(text)) return null;
    const special = MARKUP_CHAR.lastIndex - 1;
    let start = special;
    while (start > from && mayStandInMatch(text.charCodeAt(start - 1))) start--;
    for (let at = start; at <= special; at++) {
      const code = text.charCodeAt(at);
      // a trail surrogate after its lead is no place to start (the `u` patterns step by code points)
      if (code >= 0xdc00 && code <= 0xdfff && at > pos && isLeadSurrogate(text.charCodeAt(at - 1))) continue;
      const pattern = at === pos ? scan.patterns.initialAt : scan.patterns.initialSticky;
      pattern.lastIndex = at;
      const m = pattern.exec(text);
      if (m) return m;
    }
    from = special + 1;
  }
}

const MARKUP_CHAR = /[*`_|]/g;
/** Whether a character may stand in a match before its first markup character (any non-ASCII one may: a letter or digit). */
function mayStandInMatch(code: number): boolean {
  return code >= 128 || NAME_ASCII[code] === 1;
}
const NAME_ASCII = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.+:[]#*_`|') NAME_ASCII[c.charCodeAt(0)] = 1;
function isLeadSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** An end pattern searched in the rest of the text from `from`; null unless found after `from`. */
function searchEnd(scan: Scan, pattern: RegExp, from: number): RegExpExecArray | null {
  const none = scan.noEnd.get(pattern);
  if (none !== undefined && from >= none) return null;
  pattern.lastIndex = from;
  const m = pattern.exec(scan.subject);
  if (!m) scan.noEnd.set(pattern, from);
  // docutils takes the first match, and needs at least one character before it
  return m && m.index > from ? m : null;
}

/** Inliner.quoted_start (`pos`: where the rest of the text starts). */
function quotedStart(s: string, pos: number, start: number, end: number): boolean {
  if (start === pos) return false;
  if (end >= s.length) return true;
  return matchChars(s[start - 1], s[end]);
}

/** Inliner.inline_obj (and its callers): returns where the rest of the text starts. */
function inlineObj(scan: Scan, pos: number, m: RegExpExecArray, startString: string): number {
  const { text: s, events, out } = scan;
  const matchstart = m.index;
  const matchend = matchstart + startString.length;
  if (quotedStart(s, pos, matchstart, matchend)) {
    out.push(s.slice(pos, matchend));
    return matchend;
  }
  const key = startString as keyof Patterns['end'];
  const end = searchEnd(scan, scan.patterns.end[key], matchend);
  if (end) {
    const textend = end.index + end[1].length;
    const content = s.slice(matchend, end.index);
    out.push(s.slice(pos, matchstart), key === '|' ? '' : content);
    if (scan.spans) {
      if (key === '|') {
        const name = whitespaceNormalize(unescape(content));
        scan.spans.push({ kind: 'substitution', start: matchstart, end: textend, name, reference: end[1].slice(1) as '' | '_' | '__' });
      } else {
        const kind = key === '*' ? 'emphasis' : key === '**' ? 'strong' : key === '``' ? 'literal' : 'target';
        scan.spans.push({ kind, start: matchstart, end: textend, text: content });
      }
    }
    if (key === '_`') {
      events.push({ kind: 'target', name: normalizeName(unescape(content)), uri: null, start: matchstart, end: textend });
    } else if (key === '|') {
      const suffix = end[1].slice(1);
      const name = whitespaceNormalize(unescape(content));
      events.push({ kind: 'substitution', name, start: matchstart, end: textend });
      if (suffix)
        events.push({ kind: 'reference', name: normalizeName(name), anonymous: suffix === '__', start: matchstart, end: textend });
    }
    return textend;
  }
  const construct = NAMES[key];
  events.push({
    kind: 'problem',
    message: `Inline ${construct} start-string without end-string.`,
    construct,
    start: matchstart,
    end: matchend,
  });
  out.push(s.slice(pos, matchend));
  return matchend;
}

/** Inliner.interpreted_or_phrase_ref. */
function interpreted(scan: Scan, pos: number, m: RegExpExecArray, prefixRole: string): number {
  const { text: s, events, out } = scan;
  const rolestart = m.index;
  const matchstart = rolestart + prefixRole.length;
  const matchend = matchstart + 1;
  let role = '';
  let roleStart = -1;
  if (prefixRole) {
    role = prefixRole.slice(1, -1);
    roleStart = rolestart + 1;
  } else if (quotedStart(s, pos, matchstart, matchend)) {
    out.push(s.slice(pos, matchend));
    return matchend;
  }
  const end = searchEnd(scan, scan.patterns.interpretedEnd, matchend);
  if (end) {
    const textend = end.index + end[0].length;
    const eg = end.groups!;
    const escaped = s.slice(matchend, end.index);
    out.push(s.slice(pos, rolestart), embeddedLink(escaped)?.text ?? escaped);
    if (eg.role) {
      if (role) {
        const message = 'Multiple roles in interpreted text (both prefix and suffix present; only one allowed).';
        events.push({ kind: 'problem', message, start: rolestart, end: textend });
        return textend;
      }
      role = s.slice(end.index + 2, end.index + eg.role.length);
      roleStart = end.index + 2;
    }
    if (eg.refend) {
      if (role) {
        const position = prefixRole ? 'prefix' : 'suffix';
        events.push({
          kind: 'problem',
          message: `Mismatch: both interpreted text role ${position} and reference suffix.`,
          start: rolestart,
          end: textend,
        });
        return textend;
      }
      phraseRef(escaped, eg.refend === '__', matchstart, textend, events, scan.spans);
      return textend;
    }
    if (role) events.push({ kind: 'role', role, start: roleStart, end: roleStart + role.length, content: unescape(escaped) });
    if (role) scan.spans?.push({ kind: 'role', role, start: rolestart, end: textend, text: escaped });
    else scan.spans?.push({ kind: 'title', start: rolestart, end: textend, text: escaped });
    return textend;
  }
  events.push({
    kind: 'problem',
    message: 'Inline interpreted text or phrase reference start-string without end-string.',
    construct: 'interpreted text or phrase reference',
    start: matchstart,
    end: matchend,
  });
  out.push(s.slice(pos, matchend));
  return matchend;
}

/**
 * Inliner.patterns.embedded_link, `((?:[ \n]+|^)<(?!\s)((?:[^<>]|\x00[<>])+)(?<![\s\x00])>)$`,
 * without the regular expression (which tries every space of a long run): the text before the
 * link and the link's alias.
 */
function embeddedLink(escaped: string): { text: string; alias: string } | null {
  const n = escaped.length;
  if (n < 3 || escaped[n - 1] !== '>' || escaped[n - 2] === '\x00' || SPACE_CHAR.test(escaped[n - 2])) return null;
  // the alias: back to the first unescaped `<`; no unescaped `>` in it
  let open = -1;
  for (let i = n - 2; i >= 0; i--) {
    const c = escaped[i];
    const escapedChar = i > 0 && escaped[i - 1] === '\x00';
    if (c === '>' && !escapedChar) return null;
    if (c === '<' && !escapedChar) {
      open = i;
      break;
    }
  }
  if (open < 0 || open + 1 >= n - 1 || SPACE_CHAR.test(escaped[open + 1])) return null;
  let start = open;
  while (start > 0 && (escaped[start - 1] === ' ' || escaped[start - 1] === '\n')) start--;
  if (start === open && open > 0) return null;
  return { text: escaped.slice(0, start), alias: escaped.slice(open + 1, n - 1) };
}

/** Inliner.phrase_ref: the reference, and the target an embedded URI makes. */
function phraseRef(escaped: string, anonymous: boolean, start: number, end: number, events: InlineEvent[], spans?: InlineSpan[]): void {
  const link = embeddedLink(escaped);
  if (!link) {
    const name = normalizeName(unescape(escaped));
    events.push({ kind: 'reference', name, anonymous, start, end });
    spans?.push({ kind: 'reference', start, end, text: escaped, refname: name, uri: null, anonymous });
    return;
  }
  let text = link.text;
  const alias = link.alias;
  const isName = alias.endsWith('_') && !alias.endsWith('\x00_') && !URI_START.test(alias);
  if (!text) text = isName ? alias.slice(0, -1) : alias;
  const refname = normalizeName(unescape(text));
  if (spans) {
    const uri = isName ? null : unescape(alias).replace(/\s+/gu, '');
    spans.push({
      kind: 'reference',
      start,
      end,
      text,
      refname: isName ? normalizeName(unescape(alias.slice(0, -1))) : refname,
      uri,
      anonymous,
    });
  }
  if (isName) {
    // `text <name_>`_ and `text <name_>`__: a reference to `name`; with one underscore also an
    // indirect target `text` (whose references docutils resolves through it)
    const aliasName = normalizeName(unescape(alias.slice(0, -1)));
    events.push({ kind: 'reference', name: aliasName, anonymous: false, start, end });
    if (!anonymous) events.push({ kind: 'indirect', name: refname, refname: aliasName, start, end });
  } else if (!anonymous) {
    events.push({ kind: 'target', name: refname, uri: unescape(alias).replace(/\s+/gu, ''), start, end });
  }
}
