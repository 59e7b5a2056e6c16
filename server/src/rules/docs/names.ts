// The directive and role names a spec's docs build knows: docutils 0.19's, Sphinx 5.3's built-in
// ones (its domains included: py is the default domain, std is always searched), and those of the
// extensions its `doc/source/conf.py` names. The built-in lists are what docutils and Sphinx
// register (dumped from Debian's python3-sphinx); the extension table is per extension module.
import { editDistance } from '../../text/edit-distance';

const DOCUTILS_DIRECTIVES =
  'admonition attention caution class code code-block compound container contents csv-table danger date ' +
  'default-role epigraph error figure footer header highlights hint image important include line-block ' +
  'list-table math meta note parsed-literal pull-quote raw replace restructuredtext-test-directive role ' +
  'rubric section-numbering sectnum sidebar sourcecode table target-notes tip title topic unicode warning';
const SPHINX_DIRECTIVES =
  'acks centered codeauthor cssclass default-domain deprecated describe highlight hlist index literalinclude ' +
  'moduleauthor object only rst-class sectionauthor seealso tabularcolumns toctree versionadded versionchanged';
const DOCUTILS_ROLES =
  'ab abbreviation ac acronym anonymous-reference citation-reference code emphasis footnote-reference i index ' +
  'literal math named-reference pep pep-reference raw rfc rfc-reference strong sub subscript ' +
  'substitution-reference sup superscript t target title title-reference uri uri-reference url ' +
  'restructuredtext-unimplemented-role';
const SPHINX_ROLES =
  'abbr any command dfn download eq file guilabel kbd mailheader makevar manpage menuselection mimetype ' + 'newsgroup program regexp samp';

/** Sphinx 5.3's domains: directives and roles (a `domain:name` is looked up there). */
const DOMAINS: Record<string, { directives: string; roles: string }> = {
  py: {
    directives:
      'attribute class classmethod currentmodule data decorator decoratormethod exception function method module property staticmethod',
    roles: 'attr class const data exc func meth mod obj',
  },
  std: {
    directives: 'cmdoption envvar glossary option productionlist program',
    roles: 'doc envvar keyword numref option ref term token',
  },
  c: {
    directives: 'alias enum enumerator function macro member namespace namespace-pop namespace-push struct type union var',
    roles: 'data enum enumerator expr func macro member struct texpr type union var',
  },
  cpp: {
    directives:
      'alias class concept enum enum-class enum-struct enumerator function member namespace namespace-pop namespace-push struct type union var',
    roles: 'any class concept enum enumerator expr func member struct texpr type union var',
  },
  js: { directives: 'attribute class data function method module', roles: 'attr class data func meth mod' },
  rst: { directives: 'directive directive:option role', roles: 'dir role' },
  math: { directives: '', roles: 'numref' },
};

interface Extension {
  readonly directives?: string;
  readonly roles?: string;
  /** A domain the extension adds: any `domain:name` is accepted. */
  readonly domain?: string;
}

const AUTODOC =
  'autoattribute autoclass autodata autodecorator autoexception autofunction automethod automodule autonewtypedata autonewvarattribute autoproperty';
const GRAPHVIZ = 'digraph graph graphviz';

