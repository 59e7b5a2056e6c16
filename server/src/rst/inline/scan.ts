// docutils 0.19's Inliner (parsers/rst/states.py), the recognition half: which inline markup a
// text holds, where, and the messages docutils gives while reading it. Like docutils, the text is
// read left to right and every search runs on the rest of the text only (a construct's end is the
// next search's `^`); escapes are NULs, so offsets are those of the original text.
import { AFTER, BEFORE, CLOSERS, OPENERS, QUOTE_PAIRS, SPACE } from './chars';

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
  /** Interpreted text with an explicit role; [start, end) is the role name. */
  | { kind: 'role'; role: string; start: number; end: number; content: string };

const S = `[${SPACE}]`;
const SN = '(?:[\\p{L}\\p{N}])+(?:[-._+:][\\p{L}\\p{N}]+)*';
const PREFIX = `(?:^|(?<=[${SPACE}${BEFORE}]))`;
const SUFFIX = `(?:$|(?=[${SPACE}${AFTER}]))`;
const INITIAL = new RegExp(
  PREFIX +
    `(?:(?<start>\\*\\*|\\*(?!\\*)|\`\`|_\`|\\|(?!\\|))(?!${S})` +
    `|(?<whole>(?<refname>${SN})(?<refend>__?)|\\[(?<footnotelabel>[0-9]+|#(?:${SN})?|\\*|(?<citationlabel>${SN}))(?<fnend>\\]_))${SUFFIX}` +
    `|(?<role>(?::${SN}:)?)(?<backquote>\`(?!\`))(?!${S}))`,
  'u',
);
const NWEB = `(?<![${SPACE}\\x00])`;
const END = {
  '*': new RegExp(`${NWEB}(\\*)${SUFFIX}`, 'u'),
  '**': new RegExp(`${NWEB}(\\*\\*)${SUFFIX}`, 'u'),
  '``': new RegExp(`(?<!${S})(\`\`)${SUFFIX}`, 'u'),
  '_`': new RegExp(`${NWEB}(\`)${SUFFIX}`, 'u'),
  '|': new RegExp(`${NWEB}(\\|_{0,2})${SUFFIX}`, 'u'),
};
const INTERPRETED_END = new RegExp(
  `(?<!(?<!\\x00)[${SPACE}\\x00])(\`(?<suffix>(?<role>:${SN}:)?(?<refend>__?)?))${SUFFIX}`,
  'u',
);
const EMBEDDED = new RegExp(`((?:[ \\n]+|^)<(?!${S})((?:[^<>]|\\x00[<>])+)${NWEB}>)$`, 'u');
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

export interface ScanResult {
  readonly events: InlineEvent[];
  /** The text as docutils' `astext()` gives it (markup removed), for implicit section targets. */
  readonly plain: string;
}

/** Inliner.parse over one text block (lines joined with `\n`, rstripped, backslashes as they are). */
export function scanInline(source: string): ScanResult {
  const events: InlineEvent[] = [];
  const text = escapeToNull(source);
  const out: string[] = [];
  let base = 0;
  let remaining = text;
  // a quick exit: no character that can start markup
  if (!/[*`_|\]]/.test(text)) return { events, plain: unescape(text) };
  while (remaining) {
    const m = INITIAL.exec(remaining);
    if (!m) break;
    const g = m.groups!;
    let consumed: number;
    if (g.start) consumed = inlineObj(remaining, base, m, g.start, events, out);
    else if (g.backquote !== undefined) consumed = interpreted(remaining, base, m, g.role, events, out);
    else if (g.refend) {
      const start = m.index;
      consumed = start + g.whole.length;
      events.push({ kind: 'reference', name: normalizeName(g.refname), anonymous: g.refend === '__', start: base + start, end: base + consumed });
      out.push(remaining.slice(0, start), g.refname);
    } else {
      const start = m.index;
      consumed = start + g.whole.length;
      const label = g.footnotelabel;
      events.push({ kind: 'footnote', label, citation: g.citationlabel !== undefined, start: base + start, end: base + consumed });
      out.push(remaining.slice(0, start));
    }
    base += consumed;
    remaining = remaining.slice(consumed);
  }
  out.push(remaining);
  return { events, plain: unescape(out.join('')) };
}

/** Inliner.quoted_start. */
function quotedStart(s: string, start: number, end: number): boolean {
  if (start === 0) return false;
  if (end >= s.length) return true;
  return matchChars(s[start - 1], s[end]);
}

/** Inliner.inline_obj (and its callers): returns how much of `s` was consumed. */
function inlineObj(s: string, base: number, m: RegExpExecArray, startString: string, events: InlineEvent[], out: string[]): number {
  const matchstart = m.index;
  const matchend = matchstart + startString.length;
  if (quotedStart(s, matchstart, matchend)) {
    out.push(s.slice(0, matchend));
    return matchend;
  }
  const key = startString as keyof typeof END;
  const rest = s.slice(matchend);
  const end = END[key].exec(rest);
  if (end && end.index > 0) {
    const textend = matchend + end.index + end[1].length;
    const content = rest.slice(0, end.index);
    out.push(s.slice(0, matchstart), key === '|' ? '' : content);
    if (key === '_`') {
      events.push({ kind: 'target', name: normalizeName(unescape(content)), uri: null, start: base + matchstart, end: base + textend });
    } else if (key === '|') {
      const suffix = end[1].slice(1);
      const name = whitespaceNormalize(unescape(content));
      events.push({ kind: 'substitution', name, start: base + matchstart, end: base + textend });
      if (suffix) events.push({ kind: 'reference', name: normalizeName(name), anonymous: suffix === '__', start: base + matchstart, end: base + textend });
    }
    return textend;
  }
  const construct = NAMES[key];
  events.push({
    kind: 'problem',
    message: `Inline ${construct} start-string without end-string.`,
    construct,
    start: base + matchstart,
    end: base + matchend,
  });
  out.push(s.slice(0, matchend));
  return matchend;
}

