// Inline markup to HTML: the project's inline scanner (rst/inline/scan.ts) finds the constructs
// as docutils does; this writes them as docutils' HTML5 writer does (em, strong, literal,
// references, footnote references, substitutions, roles), plus standalone URIs and e-mail
// addresses (docutils' implicit_inline). Every piece of text is escaped.
import { AFTER, BEFORE, SPACE } from '../rst/inline/chars';
import { scanInline, unescape, type InlineSpan } from '../rst/inline/scan';
import { attr, esc, makeId, titleAndTarget } from './html';
import { adjustUri, nextAnonymous, type AnonymousTarget } from './targets';

/** Where references go: filled by the renderer before any text is written. */
export interface InlineContext {
  /** Normalised reference name → an href ('#id' or a URI). */
  readonly targets: Map<string, string>;
  /** Anonymous targets in document order; `anonymous` counts the anonymous references seen. */
  readonly anonymousTargets: AnonymousTarget[];
  anonymous: number;
  /** Each inline text's constructs, scanned once (targets.ts). */
  readonly scans: Map<string, InlineSpan[]>;
  /** Substitution name (as written) → its HTML; also looked up case-insensitively. */
  readonly substitutions: Map<string, string>;
  /** Footnote label ('1', '#', '#name', '*', or a citation label) → [id, shown label]. */
  footnoteRef(label: string, citation: boolean): [string, string] | null;
  /** Guards against a substitution that refers to itself. */
  depth: number;
}

/** The common part of docutils' urischemes.schemes: a URI with another scheme stays text. */
const SCHEMES = new Set(
  (
    'http https ftp ftps sftp file git svn ssh irc ircs news nntp telnet ldap data urn tel fax xmpp sip gopher wais ' +
    'prospero mailto im mid cid dav dns go h323 iioploc imap ipp iris iris.beep mupdate nfs opaquelocktoken pop pres ' +
    'rtsp service shttp sms snmp soap.beep soap.beeps tag tftp tip vemmi afs tn3270 z39.50r z39.50s webcal feed'
  ).split(' '),
);
const URIC = "[-_.!~*'()\\[\\];/:@&=+$,%a-zA-Z0-9\\x00]";
const URILAST = '[_~*/=+a-zA-Z0-9]';
const EMAILC = "[-_!~*'{|}/#?^`&=+$%a-zA-Z0-9\\x00]";
// docutils' Inliner.patterns.uri (absolute URIs and e-mail addresses), between its start-string
// prefix (whitespace, an opener or a delimiter) and end-string suffix
const STANDALONE = new RegExp(
  `(?<=^|[${SPACE}${BEFORE}])(?:(?<uri>(?<scheme>[a-zA-Z][a-zA-Z0-9.+-]*):(?://?)?(?:${URIC}*${URILAST})?(?:\\?${URIC}*${URILAST})?(?:#${URIC}*${URILAST})?)` +
    `|(?<email>${EMAILC}+(?:\\.${EMAILC}+)*(?<!\\x00)@${EMAILC}+(?:\\.${EMAILC}*)*${URILAST}))(?=$|[${SPACE}${AFTER}])`,
  'giu',
);

/** Plain text: escaped, standalone URIs and e-mail addresses made links. `text` still has NUL escapes. */
function plain(text: string): string {
  if (text.indexOf(':') < 0 && text.indexOf('@') < 0) return esc(unescape(text));
  let out = '';
  let pos = 0;
  STANDALONE.lastIndex = 0;
  for (let m = STANDALONE.exec(text); m; m = STANDALONE.exec(text)) {
    const whole = m[0];
    // a bare scheme ("note:") or an unknown one ("OS-USER-DATA:user_data") is text
    if (m.groups!.uri && (whole.length <= whole.indexOf(':') + 1 || !SCHEMES.has(m.groups!.scheme.toLowerCase()))) continue;
    out += esc(unescape(text.slice(pos, m.index)));
    const shown = unescape(whole);
    const href = m.groups!.email ? `mailto:${shown}` : shown;
    out += `<a class="reference external"${attr('href', href)}>${esc(shown)}</a>`;
    pos = m.index + whole.length;
  }
  return out + esc(unescape(text.slice(pos)));
}

/** One text docutils parses for inline markup (lines joined with `\n`) as HTML. */
export function renderInline(source: string, ctx: InlineContext): string {
  const spans = ctx.scans.get(source) ?? scanInline(source, true).spans;
  if (!spans || spans.length === 0) return plain(source.replace(/\\/g, '\x00'));
  const text = source.replace(/\\/g, '\x00');
  let out = '';
  let pos = 0;
  for (const span of spans) {
    out += plain(text.slice(pos, span.start));
    out += renderSpan(span, source, ctx);
    pos = span.end;
  }
  return out + plain(text.slice(pos));
}