/** Extensions and what they add (those not listed add no directive or role). */
export const EXTENSIONS: Readonly<Record<string, Extension>> = {
  'sphinx.ext.todo': { directives: 'todo todolist' },
  'sphinx.ext.graphviz': { directives: GRAPHVIZ },
  'sphinx.ext.inheritance_diagram': { directives: `${GRAPHVIZ} inheritance-diagram` },
  'sphinx.ext.autodoc': { directives: AUTODOC },
  'sphinx.ext.napoleon': { directives: AUTODOC },
  'sphinx.ext.autosummary': { directives: `${AUTODOC} autosummary`, roles: 'autolink' },
  'sphinx.ext.ifconfig': { directives: 'ifconfig' },
  'sphinx.ext.doctest': { directives: 'doctest testcleanup testcode testoutput testsetup' },
  'sphinx.ext.mathjax': {},
  'sphinx.ext.imgmath': {},
  'sphinx.ext.extlinks': {},
  'sphinx.ext.viewcode': {},
  'sphinx.ext.coverage': {},
  'sphinx.ext.autosectionlabel': {},
  'sphinx.ext.intersphinx': {},
  'sphinx.ext.githubpages': {},
  'sphinx.ext.duration': {},
  'sphinx.ext.linkcode': {},
  'sphinx.ext.apidoc': {},
  'sphinxcontrib.blockdiag': { directives: 'blockdiag' },
  'sphinxcontrib.seqdiag': { directives: 'seqdiag' },
  'sphinxcontrib.actdiag': { directives: 'actdiag' },
  'sphinxcontrib.nwdiag': { directives: 'nwdiag rackdiag packetdiag' },
  'sphinxcontrib.plantuml': { directives: 'uml' },
  'sphinxcontrib.mermaid': { directives: 'mermaid' },
  'sphinxcontrib.programoutput': { directives: 'program-output command-output' },
  'sphinxcontrib.httpdomain': { domain: 'http' },
  'sphinxcontrib.apidoc': {},
  'sphinxcontrib.rsvgconverter': {},
  'sphinxcontrib.pecanwsme.rest': { directives: 'rest-controller', domain: 'wsme' },
  'sphinxcontrib.svg2pdfconverter': {},
  oslosphinx: {},
  openstackdocstheme: {},
  yasfb: {},
  redirect: {},
  'oslo_config.sphinxext': { directives: 'show-options', domain: 'oslo.config' },
  'oslo_config.sphinxconfiggen': {},
  'oslo_policy.sphinxext': { directives: 'show-policy' },
  'oslo_policy.sphinxpolicygen': {},
  os_api_ref: { directives: 'rest_expand_all rest_method rest_parameters rest_status_code' },
  'reno.sphinxext': { directives: 'release-notes' },
  'stevedore.sphinxext': { directives: 'list-plugins' },
  'cliff.sphinxext': { directives: 'autoprogram-cliff' },
  'sphinx_feature_classification.support_matrix': { directives: 'support_matrix' },
};

/** What a spec's docs tree says, as the loaders read it (`null`: no conf.py found). */
export interface DocsSetup {
  /** The `extensions` of conf.py; null when there is none (or it could not be read as a literal). */
  readonly extensions: readonly string[] | null;
  /** The keys of conf.py's `extlinks` (roles of sphinx.ext.extlinks). */
  readonly extlinks?: readonly string[];
  /** Extra names from `.rst-specs.json` (`directives`, `roles`), for custom extensions. */
  readonly directives?: readonly string[];
  readonly roles?: readonly string[];
  /**
   * The substitutions conf.py's `rst_prolog` and `rst_epilog` define (Sphinx adds both to every
   * document); null: one of them is not a plain string literal, so any substitution may be defined.
   */
  readonly substitutions?: readonly string[] | null;
  /** The spec's conf.py exists but could not be read: any directive, role or substitution may be defined. */
  readonly unknown?: boolean;
}

export interface KnownNames {
  /** False when an extension we don't know is active: then no name is reported unknown. */
  readonly complete: boolean;
  readonly directives: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>;
  readonly domains: ReadonlyMap<string, { directives: ReadonlySet<string>; roles: ReadonlySet<string> } | null>;
}

const words = (s: string | undefined): string[] => (s ? s.split(' ') : []);

const cache = new Map<string, KnownNames>();

export function knownNames(setup: DocsSetup | undefined): KnownNames {
  const key = JSON.stringify(setup ?? null);
  let known = cache.get(key);
  if (!known) {
    known = build(setup);
    if (cache.size > 50) cache.clear();
    cache.set(key, known);
  }
  return known;
}

