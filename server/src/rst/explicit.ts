// Explicit markup (`.. `): footnotes, citations, hyperlink targets, substitution definitions,
// directives and comments (Body.explicit_construct and friends in docutils' states.py).
import { isPyBlank, pyRstrip, pyStrip } from './lines';
import { ContentCheck, ExplicitRec, Machine, STATES, StateName, View, newNode, trimTrailingBlank, viewText } from './machine';
import { M, T_ANONYMOUS, T_EXPLICIT_MARKUP, matchFieldMarker } from './patterns';
import { specializedCheck } from './specialized';
import { DIRECTIVE_SPECS } from './directive-specs';
import { NAME_LATIN1 } from './inline/latin1';

/** The patterns with a simple name, over the name class given as a class body ([\p{L}\p{N}]). */
function namePatterns(name: string, u: '' | 'u') {
  const SIMPLENAME = `[${name}]+(?:[-._+:][${name}]+)*`;
  return {
    footnote: new RegExp(`^\\.\\. +\\[(?:[0-9]+|#|#${SIMPLENAME}|\\*)\\](?: +|$)`, u),
    citation: new RegExp(`^\\.\\. +\\[${SIMPLENAME}\\](?: +|$)`, u),
    directive: new RegExp(`^\\.\\. +(${SIMPLENAME}) ?::(?: +|$)`, u),
    /** Explicit.patterns.reference (on the normalized block): a simple name or a phrase, then `_`. */
    reference: new RegExp(`^(?:(${SIMPLENAME})_|\`(?![ \`])(.+?)(?<![ \`])\`_)$`, u),
  };
}

const ABOVE_LATIN1 = /[^\x00-\xff]/;
let latin1Patterns: ReturnType<typeof namePatterns> | undefined;
let unicodePatterns: ReturnType<typeof namePatterns> | undefined;

/**
 * The patterns for `s`. Those with [\p{L}\p{N}] took long to compile: a text of Latin-1
 * characters only (nearly all) gets them with that class's Latin-1 part (inline/latin1.ts).
 */
function patternsFor(s: string): ReturnType<typeof namePatterns> {
  return ABOVE_LATIN1.test(s)
    ? (unicodePatterns ??= namePatterns('\\p{L}\\p{N}', 'u'))
    : (latin1Patterns ??= namePatterns(NAME_LATIN1, ''));
}

const TARGET_START = /^\.\. +_(?! |$)/;
const SUBSTITUTION_START = /^\.\. +\|(?! |$)/;
/** Inliner patterns `target` and `substitution`, on text with escapes turned into NULs. */
const TARGET = /^(?:_|(?!_)(`?)(?![ `])[^\n]+?(?<![\s\x00])\1)(?<!(?<!\x00):)(?<![\s\x00]) ?:(?: +|$)/;
const TARGET_NAME = /^(?:(_)|(?!_)(`?)(?![ `])([^\n]+?)(?<![\s\x00])\2)(?<!(?<!\x00):)(?<![\s\x00]) ?:(?: +|$)/;
const SUBSTITUTION = /^(?! )[^\n]+?(?<![\s\x00])\|(?: +|$)/;

type Kind = 'body' | 'literal' | 'none';
interface DirectiveSpec {
  required: number;
  optional: number;
  options: boolean;
  content: boolean;
  kind: Kind;
  /** The option names docutils accepts, where they decide whether the content is parsed. */
  names?: Set<string>;
  /** Whether the last argument may hold spaces, where known (Sphinx's directives). */
  finalWhitespace?: boolean;
}

