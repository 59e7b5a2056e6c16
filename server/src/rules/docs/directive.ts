// rst-directive: a directive that the docs build does not know ("Unknown directive type"), and
// one it knows but cannot run as written ("Error in ... directive:", "Content block expected").
import type { DirectiveUse } from '../../rst/types';
import type { Finding, FindingData, Rule } from '../rule';
import { characterAt } from './markup';
import { isKnown, knownNames, nearest } from './names';

/** docutils' and Sphinx's directives that call assert_has_content (content is required). */
const NEEDS_CONTENT = new Set(
  ('admonition attention caution danger error hint important note tip warning topic sidebar line-block ' +
    'parsed-literal code compound container epigraph highlights pull-quote header footer todo seealso').split(' '),
);

interface Spec {
  readonly required: number;
  readonly optional: number;
  readonly finalWhitespace: boolean;
  /** Option names; null: not checked. */
  readonly options: ReadonlySet<string> | null;
  readonly content: boolean;
}

const GRAPHVIZ_OPTIONS = 'alt align caption layout graphviz_dot name class';
// Sphinx 5.3's own directives (docutils' are checked by the parser): arguments, options, content
const SPHINX: Record<string, [number, number, boolean, string | null, boolean]> = {
  todo: [0, 0, true, 'class name', true],
  todolist: [0, 0, false, '', false],
  seealso: [0, 0, true, 'class name', true],
  versionadded: [1, 1, true, '', true],
  versionchanged: [1, 1, true, '', true],
  deprecated: [1, 1, true, '', true],
  centered: [1, 0, true, '', false],
  hlist: [0, 0, false, 'columns', true],
  only: [1, 0, true, '', true],
  tabularcolumns: [1, 0, true, '', false],
  toctree: [0, 0, false, 'maxdepth name caption glob hidden includehidden numbered titlesonly reversed class', true],
  index: [1, 0, true, 'name', false],
  acks: [0, 0, false, '', true],
  sectionauthor: [1, 0, true, '', false],
  moduleauthor: [1, 0, true, '', false],
  codeauthor: [1, 0, true, '', false],
  highlight: [1, 0, false, 'force linenothreshold', false],
  literalinclude: [
    1, 0, true,
    'dedent linenos lineno-start lineno-match tab-width language force encoding pyobject lines start-after ' +
      'end-before start-at end-at prepend append emphasize-lines caption class name diff',
    false,
  ],
  'default-domain': [1, 0, false, '', false],
  'rst-class': [1, 0, true, '', true],
  cssclass: [1, 0, true, '', true],
  glossary: [0, 0, false, 'sorted', true],
  graphviz: [0, 1, false, GRAPHVIZ_OPTIONS, true],
  graph: [1, 0, false, GRAPHVIZ_OPTIONS, true],
  digraph: [1, 0, false, GRAPHVIZ_OPTIONS, true],
};
const SPECS = new Map<string, Spec>(
  Object.entries(SPHINX).map(([name, [required, optional, finalWhitespace, options, content]]) => [
    name,
    { required, optional, finalWhitespace, options: options === null ? null : new Set(options ? options.split(' ') : []), content },
  ]),
);
/** Sphinx's versions of docutils directives, whose options docutils' table does not check. */
const SPHINX_OPTIONS: Record<string, ReadonlySet<string>> = {
  'code-block': new Set('force linenos dedent lineno-start emphasize-lines caption class name'.split(' ')),
  sourcecode: new Set('force linenos dedent lineno-start emphasize-lines caption class name'.split(' ')),
  code: new Set('class force name number-lines'.split(' ')),
};

export const rstDirective: Rule = {
  id: 'rst-directive',
  defaultSeverity: 'error',
  description: 'A directive that the docs build does not know, or cannot run as written.',
  check({ doc, options }) {
    const known = knownNames(options.docs);
    const findings: Finding[] = [];
    for (const d of doc.markup.directives) {
      const start = { line: d.line, character: characterAt(doc.lines[d.line]?.text ?? '', d.col) };
      const range = { start, end: { line: d.line, character: start.character + d.name.length } };
      if (!isKnown(known, 'directives', d.name)) {
        if (!known.complete) continue;
        const suggestion = nearest(known, 'directives', d.name);
        const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
        const data: FindingData = suggestion ? { name: d.name, suggestion } : { name: d.name };
        findings.push({ range, message: `Unknown directive type "${d.name}".${hint}`, data });
        continue;
      }
      const problem = directiveProblem(d);
      if (problem) findings.push({ range, message: problem });
    }
    return findings;
  },
};

function directiveProblem(d: DirectiveUse): string {
  const name = d.name.toLowerCase();
  const error = (detail: string) => `Error in "${d.name}" directive: ${detail}.`;
  if (d.known) {
    if (d.error) return error(d.error);
    const allowed = SPHINX_OPTIONS[name];
    const unknown = allowed && d.options.find((o) => !allowed.has(o));
    if (unknown) return error(`unknown option: "${unknown}"`);
  } else {
    const spec = SPECS.get(name);
    if (!spec) return '';
    const unknown = spec.options && d.options.find((o) => !spec.options!.has(o));
    if (unknown) return error(`unknown option: "${unknown}"`);
    // the parser read the block as for an unknown directive: one optional argument
    const takesArguments = spec.required + spec.optional > 0;
    const argument = takesArguments ? d.argument : '';
    const count = argument ? argument.split(/\s+/).length : 0;
    if (count < spec.required) return error(`${spec.required} argument(s) required, ${count} supplied`);
    if (count > spec.required + spec.optional && !spec.finalWhitespace) {
      return error(`maximum ${spec.required + spec.optional} argument(s) allowed, ${count} supplied`);
    }
    const hasContent = d.hasContent || (!takesArguments && d.argument !== '');
    if (hasContent && !spec.content) return error('no content permitted');
    if (!hasContent && NEEDS_CONTENT.has(name)) return `Content block expected for the "${d.name}" directive; none found.`;
    return '';
  }
  if (!d.hasContent && NEEDS_CONTENT.has(name)) return `Content block expected for the "${d.name}" directive; none found.`;
  return '';
}