function build(setup: DocsSetup | undefined): KnownNames {
  const directives = new Set([...words(DOCUTILS_DIRECTIVES), ...words(SPHINX_DIRECTIVES)]);
  const roles = new Set([...words(DOCUTILS_ROLES), ...words(SPHINX_ROLES)]);
  const domains = new Map<string, { directives: ReadonlySet<string>; roles: ReadonlySet<string> } | null>();
  for (const [name, d] of Object.entries(DOMAINS))
    domains.set(name, { directives: new Set(words(d.directives)), roles: new Set(words(d.roles)) });
  // the default domain (py) and std answer unprefixed names
  for (const name of ['py', 'std']) {
    for (const d of words(DOMAINS[name].directives)) directives.add(d);
    for (const r of words(DOMAINS[name].roles)) roles.add(r);
  }
  // without a conf.py: every extension of the table (no false positives for a tree we can't see)
  const extensions = setup?.extensions ?? Object.keys(EXTENSIONS);
  let complete = !setup?.unknown;
  for (const ext of extensions) {
    const e = EXTENSIONS[ext];
    if (!e) {
      complete = false;
      continue;
    }
    for (const d of words(e.directives)) directives.add(d);
    for (const r of words(e.roles)) roles.add(r);
    if (e.domain) domains.set(e.domain, null);
  }
  if (setup?.extensions?.includes('sphinx.ext.extlinks')) {
    // its roles are conf.py's `extlinks` keys; if we could not read them, we can't judge roles
    if (setup.extlinks) for (const r of setup.extlinks) roles.add(r.toLowerCase());
    else complete = false;
  }
  for (const d of setup?.directives ?? []) directives.add(d.toLowerCase());
  for (const r of setup?.roles ?? []) roles.add(r.toLowerCase());
  return { complete, directives, roles, domains };
}

/** Whether Sphinx finds a directive or role (`kind`) by this name (sphinx_domains.lookup_domain_element, then docutils). */
export function isKnown(known: KnownNames, kind: 'directives' | 'roles', written: string, extra?: ReadonlySet<string>): boolean {
  const name = written.toLowerCase();
  if (known[kind].has(name) || extra?.has(name)) return true;
  const colon = name.indexOf(':');
  if (colon < 0) return false;
  const domain = known.domains.get(name.slice(0, colon));
  if (domain === null) return true;
  return domain !== undefined && domain[kind].has(name.slice(colon + 1));
}

/** Every name a reader could have meant (for "Did you mean"). */
export function candidates(known: KnownNames, kind: 'directives' | 'roles'): string[] {
  return [...known[kind]];
}

/**
 * conf.py, read as text: the `extensions = [...]` literal and the keys of `extlinks = {...}`.
 * Returns null for extensions when there is no plain list literal (built in code, say).
 */
export function readConfPy(text: string): { extensions: string[] | null; extlinks?: string[]; substitutions?: string[] | null } {
  const extensions = listLiteral(text, 'extensions');
  const ext = dictKeys(text, 'extlinks');
  const setup: { extensions: string[] | null; extlinks?: string[]; substitutions?: string[] | null } = ext
    ? { extensions, extlinks: ext }
    : { extensions };
  let substitutions: string[] | null | undefined;
  for (const name of ['rst_prolog', 'rst_epilog']) {
    const value = stringValue(text, name);
    if (value === undefined) continue;
    substitutions = value === null || substitutions === null ? null : [...(substitutions ?? []), ...substitutionNames(value)];
  }
  if (substitutions !== undefined) setup.substitutions = substitutions;
  return setup;
}

/**
 * The value of `name = <string literal>` at the start of a line (literals joined implicitly, in
 * parentheses or not); undefined: never assigned; null: assigned anything else or more than once
 * (a name, `%`, `.format()`, `+=`), which only running conf.py would tell.
 */
