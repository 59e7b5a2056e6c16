// rst-code-lexing: a JSON code block that Pygments' JSON lexer cannot tokenize. Sphinx then warns
// "Could not lex literal_block as "json". Highlighting skipped." on the directive's line, which
// fails `sphinx-build -W`. Here the diagnostic is on the first character the lexer rejects.
import { pyRstrip } from '../../rst/lines';
import type { Block, SpecDocument } from '../../rst/types';
import type { Finding, Rule } from '../rule';
import { jsonErrorOffset } from './json-lex';

/** Sphinx 5.3 highlights all three with its CodeBlock/Code directives. */
const CODE_DIRECTIVES = new Set(['code-block', 'sourcecode', 'code']);
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
        highlight = firstWord(block.argument ?? '');
        highlightForce = hasForce(doc, block);
        continue;
      }
      let language: string;
      if (block.kind === 'directive' && CODE_DIRECTIVES.has(block.name ?? '')) {
        language = firstWord(block.argument ?? '');
        if (hasForce(doc, block)) continue;
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

/** The `:force:` option: Sphinx highlights without raising on error tokens. */
function hasForce(doc: SpecDocument, block: Block): boolean {
  if (block.kind !== 'directive') return false;
  for (let line = block.startLine + 1; line < block.endLine && !doc.literalLines.has(line); line++) {
    if (/^\s*:force:/.test(doc.lines[line].text)) return true;
  }
  return false;
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
  const reported = block.kind === 'directive' ? block.startLine + 1 : block.startLine + 1;
  return {
    range: { start: { line, character }, end: { line, character: end } },
    message: `Could not lex literal_block as "${language}". Highlighting skipped.`,
    data: { docutilsLine: reported },
  };
}
