// rst-code-lexing: a code block that Pygments' lexer cannot tokenize. Sphinx then warns "Could not
// lex literal_block as "json". Highlighting skipped." on the directive's line, which fails
// `sphinx-build -W`. Here the diagnostic is on the first character the lexer rejects. The lexers:
// JSON and Python recognisers (json-lex.ts, python-lex.ts), ports of JavaScript, Bash, a Bash
// session and XML (lexers.ts); ini, text and rst never fail (docs/rules/rst-code-lexing.md).
import { pyRstrip } from '../../rst/lines';
import type { Block, SpecDocument } from '../../rst/types';
import type { Finding, Rule } from '../rule';
import { jsonErrorOffset } from './json-lex';
import { pythonErrorOffset } from './python-lex';
import { BASH, JAVASCRIPT, XML, consoleLexError } from './lexers';
import { regexLexError } from './regex-lexer';
import { optionProblem, pyRepr } from './option-values';
import { PYGMENTS_ALIASES } from './lexer-names';

/** Sphinx 5.3 highlights all three with its CodeBlock/Code directives. */
const CODE_DIRECTIVES = new Set(['code-block', 'sourcecode', 'code']);
/** Sphinx 5.3's option_spec of each: with another option the directive fails, and nothing is highlighted. */
const OPTIONS: Record<string, Set<string>> = {
  'code-block': new Set(['force', 'linenos', 'dedent', 'lineno-start', 'emphasize-lines', 'caption', 'class', 'name']),
  code: new Set(['class', 'force', 'name', 'number-lines']),
  highlight: new Set(['force', 'linenothreshold']),
};
OPTIONS.sourcecode = OPTIONS['code-block'];
const javascript = (text: string) => regexLexError(JAVASCRIPT, text);
const bash = (text: string) => regexLexError(BASH, text);
const xml = (text: string) => regexLexError(XML, text);
/** Pygments' aliases of the lexers (get_lexer_by_name lower-cases the name). */
const LEXERS: Record<string, (text: string) => number> = {
  json: jsonErrorOffset,
  'json-object': jsonErrorOffset,
  python: pythonErrorOffset,
  py: pythonErrorOffset,
  python3: pythonErrorOffset,
  py3: pythonErrorOffset,
  javascript,
  js: javascript,
  bash,
  sh: bash,
  ksh: bash,
  zsh: bash,
  shell: bash,
  console: consoleLexError,
  'shell-session': consoleLexError,
  xml,
};
/** The recognisers that read whitespace as Pygments does (their text is dedented as Sphinx's). */
const EXACT = new Set([javascript, bash, xml, consoleLexError]);

/** The offset of the first Error token of `language`'s lexer in `text` (ending with a newline), or -1. */
export function lexErrorOffset(language: string, text: string): number {
  const lexer = LEXERS[language.toLowerCase()];
  return lexer ? lexer(text) : -1;
}