function stringValue(text: string, name: string): string | null | undefined {
  const assignments = [...text.matchAll(new RegExp(`^${name}\\s*(\\+?=)`, 'gm'))];
  if (assignments.length === 0) return undefined;
  if (assignments.length > 1 || assignments[0][1] === '+=') return null;
  let i = assignments[0].index! + assignments[0][0].length;
  let value = '';
  let parens = 0;
  let literals = 0;
  for (;;) {
    // between literals: blanks, a backslash-newline, and inside parentheses newlines and comments
    // (a comment runs to its line's end: one way to read a run of `#`, no backtracking)
    const gap = (parens > 0 ? /^(?:[ \t\n]|\\\n|#[^\n]*(?:\n|$))*/ : /^(?:[ \t]|\\\n)*/).exec(text.slice(i))![0];
    i += gap.length;
    if (text[i] === '(' && literals === 0) {
      parens++;
      i++;
      continue;
    }
    const literal = /^([rRuU]?)('''|"""|'|")/.exec(text.slice(i, i + 4));
    if (!literal) break;
    const quote = literal[2];
    const raw = literal[1].toLowerCase() === 'r';
    const start = i + literal[0].length;
    const end = text.indexOf(quote, start);
    if (end < 0) return null;
    const body = text.slice(start, end);
    // an escape (other than a line continuation) we would have to decode: not a plain literal
    if (!raw && /\\[^\n]/.test(body)) return null;
    if (quote.length === 1 && body.includes('\n')) return null;
    value += raw ? body : body.replace(/\\\n/g, '');
    literals++;
    i = end + quote.length;
  }
  while (parens > 0) {
    const close = /^(?:[ \t\n]|#[^\n]*\n)*\)/.exec(text.slice(i));
    if (!close) return null;
    i += close[0].length;
    parens--;
  }
  // only a comment or the line's end may follow the literals
  return literals > 0 && /^[ \t]*(#[^\n]*)?(\n|$)/.test(text.slice(i)) ? value : null;
}

/** The names of the substitution definitions (`.. |name| directive::`) in reStructuredText. */
function substitutionNames(rst: string): string[] {
  const names: string[] = [];
  const re = /^\.\.[ \t]+\|(\S(?:[^|]*\S)?)\|[ \t]+[^\s:]+::/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(rst))) names.push(m[1].split(/\s+/).join(' '));
  return names;
}

/** Comments off (from a `#` to the line's end: extension names and extlinks keys hold none). */
function stripComments(s: string): string {
  return s
    .split('\n')
    .map((line) => {
      const hash = line.indexOf('#');
      return hash < 0 ? line : line.slice(0, hash);
    })
    .join('\n');
}

function listLiteral(text: string, name: string): string[] | null {
  const m = new RegExp(`^${name}\\s*=\\s*\\[([^\\]]*)\\]`, 'm').exec(text);
  if (!m) return null;
  const body = stripComments(m[1]);
  const items: string[] = [];
  const re = /(['"])([^'"\n]*)\1|(\S)/g;
  let t: RegExpExecArray | null;
  while ((t = re.exec(body))) {
    if (t[2] !== undefined) items.push(t[2]);
    else if (t[3] !== ',') return null; // not a plain list of strings
  }
  // `extensions += [...]` or `.append(...)` later: we can't follow code
  if (new RegExp(`^${name}\\s*(\\+=|\\.append|\\.extend)`, 'm').test(text)) return null;
  return items;
}

function dictKeys(text: string, name: string): string[] | undefined {
  const m = new RegExp(`^${name}\\s*=\\s*\\{`, 'm').exec(text);
  if (!m) return undefined;
  const keys: string[] = [];
  const re = /(?:^|[{,])\s*(['"])([^'"\n]+)\1\s*:/g;
  const body = stripComments(text.slice(m.index + m[0].length - 1, text.indexOf('}', m.index) + 1 || undefined));
  let t: RegExpExecArray | null;
  while ((t = re.exec(body))) keys.push(t[2]);
  return keys;
}

/** The known name a small edit away (at most 2, and less than half the name), for "Did you mean". */
export function nearest(known: KnownNames, kind: 'directives' | 'roles', written: string): string | undefined {
  const name = written.toLowerCase();
  const limit = Math.min(2, Math.floor((name.length - 1) / 2));
  if (limit < 1) return undefined;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of known[kind]) {
    if (Math.abs(candidate.length - name.length) > limit) continue;
    const d = editDistance(name, candidate, bestDistance);
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
