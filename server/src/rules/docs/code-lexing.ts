// rst-code-lexing: a JSON or Python code block that Pygments' lexer cannot tokenize. Sphinx then
// warns "Could not lex literal_block as "json". Highlighting skipped." on the directive's line,
// which fails `sphinx-build -W`. Here the diagnostic is on the first character the lexer rejects.
// Of the other languages specs use, the lexers of console, shell, bash, ini and text never fail
// on such text; see docs/rules/rst-code-lexing.md for the experiment.
import { pyRstrip } from '../../rst/lines';
import type { Block, SpecDocument } from '../../rst/types';
import type { Finding, Rule } from '../rule';
import { jsonErrorOffset } from './json-lex';
import { pythonErrorOffset } from './python-lex';

/** Sphinx 5.3 highlights all three with its CodeBlock/Code directives. */
const CODE_DIRECTIVES = new Set(['code-block', 'sourcecode', 'code']);
/** Sphinx 5.3's option_spec of each: with another option the directive fails, and nothing is highlighted. */
const OPTIONS: Record<string, Set<string>> = {
  'code-block': new Set(['force', 'linenos', 'dedent', 'lineno-start', 'emphasize-lines', 'caption', 'class', 'name']),
  code: new Set(['class', 'force', 'name', 'number-lines']),
  highlight: new Set(['force', 'linenothreshold']),
};
OPTIONS.sourcecode = OPTIONS['code-block'];
/** Pygments' aliases of JsonLexer and PythonLexer (get_lexer_by_name lower-cases the name). */
const LEXERS: Record<string, (text: string) => number> = {
  json: jsonErrorOffset,
  'json-object': jsonErrorOffset,
  python: pythonErrorOffset,
  py: pythonErrorOffset,
  python3: pythonErrorOffset,
  py3: pythonErrorOffset,
};

export const rstCodeLexing: Rule = {
  id: 'rst-code-lexing',
  defaultSeverity: 'error',
  description:
    'Sphinx: a `json` or `python` code block that Pygments cannot lex ("Could not lex literal_block as "json"."), which fails sphinx-build -W.',
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
      const lexer = Object.hasOwn(LEXERS, language.toLowerCase()) ? LEXERS[language.toLowerCase()] : undefined;
      if (!lexer) continue;
      const finding = lex(doc, block, language, lexer);
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

function lex(doc: SpecDocument, block: Block, language: string, errorOffset: (text: string) => number): Finding | undefined {
  // the content: the block's literal lines (a directive's first line is its own)
  const first = block.kind === 'directive' ? block.startLine + 1 : block.startLine;
  const lines: number[] = [];
  for (let line = first; line < block.endLine; line++) if (doc.literalLines.has(line)) lines.push(line);
  if (lines.length === 0) return undefined;
  const texts = lines.map((line) => pyRstrip(doc.lines[line].text));
  const source = texts.join('\n') + '\n';
  // Sphinx lexes a Python block that starts with ">>>" as a console session (not followed here)
  if (errorOffset === pythonErrorOffset) {
    const indent = Math.min(...texts.filter((t) => t.trim()).map((t) => t.length - t.trimStart().length));
    if (texts[0].slice(indent).startsWith('>>>')) return undefined;
  }
  const offset = errorOffset(source);
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
