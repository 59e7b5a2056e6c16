// rst-directive: a directive that the docs build does not know ("Unknown directive type"), and
// one it knows but cannot run as written ("Error in ... directive:", "Content block expected").
import type { DirectiveUse } from '../../rst/types';
import type { Finding, FindingData, Rule } from '../rule';
import { characterAt, gateMarkup } from './markup';
import { DIRECTIVE_SPECS } from '../../rst/directive-specs';
import { isKnown, knownNames, nearest } from './names';
import { tableDirectiveProblems } from './table-directives';
import { optionProblem } from './option-values';

/** docutils' and Sphinx's directives that call assert_has_content (content is required). */
const NEEDS_CONTENT = new Set(
  (
    'admonition attention caution danger error hint important note tip warning topic sidebar line-block ' +
    'parsed-literal code compound container epigraph highlights pull-quote header footer todo seealso'
  ).split(' '),
);

interface Spec {
  readonly required: number;
  readonly optional: number;
  readonly finalWhitespace: boolean;
  /** Option names; null: none are checked (no option_spec, or an empty one, which docutils skips). */
  readonly options: ReadonlySet<string> | null;
  readonly content: boolean;
}

const SPECS = new Map<string, Spec>(
  Object.entries(DIRECTIVE_SPECS).map(([name, [required, optional, finalWhitespace, options, content]]) => [
    name,
    { required, optional, finalWhitespace, options: options ? new Set(options.split(' ')) : null, content },
  ]),
);

export const rstDirective: Rule = {
  id: 'rst-directive',
  defaultSeverity: 'error',
  description: 'A directive that the docs build does not know, or cannot run as written.',
  fixes: [{ title: 'Change to the known name it nearly spells' }],
  check({ doc, options }) {
    const known = knownNames(options.docs);
    const findings: Finding[] = [];
    for (const d of gateMarkup(doc).directives) {
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
      // docutils reads the options before the arguments and content; Sphinx's code-block checks its
      // :emphasize-lines: once it runs
      const option = d.error === 'invalid option block' ? undefined : optionProblem(doc, d);
      const problem = option?.stops ? '' : directiveProblem(d);
      if (problem) findings.push({ range, message: problem });
      else if (option) findings.push({ range: option.range, message: option.message, data: { docutilsLine: d.line + 1 } });
    }
    // csv-table and list-table option values docutils can't convert (at the value)
    findings.push(...tableDirectiveProblems(doc).options);
    findings.sort((a, b) => a.range.start.line - b.range.start.line);
    return findings;
  },
};

function directiveProblem(d: DirectiveUse): string {
  const name = d.name.toLowerCase();
  const spec = SPECS.get(name);
  const error = (detail: string) => `Error in "${d.name}" directive: ${detail}.`;
  const noContent = `Content block expected for the "${d.name}" directive; none found.`;
  // docutils' directives were read by the parser with their own specs; Sphinx's version of some
  // has other options (code-block, image...), which the parser does not know
  if (d.known) {
    if (d.error) return error(d.error);
    const unknown = spec?.options && d.options.find((o) => !spec.options!.has(o));
    if (unknown) return error(`unknown option: "${unknown}"`);
    return !d.hasContent && NEEDS_CONTENT.has(name) ? noContent : '';
  }
  if (!spec) return '';
  const unknown = spec.options && d.options.find((o) => !spec.options!.has(o));
  if (unknown) return error(`unknown option: "${unknown}"`);
  // the parser read the block as for a directive it doesn't know: one optional argument, options
  const takesArguments = spec.required + spec.optional > 0;
  const argument = takesArguments ? d.argument : '';
  const count = argument ? argument.split(/\s+/).length : 0;
  if (count < spec.required) return error(`${spec.required} argument(s) required, ${count} supplied`);
  if (count > spec.required + spec.optional && !spec.finalWhitespace) {
    return error(`maximum ${spec.required + spec.optional} argument(s) allowed, ${count} supplied`);
  }
  const hasContent = d.hasContent || (!takesArguments && d.argument !== '');
  if (hasContent && !spec.content) return error('no content permitted');
  return !hasContent && NEEDS_CONTENT.has(name) ? noContent : '';
}