// docutils 0.19's directives (English names): required and optional arguments, whether there is
// an option_spec, has_content, and what is done with the content: parsed as body elements,
// kept as a literal block, or something else (data, raw text, nothing). For directives whose
// content is parsed, the option names too (a bad option means no content: no messages from it).
const TABLE: [string, number, number, number, number, Kind, string?][] = [
  ['admonition', 1, 0, 1, 1, 'body', 'class name'],
  ['attention', 0, 0, 1, 1, 'body', 'class name'],
  ['caution', 0, 0, 1, 1, 'body', 'class name'],
  ['class', 1, 0, 0, 1, 'body'],
  ['code', 0, 1, 1, 1, 'literal'],
  ['code-block', 0, 1, 1, 1, 'literal'],
  ['compound', 0, 0, 1, 1, 'body', 'class name'],
  ['container', 0, 1, 1, 1, 'body', 'name'],
  ['contents', 0, 1, 1, 0, 'none'],
  ['csv-table', 0, 1, 1, 1, 'none'],
  ['danger', 0, 0, 1, 1, 'body', 'class name'],
  ['date', 0, 0, 0, 1, 'none'],
  ['default-role', 0, 1, 0, 0, 'none'],
  ['epigraph', 0, 0, 0, 1, 'body'],
  ['error', 0, 0, 1, 1, 'body', 'class name'],
  ['figure', 1, 0, 1, 1, 'body', 'alt height width scale align target class name figwidth figclass'],
  ['footer', 0, 0, 0, 1, 'body'],
  ['header', 0, 0, 0, 1, 'body'],
  ['highlights', 0, 0, 0, 1, 'body'],
  ['hint', 0, 0, 1, 1, 'body', 'class name'],
  ['image', 1, 0, 1, 0, 'none'],
  ['important', 0, 0, 1, 1, 'body', 'class name'],
  ['include', 1, 0, 1, 0, 'none'],
  ['line-block', 0, 0, 1, 1, 'none'],
  ['list-table', 0, 1, 1, 1, 'body', 'header-rows stub-columns width widths class name align'],
  ['math', 0, 0, 1, 1, 'none'],
  ['meta', 0, 0, 0, 1, 'none'],
  ['note', 0, 0, 1, 1, 'body', 'class name'],
  ['parsed-literal', 0, 0, 1, 1, 'none'],
  ['pull-quote', 0, 0, 0, 1, 'body'],
  ['raw', 1, 0, 1, 1, 'none'],
  ['replace', 0, 0, 0, 1, 'none'],
  ['restructuredtext-test-directive', 0, 1, 1, 1, 'none'],
  ['role', 0, 0, 0, 1, 'none'],
  ['rubric', 1, 0, 1, 0, 'none'],
  ['section-numbering', 0, 0, 1, 0, 'none'],
  ['sectnum', 0, 0, 1, 0, 'none'],
  ['sidebar', 0, 1, 1, 1, 'body', 'class name subtitle'],
  ['sourcecode', 0, 1, 1, 1, 'literal'],
  ['table', 0, 1, 1, 1, 'body', 'class name align width widths'],
  ['target-notes', 0, 0, 1, 0, 'none'],
  ['tip', 0, 0, 1, 1, 'body', 'class name'],
  ['title', 1, 0, 0, 0, 'none'],
  ['topic', 1, 0, 1, 1, 'body', 'class name'],
  ['unicode', 1, 0, 1, 0, 'none'],
  ['warning', 0, 0, 1, 1, 'body', 'class name'],
];
const DIRECTIVES = new Map<string, DirectiveSpec>(
  TABLE.map(([name, required, optional, options, content, kind, names]) => [
    name,
    { required, optional, options: options === 1, content: content === 1, kind, names: names ? new Set(names.split(' ')) : undefined },
  ]),
);
/** docutils' directives whose argument is a title, parsed for inline markup. */
const TITLED = new Set(['admonition', 'topic', 'sidebar', 'rubric', 'table', 'list-table', 'csv-table']);
/** Sphinx's own directives whose content is reStructuredText (Sphinx parses it; docutils alone does not know them). */
const SPHINX_BODY = new Set('todo seealso versionadded versionchanged deprecated only hlist acks rst-class cssclass'.split(' '));
const SPHINX = new Map<string, DirectiveSpec>();
for (const name of SPHINX_BODY) {
  const [required, optional, finalWhitespace, options, content] = DIRECTIVE_SPECS[name];
  // docutils skips an empty option_spec (`if option_spec:`): option lines are then text
  SPHINX.set(name, {
    required,
    optional,
    options: !!options,
    content,
    kind: 'body',
    names: options ? new Set(options.split(' ')) : undefined,
    finalWhitespace,
  });
}
/** Directives docutils does not know (Sphinx's, mostly): arguments, options, then body content. */
const UNKNOWN: DirectiveSpec = { required: 0, optional: 1, options: true, content: true, kind: 'body' };
/** Unknown directives whose content is not reStructuredText (diagrams, code, data). */
const UNKNOWN_DATA = new Set(
  'graphviz digraph graph uml plantuml mermaid blockdiag seqdiag actdiag nwdiag rackdiag packetdiag ' +
    'productionlist literalinclude highlight ipython jupyter-execute doctest testcode testoutput testsetup ' +
    'testcleanup code-cell jinja'.split(' '),
);