export const rstCodeLexing: Rule = {
  id: 'rst-code-lexing',
  defaultSeverity: 'error',
  description:
    'Sphinx: a code block in a language Pygments does not know, or (json, python, javascript, bash, console, xml) that it cannot lex ("Could not lex literal_block as "json"."), which fails sphinx-build -W.',
  check({ doc }) {
    const findings: Finding[] = [];
    let highlight = '';
    let highlightForce = false;
    for (const block of doc.blocks) {
      if (block.kind === 'directive' && block.name === 'highlight') {
        // Sphinx's highlight directive: the language of the `::` literal blocks after it
        const options = optionsOf(doc, block);
        if (!options || fails(doc, block)) continue;
        highlight = firstWord(block.argument ?? '');
        highlightForce = options.has('force');
        continue;
      }
      let language: string;
      let skip: boolean;
      if (block.kind === 'directive' && CODE_DIRECTIVES.has(block.name ?? '')) {
        // without a language, Sphinx takes the one of the last highlight directive
        language = firstWord(block.argument ?? '') || highlight;
        const options = optionsOf(doc, block);
        if (!options || fails(doc, block)) continue;
        skip = options.has('force') || options.has('dedent');
      } else if (block.kind === 'literal') {
        skip = highlightForce;
        language = highlight;
      } else continue;
      // a name no lexer has: Sphinx warns (before it looks at :force:) and highlights nothing
      if (language && !isLexerName(language)) {
        findings.push(unknownName(doc, block, language));
        continue;
      }
      if (skip) continue;
      const lexer = Object.hasOwn(LEXERS, language.toLowerCase()) ? LEXERS[language.toLowerCase()] : undefined;
      if (!lexer) continue;
      const finding = lex(doc, block, language, lexer);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

/** Names Sphinx 5.3's PygmentsBridge.get_lexer takes itself (as written), before Pygments' own (any case). */
const SPHINX_NAMES = new Set(['none', 'default', 'guess', 'python', 'py', 'py3', 'python3', 'pycon', 'pycon3', 'rest', 'c']);

function isLexerName(language: string): boolean {
  return SPHINX_NAMES.has(language) || PYGMENTS_ALIASES.includes(` ${language.toLowerCase()} `);
}

function unknownName(doc: SpecDocument, block: Block, language: string): Finding {
  // on the name in the directive; for a literal block, on its first line
  const text = doc.lines[block.startLine].text;
  const at = block.kind === 'directive' ? text.indexOf(language, text.indexOf('::') + 2) : -1;
  const start = at >= 0 ? at : text.length - text.trimStart().length;
  const end = at >= 0 ? at + language.length : text.trimEnd().length;
  return {
    range: { start: { line: block.startLine, character: start }, end: { line: block.startLine, character: end } },
    message: `Pygments lexer name ${pyRepr(language)} is not known`,
    data: { docutilsLine: block.startLine + 1 },
  };
}

/** Whether the directive fails on an option value (and so highlights nothing). */
function fails(doc: SpecDocument, block: Block): boolean {
  const use = doc.markup.directives.find((d) => d.line === block.startLine);
  return !!use && !!optionProblem(doc, use)?.stops;
}

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
  // the content: the block's literal lines (a directive's first line is its own), blank ones
  // between them too, without their common indentation (docutils strips it), as Sphinx gets it
  const first = block.kind === 'directive' ? block.startLine + 1 : block.startLine;
  const lines: number[] = [];
  for (let line = first; line < block.endLine; line++) if (doc.literalLines.has(line)) lines.push(line);
  if (lines.length === 0) return undefined;
  const texts = lines.map((line) => pyRstrip(doc.lines[line].text));
  // (a tab: docutils expands it, and the columns would no longer map; the exact lexers say nothing)
  if (EXACT.has(errorOffset) && texts.some((t) => t.includes('\t'))) return undefined;
  const indent = Math.min(...texts.filter((t) => t).map((t) => t.length - t.trimStart().length));
  const dedented = texts.map((t) => t.slice(indent));
  // Sphinx lexes a Python block that starts with ">>>" as a console session (not followed here)
  if (errorOffset === pythonErrorOffset && dedented[0].startsWith('>>>')) return undefined;
  const offset = errorOffset(dedented.join('\n') + '\n');
  if (offset < 0) return undefined;
  let index = 0;
  let start = 0;
  while (index < dedented.length - 1 && start + dedented[index].length < offset) start += dedented[index++].length + 1;
  const line = lines[index];
  const character = Math.min(offset - start, dedented[index].length) + (texts[index] ? indent : 0);
  const end = character < texts[index].length ? character + 1 : character;
  // Sphinx names the directive's line, or a literal block's first line
  const reported = block.startLine + 1;
  return {
    range: { start: { line, character }, end: { line, character: end } },
    message: `Could not lex literal_block as "${language}". Highlighting skipped.`,
    data: { docutilsLine: reported },
  };
}