/** Inliner.interpreted_or_phrase_ref. */
function interpreted(s: string, base: number, m: RegExpExecArray, prefixRole: string, events: InlineEvent[], out: string[]): number {
  const rolestart = m.index;
  const matchstart = rolestart + prefixRole.length;
  const matchend = matchstart + 1;
  let role = '';
  let roleStart = -1;
  if (prefixRole) {
    role = prefixRole.slice(1, -1);
    roleStart = rolestart + 1;
  } else if (quotedStart(s, matchstart, matchend)) {
    out.push(s.slice(0, matchend));
    return matchend;
  }
  const rest = s.slice(matchend);
  const end = INTERPRETED_END.exec(rest);
  if (end && end.index > 0) {
    const textend = matchend + end.index + end[0].length;
    const eg = end.groups!;
    out.push(s.slice(0, rolestart), rest.slice(0, end.index).replace(EMBEDDED, ''));
    if (eg.role) {
      if (role) {
        events.push({
          kind: 'problem',
          message: 'Multiple roles in interpreted text (both prefix and suffix present; only one allowed).',
          start: base + rolestart,
          end: base + textend,
        });
        return textend;
      }
      role = eg.role.slice(1, -1);
      roleStart = matchend + end.index + 2;
    }
    const escaped = rest.slice(0, end.index);
    if (eg.refend) {
      if (role) {
        const position = prefixRole ? 'prefix' : 'suffix';
        events.push({
          kind: 'problem',
          message: `Mismatch: both interpreted text role ${position} and reference suffix.`,
          start: base + rolestart,
          end: base + textend,
        });
        return textend;
      }
      phraseRef(escaped, eg.refend === '__', base + matchstart, base + textend, events);
      return textend;
    }
    if (role) events.push({ kind: 'role', role, start: base + roleStart, end: base + roleStart + role.length, content: unescape(escaped) });
    return textend;
  }
  events.push({
    kind: 'problem',
    message: 'Inline interpreted text or phrase reference start-string without end-string.',
    construct: 'interpreted text or phrase reference',
    start: base + matchstart,
    end: base + matchend,
  });
  out.push(s.slice(0, matchend));
  return matchend;
}

/** Inliner.phrase_ref: the reference, and the target an embedded URI makes. */
function phraseRef(escaped: string, anonymous: boolean, start: number, end: number, events: InlineEvent[]): void {
  const m = EMBEDDED.exec(escaped);
  if (!m) {
    const name = normalizeName(unescape(escaped));
    events.push({ kind: 'reference', name, anonymous, start, end });
    return;
  }
  let text = escaped.slice(0, m.index);
  const alias = m[2];
  const isName = alias.endsWith('_') && !alias.endsWith('\x00_') && !URI_START.test(alias);
  if (!text) text = isName ? alias.slice(0, -1) : alias;
  const refname = normalizeName(unescape(text));
  if (isName) {
    // `text <name_>`_ and `text <name_>`__: a reference to `name`
    events.push({ kind: 'reference', name: normalizeName(unescape(alias.slice(0, -1))), anonymous: false, start, end });
  } else if (!anonymous) {
    events.push({ kind: 'target', name: refname, uri: unescape(alias).replace(/\s+/gu, ''), start, end });
  }
}