export function explicitMarkup(sm: Machine): StateName {
  explicitList(sm, explicitConstruct(sm));
  sm.context = [];
  return 'Body';
}

export function anonymous(sm: Machine): StateName {
  explicitList(sm, anonymousTarget(sm));
  sm.context = [];
  return 'Body';
}

/** Body.explicit_list: more explicit constructs directly after this one. */
function explicitList(sm: Machine, blankFinish: boolean): void {
  const r = sm.nestedListParse('Explicit', blankFinish, undefined, null, true);
  sm.gotoLineSafe(r.offset);
  if (!r.blankFinish) sm.unindentWarning('Explicit markup');
}

const EXPLICIT_HANDLERS = {
  [T_EXPLICIT_MARKUP]: (sm: Machine): StateName => {
    sm.blankFinish = explicitConstruct(sm);
    return 'Explicit';
  },
  [T_ANONYMOUS]: (sm: Machine): StateName => {
    sm.blankFinish = anonymousTarget(sm);
    return 'Explicit';
  },
};

STATES.Explicit = {
  check: (sm, only) => specializedCheck(sm, only, 'Explicit', EXPLICIT_HANDLERS, true),
  eof() {},
};

function escape2null(text: string): string {
  return text.indexOf('\\') < 0 ? text : text.replace(/\\([^]?)/g, '\x00$1');
}

function viewLines(sm: Machine, v: View): string[] {
  const lines: string[] = [];
  for (let i = 0; i < v.end - v.start; i++) lines.push(viewText(sm.doc, v, i));
  return lines;
}

/** Returns blank_finish. */
function explicitConstruct(sm: Machine): boolean {
  const line = sm.line!;
  const markupEnd = M.end;
  let m: RegExpExecArray | null;
  // where the construct starts, for the preview's marks
  const start = sm.absLineOffset();
  const col = sm.physCol(sm.lineOffset);
  const patterns = patternsFor(line);
  if ((m = patterns.footnote.exec(line)) || (m = patterns.citation.exec(line))) {
    const label = m[0].slice(m[0].indexOf('[') + 1, m[0].lastIndexOf(']'));
    const kind = patterns.footnote.test(line) ? 'footnote' : 'citation';
    note(sm, kind, label, null);
    const r = sm.getFirstKnownIndented(m[0].length);
    sm.mark(kind, start, sm.absLineOffset() + 1, col, r.view);
    sm.child('footnote');
    sm.nestedParse(r.view);
    return r.blankFinish;
  }
  let error = '';
  if ((m = TARGET_START.exec(line))) {
    // Body.hyperlink_target: the target's lines are joined until the pattern matches.
    const r = sm.getFirstKnownIndented(m[0].length, true, false);
    const lines = viewLines(sm, r.view);
    const joined = lines.map(escape2null).join('');
    if (TARGET.test(joined)) {
      noteTarget(sm, lines);
      sm.mark('target', start, sm.absLineOffset() + 1, col);
      sm.child('target');
      return r.blankFinish;
    }
    error = 'malformed hyperlink target.';
  } else if ((m = SUBSTITUTION_START.exec(line))) {
    const r = sm.getFirstKnownIndented(m[0].length, false, false);
    const lines = viewLines(sm, r.view);
    const joined = [escape2null(pyRstrip(lines[0] ?? '')), ...lines.slice(1).map((l) => escape2null(pyStrip(l)))];
    const sub = SUBSTITUTION.exec(joined.join(' '));
    if (sub) {
      note(sm, 'substitution', sub[0].slice(0, sub[0].lastIndexOf('|')), null);
      sm.mark('target', start, sm.absLineOffset() + 1, col);
      sm.child('substitution_definition');
      return r.blankFinish;
    }
    error = 'malformed substitution definition.';
  } else if ((m = patterns.directive.exec(line))) {
    return directive(sm, m[1], m[0].length);
  }
  if (error) sm.message(2, error, sm.absLineNumber());
  return comment(sm, line, markupEnd);
}