function renderSpan(span: InlineSpan, source: string, ctx: InlineContext): string {
  switch (span.kind) {
    case 'emphasis':
      return `<em>${plain(span.text)}</em>`;
    case 'strong':
      return `<strong>${plain(span.text)}</strong>`;
    case 'literal':
      // docutils keeps a literal's backslashes
      return `<code class="docutils literal">${esc(source.slice(span.start + 2, span.end - 2))}</code>`;
    case 'title':
      return `<cite>${esc(unescape(span.text))}</cite>`;
    case 'target': {
      const name = unescape(span.text);
      const href = ctx.targets.get(name.toLowerCase().split(/\s+/u).filter(Boolean).join(' '));
      return `<span class="target"${attr('id', href?.startsWith('#') ? href.slice(1) : makeId(name) || undefined)}>${esc(name)}</span>`;
    }
    case 'role':
      return renderRole(span.role, span.text, source.slice(span.start, span.end), ctx);
    case 'reference':
      return renderReference(span, ctx);
    case 'substitution':
      return renderSubstitution(span.name, span.reference, ctx);
    case 'footnote': {
      const ref = ctx.footnoteRef(span.label, span.citation);
      if (span.citation) {
        return `<a class="citation-reference"${attr('href', ref ? `#${ref[0]}` : undefined)}>[${esc(span.label)}]</a>`;
      }
      const shown = ref ? ref[1] : span.label;
      return `<a class="footnote-reference brackets"${attr('href', ref ? `#${ref[0]}` : undefined)}>${esc(shown)}</a>`;
    }
  }
}

/** Links keep only the schemes a reader follows; `javascript:` and the like lose their href. */
export function safeHref(uri: string): string | undefined {
  const scheme = /^([a-zA-Z][a-zA-Z0-9.+-]*):/.exec(uri);
  return !scheme || /^(?:https?|ftp|ftps|mailto)$/i.test(scheme[1]) ? uri : undefined;
}

function renderReference(span: Extract<InlineSpan, { kind: 'reference' }>, ctx: InlineContext): string {
  const shown = esc(unescape(span.text));
  let href: string | undefined;
  if (span.uri !== null) href = adjustUri(span.uri);
  else if (span.anonymous) href = nextAnonymous(ctx);
  else href = ctx.targets.get(span.refname);
  if (href === undefined) return `<a class="reference problematic"${attr('data-refname', span.refname)}>${shown}</a>`;
  const kind = href.startsWith('#') ? 'internal' : 'external';
  return `<a class="reference ${kind}"${attr('href', safeHref(href))}${safeHref(href) === undefined ? attr('data-uri', href) : ''}>${shown}</a>`;
}

function renderSubstitution(name: string, reference: string, ctx: InlineContext): string {
  let html = ctx.substitutions.get(name);
  if (html === undefined) {
    const lower = name.toLowerCase();
    for (const [key, value] of ctx.substitutions) if (key.toLowerCase() === lower) html = value;
  }
  if (html === undefined) return `<span class="problematic substitution"${attr('data-name', name)}>|${esc(name)}|</span>`;
  if (!reference) return html;
  const href = reference === '__' ? nextAnonymous(ctx) : ctx.targets.get(name.toLowerCase());
  return href === undefined
    ? html
    : `<a class="reference ${href.startsWith('#') ? 'internal' : 'external'}"${attr('href', safeHref(href))}>${html}</a>`;
}

function renderRole(role: string, escaped: string, whole: string, ctx: InlineContext): string {
  const text = unescape(escaped);
  const name = role.toLowerCase();
  switch (name) {
    case 'emphasis':
      return `<em>${esc(text)}</em>`;
    case 'strong':
      return `<strong>${esc(text)}</strong>`;
    case 'literal':
    case 'code':
    case 'file':
    case 'samp':
    case 'command':
    case 'program':
    case 'option':
    case 'envvar':
    case 'makevar':
    case 'mailheader':
    case 'kbd':
      return `<code class="docutils literal${name === 'literal' ? '' : ` ${name}`}">${esc(text)}</code>`;
    case 'sub':
    case 'subscript':
      return `<sub>${esc(text)}</sub>`;
    case 'sup':
    case 'superscript':
      return `<sup>${esc(text)}</sup>`;
    case 'title':
    case 't':
    case 'title-reference':
      return `<cite>${esc(text)}</cite>`;
    case 'abbr':
    case 'abbreviation':
    case 'acronym': {
      // `LIFO (last in, first out)`
      const open = text.endsWith(')') ? text.indexOf('(') : -1;
      const shown = open >= 0 ? text.slice(0, open).trimEnd() : text;
      return `<abbr${attr('title', open >= 0 ? text.slice(open + 1, -1) : undefined)}>${esc(shown)}</abbr>`;
    }
    case 'doc': {
      const [title, target] = titleAndTarget(text);
      return `<a class="reference internal doc"${attr('data-doc', target)}>${esc(title ?? target)}</a>`;
    }
    case 'ref': {
      const [title, target] = titleAndTarget(text);
      const label = target.toLowerCase();
      const href = ctx.targets.get(label);
      return `<a class="reference internal ref"${attr('href', href)}${attr('data-ref', label)}>${esc(title ?? target)}</a>`;
    }
    case 'rfc':
    case 'rfc-reference': {
      // docutils: `N` or `N#anchor`, shown as "RFC " and the text
      const [number, section] = text.split(/#(.*)/s);
      const href = `https://tools.ietf.org/html/rfc${parseInt(number, 10)}.html${section !== undefined ? `#${section}` : ''}`;
      return `<a class="rfc reference external"${attr('href', href)}>RFC ${esc(text)}</a>`;
    }
    case 'pep':
    case 'pep-reference': {
      const href = `https://peps.python.org/pep-${String(parseInt(text, 10)).padStart(4, '0')}/`;
      return `<a class="pep reference external"${attr('href', href)}>PEP ${esc(text)}</a>`;
    }
    case 'math':
      return `<span class="math">${esc(text)}</span>`;
    default:
      // a role the preview does not know (Sphinx's :term:, :class:, an extension's): its text, marked
      return `<span class="role"${attr('data-role', role)}${attr('title', whole)}>${esc(text)}</span>`;
  }
}
