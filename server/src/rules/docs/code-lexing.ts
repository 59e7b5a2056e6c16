// rst-code-lexing: a JSON code block that Pygments' JSON lexer cannot tokenize. Sphinx then warns
// "Could not lex literal_block as "json". Highlighting skipped." on the directive's line, which
// fails `sphinx-build -W`. Here the diagnostic is on the first character the lexer rejects.
import { pyRstrip } from '../../rst/lines';
import type { Block, SpecDocument } from '../../rst/types';
import type { Finding, Rule } from '../rule';
import { jsonErrorOffset } from './json-lex';

/** Sphinx 5.3 highlights all three with its CodeBlock/Code directives. */
const CODE_DIRECTIVES = new Set(['code-block', 'sourcecode', 'code']);
/** Sphinx 5.3's option_spec of each: with another option the directive fails, and nothing is highlighted. */
const OPTIONS: Record<string, Set<string>> = {
  'code-block': new Set(['force', 'linenos', 'dedent', 'lineno-start', 'emphasize-lines', 'caption', 'class', 'name']),
  code: new Set(['class', 'force', 'name', 'number-lines']),
  highlight: new Set(['force', 'linenothreshold']),
};
OPTIONS.sourcecode = OPTIONS['code-block'];
/** Pygments' aliases of JsonLexer (get_lexer_by_name lower-cases the name). */
const JSON_NAMES = new Set(['json', 'json-object']);

export const rstCodeLexing: Rule = {
  id: 'rst-code-lexing',
  defaultSeverity: 'error',
  description: 'Sphinx: a `json` code block that Pygments cannot lex ("Could not lex literal_block as "json"."), which fails sphinx-build -W.',
  check({ doc }) {
    const findings: Finding[] = [];
    let highlight = '';
    let highlightForce = false;
    for (const block of doc.blocks) {
      if (block.kind === 'directive' && block.name === 'highlight') {
        // Sphinx's highlight directive: the language of the `::` literal blocks after it
        const options = optionsOf(doc, block);
        if (!options) continue;
        highlight = firstWord(block.argument ?? '');
        highlightForce = options.has('force');
        continue;
      }
      let language: string;
      if (block.kind === 'directive' && CODE_DIRECTIVES.has(block.name ?? '')) {
        // without a language, Sphinx takes the one of the last highlight directive
        language = firstWord(block.argument ?? '') || highlight;
        const options = optionsOf(doc, block);
        if (!options || options.has('force')) continue;
      } else if (block.kind === 'literal') {
        if (highlightForce) continue;
        language = highlight;
      } else continue;
      if (!JSON_NAMES.has(language.toLowerCase())) continue;
      const finding = lex(doc, block, language);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

function firstWord(argument: string): string {
  return argument.trim().split(/\s+/)[0] ?? '';
}

/**
 * The directive's option names (before its content), or undefined when one is not Sphinx's: the
 * directive then fails ("Error in ... directive", another rule's) and highlights nothing.
 */
function optionsOf(doc: SpecDocument, block: Block): Set<string> | undefined {
  const allowed = OPTIONS[block.name ?? ''];
  const names = new Set<string>();
  for (let line = block.startLine + 1; line < block.endLine && !doc.literalLines.has(line); line++) {
    const match = /^\s*:([^:\s][^:]*):(?:\s|$)/.exec(doc.lines[line].text);
    if (!match) continue;
    const name = match[1].toLowerCase();
    if (!allowed?.has(name)) return undefined;
    names.add(name);
  }
  return names;
}

function lex(doc: SpecDocument, block: Block, language: string): Finding | undefined {
  // the content: the block's literal lines (a directive's first line is its own)
  const first = block.kind === 'directive' ? block.startLine + 1 : block.startLine;
  const lines: number[] = [];
  for (let line = first; line < block.endLine; line++) if (doc.literalLines.has(line)) lines.push(line);
  if (lines.length === 0) return undefined;
  const texts = lines.map((line) => pyRstrip(doc.lines[line].text));
  const offset = jsonErrorOffset(texts.join('\n') + '\n');
  if (offset < 0) return undefined;
  let index = 0;
  let start = 0;
  while (index < texts.length - 1 && start + texts[index].length < offset) start += texts[index++].length + 1;
  const line = lines[index];
  const character = Math.min(offset - start, texts[index].length);
  const end = character < texts[index].length ? character + 1 : character;
  // Sphinx names the directive's line, or a literal block's first line
  const reported = block.startLine + 1;
  return {
    range: { start: { line, character }, end: { line, character: end } },
    message: `Could not lex literal_block as "${language}". Highlighting skipped.`,
    data: { docutilsLine: reported },
  };
}