/** Body.comment. `first` is the line the explicit markup started on. */
function comment(sm: Machine, first: string, markupEnd: number): boolean {
  const start = sm.absLineOffset();
  if (sm.isNextLineBlank() && isPyBlank(first.slice(markupEnd))) {
    sm.addBlock('comment', start, start + 1, sm.physCol(sm.lineOffset));
    return true;
  }
  const col = sm.physCol(sm.lineOffset);
  const r = sm.getFirstKnownIndented(markupEnd);
  sm.addBlock('comment', start, sm.absLineOffset() + 1, col);
  return r.blankFinish;
}

function note(sm: Machine, kind: ExplicitRec['kind'], name: string, uri: string | null, refname?: string): void {
  if (!sm.sink) return;
  const rec: ExplicitRec = { kind, name, uri, refname, line: sm.absLineOffset(), sink: sm.sink };
  sm.doc.explicit.push(rec);
}

/** Body.hyperlink_target and make_target: the name, and the URI unless internal or indirect. */
function noteTarget(sm: Machine, lines: string[]): void {
  const block = lines.map(escape2null);
  let escaped = block[0];
  let index = 0;
  let m = TARGET_NAME.exec(escaped);
  while (!m && ++index < block.length) m = TARGET_NAME.exec((escaped += block[index]));
  if (!m) return;
  const rest = [(block[index] + ' ').slice(m[0].length - escaped.length - 1).trim(), ...block.slice(index + 1)];
  // Body.parse_target / is_reference: `name_` or `` `a phrase`_ `` makes an indirect target
  const normalized = rest
    .map((l) => pyStrip(l))
    .join(' ')
    .toLowerCase()
    .split(/\s+/u)
    .filter(Boolean)
    .join(' ');
  const reference = patternsFor(normalized).reference.exec(normalized);
  const refname = reference ? (reference[1] ?? reference[2]).replace(/\x00[ \n]?/g, '') : undefined;
  const uri = rest
    .join(' ')
    .replace(/\x00[ \n]?/g, '')
    .replace(/\s+/gu, '');
  if (m[1] === '_') note(sm, 'anonymous', '', uri || null);
  else if (refname !== undefined) note(sm, 'target', (m[3] ?? '').replace(/\x00[ \n]?/g, ''), null, refname);
  else note(sm, 'target', (m[3] ?? '').replace(/\x00[ \n]?/g, ''), uri || null);
}

function anonymousTarget(sm: Machine): boolean {
  note(sm, 'anonymous', '', null);
  const start = sm.absLineOffset();
  const col = sm.physCol(sm.lineOffset);
  const blankFinish = sm.getFirstKnownIndented(M.end, true).blankFinish;
  sm.mark('target', start, sm.absLineOffset() + 1, col);
  sm.child('target');
  return blankFinish;
}

interface DirectiveBlock {
  argument: string;
  content: View[];
  error: string;
  /** The option lines' names, and the value of a `:name:` option ('' if none). */
  options: string[];
  name: string;
  /** The argument's lines. */
  argView: View | null;
}

/** Body.parse_directive_block: arguments, options and content of a directive. */
function parseDirectiveBlock(sm: Machine, indented: View, spec: DirectiveSpec): DirectiveBlock {
  const doc = sm.doc;
  let v = indented;
  if (v.end > v.start && isPyBlank(viewText(doc, v, 0))) v = { start: v.start + 1, end: v.end, firstCol: v.col, col: v.col };
  v = trimTrailingBlank(doc, v);
  const length = v.end - v.start;
  const sub = (from: number, to: number): View => ({
    start: v.start + from,
    end: v.start + Math.max(from, to),
    firstCol: from === 0 ? v.firstCol : v.col,
    col: v.col,
  });
  let argEnd = 0;
  let i = 0;
  let content: View[];
  const takesArguments = spec.required > 0 || spec.optional > 0;
  if (length > 0 && (takesArguments || spec.options)) {
    while (i < length && !isPyBlank(viewText(doc, v, i))) i++;
    argEnd = i;
    content = [sub(Math.min(i + 1, length), length)];
  } else {
    content = [sub(0, length)];
  }
  let error = '';
  const options: string[] = [];
  let targetName = '';
  if (spec.options) {
    let j = 0;
    while (j < argEnd && !matchFieldMarker(viewText(doc, v, j))) j++;
    for (let k = j; k < argEnd; k++) {
      const text = viewText(doc, v, k);
      if (text.charCodeAt(0) === 32) continue;
      if (!matchFieldMarker(text)) {
        error ||= 'invalid option block';
        continue;
      }
      const option = text.slice(1, M.end).trimEnd().slice(0, -1);
      options.push(option);
      if (option === 'name') targetName = pyStrip(text.slice(M.end));
      if (spec.names && !spec.names.has(option)) error ||= `unknown option: "${option}"`;
    }
    argEnd = j;
  }
  if (argEnd > 0 && !takesArguments) {
    // arg_block + indented[i:]: contiguous unless option lines were taken out of the middle
    // (then the two parts are parsed separately, which only differs for constructs across them)
    content = argEnd === i ? [sub(0, length)] : [sub(0, argEnd), sub(i, length)];
    argEnd = 0;
  }
  content = content.map((c) => trimLeading(sm, c)).filter((c) => c.end > c.start);
  const argLines: string[] = [];
  for (let k = 0; k < argEnd; k++) argLines.push(pyStrip(viewText(doc, v, k)));
  const argument = argLines.join(' ').trim();
  const count = argument ? argument.split(/\s+/).length : 0;
  if (!error && count < spec.required) error = `${spec.required} argument(s) required, ${count} supplied`;
  if (!error && count > spec.required + spec.optional && !finalWhitespace(spec)) {
    error = `maximum ${spec.required + spec.optional} argument(s) allowed, ${count} supplied`;
  }
  if (!error && content.length > 0 && !spec.content) error = 'no content permitted';
  return { argument, content, error, options, name: targetName, argView: argEnd > 0 ? sub(0, argEnd) : null };
}

function finalWhitespace(spec: DirectiveSpec): boolean {
  if (spec.finalWhitespace !== undefined) return spec.finalWhitespace;
  // Among docutils' directives with arguments, only code/code-block/sourcecode and default-role
  // refuse extra words; unknown directives are given the benefit of the doubt.
  return spec.kind !== 'literal' && spec !== DIRECTIVES.get('default-role');
}

function trimLeading(sm: Machine, v: View): View {
  while (v.end > v.start && isPyBlank(viewText(sm.doc, v, 0))) v = { start: v.start + 1, end: v.end, firstCol: v.col, col: v.col };
  return v;
}

/** Body.directive / run_directive / unknown_directive. Returns blank_finish. */
function directive(sm: Machine, typeName: string, markerEnd: number): boolean {
  const name = typeName.toLowerCase();
  const first = sm.line!;
  const known = DIRECTIVES.get(name);
  const start = sm.absLineOffset();
  const lineno = sm.absLineNumber();
  const col = sm.physCol(sm.lineOffset);
  // Sphinx's body directives run as docutils runs its own: their content is checked too
  const sphinx = known ? undefined : SPHINX.get(name);
  const runs = known ?? sphinx;
  const spec = runs ?? UNKNOWN;
  // the directive's lines as run_directive sees them (unknown_directive takes the same lines)
  const block = runs ? null : sm.indented(sm.lineOffset, false, true, null, markerEnd).view;
  const r = runs ? sm.getFirstKnownIndented(markerEnd, false, true, false) : sm.getFirstKnownIndented(0, false, false);
  const parsed = parseDirectiveBlock(sm, block ?? r.view, spec);
  const table = name === 'list-table' || name === 'table';
  const ok = known !== undefined && !parsed.error && !(table && parsed.content.length === 0);
  const rec = sm.addBlock('directive', start, sm.absLineOffset() + 1, col, ok ? (table ? 'table' : 'directive') : null);
  rec.name = name;
  rec.argument = parsed.argument;
  if (sm.sink) {
    sm.doc.directives.push({
      name: typeName,
      line: start,
      col: sm.colOf(start - sm.start) + first.indexOf(typeName, 2),
      argument: parsed.argument,
      options: parsed.options,
      hasContent: parsed.content.length > 0,
      error: known ? parsed.error : '',
      known: known !== undefined,
      sink: sm.sink,
    });
    if (parsed.name && (!known || !parsed.error))
      sm.doc.explicit.push({ kind: 'target', name: parsed.name, uri: null, refname: undefined, line: start, sink: sm.sink });
  }
  if (!known) {
    sm.child('message'); // docutils' INFO "No directive entry for ..."
    sm.message(3, `Unknown directive type "${typeName}".`, lineno);
    if (sphinx) {
      if (!parsed.error) for (const c of parsed.content) sm.nestedParse(c);
      return r.blankFinish || sm.isNextLineBlank();
    }
    if (!UNKNOWN_DATA.has(name)) for (const c of parsed.content) sm.nestedParse(c, null);
    return r.blankFinish;
  }
  if (parsed.error) {
    sm.message(3, `Error in "${typeName}" directive:`, lineno);
    return r.blankFinish;
  }
  // a title given as the argument is inline text (make_title / inline_text)
  if (parsed.argView && TITLED.has(name)) sm.inlineView(parsed.argView, lineno);
  if (name === 'topic' || name === 'sidebar') {
    // BasePseudoSection.run: only where titles are allowed, or (a topic) directly in a sidebar
    let error = '';
    if (name === 'sidebar' && sm.sidebar) error = `The "${typeName}" directive may not be used within a sidebar element.`;
    else if (!sm.matchTitles && !sm.sidebar) error = `The "${typeName}" directive may not be used within topics or body elements.`;
    if (error) sm.message(3, error, lineno);
    else for (const c of parsed.content) sm.nestedParse(c, sm.sink, null, name === 'sidebar');
  } else if (table) {
    if (parsed.content.length === 0) {
      if (name === 'table') sm.message(2, 'Content block expected for the "table" directive; none found.', lineno);
      else sm.message(3, 'The "list-table" directive is empty; content required.', lineno);
    } else {
      // docutils keeps the content only if it has the shape the directive needs (see parse.ts)
      const check: ContentCheck = { directive: name, lineno, node: newNode(), sink: [], parentSink: sm.sink };
      sm.doc.checks.push(check);
      for (const c of parsed.content) sm.nestedParse(c, check.sink, check.node);
    }
  } else if (spec.kind === 'body') {
    for (const c of parsed.content) sm.nestedParse(c);
  } else if (spec.kind === 'literal') {
    for (const c of parsed.content) {
      const t = trimTrailingBlank(sm.doc, c);
      sm.doc.markLiteral(t.start, t.end);
    }
  }
  return r.blankFinish || sm.isNextLineBlank();
}
