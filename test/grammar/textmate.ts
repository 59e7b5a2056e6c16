// Loads the real injection grammar into vscode-textmate on top of a small stand-in for
// VS Code's built-in reStructuredText grammar (test/grammar/fixtures/rst-base.tmLanguage.json),
// the way VS Code does it: the registry's getInjections('source.rst') names our grammar.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const injectionGrammarPath = path.join(repoRoot, 'syntaxes', 'rst-specs.injection.tmLanguage.json');
export const baseGrammarPath = path.join(repoRoot, 'test', 'grammar', 'fixtures', 'rst-base.tmLanguage.json');
export const templatePath = path.resolve(repoRoot, '..', 'shared', 'templates', 'senlin-spec-template.rst');

export const INJECTION_SCOPE = 'rst-specs.injection';

export interface Token {
  text: string;
  scopes: string[];
}

export interface TokenizedLine {
  text: string;
  tokens: Token[];
}

let grammarPromise: Promise<vsctm.IGrammar> | undefined;

async function createGrammar(): Promise<vsctm.IGrammar> {
  const wasm = readFileSync(path.join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const onigLib: vsctm.IOnigLib = {
    createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
    createOnigString: (text) => new oniguruma.OnigString(text),
  };
  const files: Record<string, string> = {
    'source.rst': baseGrammarPath,
    [INJECTION_SCOPE]: injectionGrammarPath,
  };
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve(onigLib),
    loadGrammar: async (scopeName) => {
      const file = files[scopeName];
      return file ? vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scopeName) => (scopeName === 'source.rst' ? [INJECTION_SCOPE] : undefined),
  });
  const grammar = await registry.loadGrammar('source.rst');
  if (!grammar) throw new Error('could not load source.rst');
  return grammar;
}

export function loadGrammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= createGrammar();
  return grammarPromise;
}

/** Tokenizes a whole document (state carried from line to line). */
export async function tokenize(text: string): Promise<TokenizedLine[]> {
  const grammar = await loadGrammar();
  let state = vsctm.INITIAL;
  const lines: TokenizedLine[] = [];
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    lines.push({
      text: line,
      tokens: result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })),
    });
  }
  return lines;
}

/** The scopes of the token whose text is exactly `tokenText` (the `occurrence`-th one) on a line. */
export function scopesOf(line: TokenizedLine, tokenText: string, occurrence = 0): string[] {
  const found = line.tokens.filter((t) => t.text === tokenText);
  if (found.length <= occurrence) {
    const dump = line.tokens.map((t) => `${JSON.stringify(t.text)} ${t.scopes.join(' ')}`).join('\n  ');
    throw new Error(`no token ${JSON.stringify(tokenText)} on line ${JSON.stringify(line.text)}; tokens:\n  ${dump}`);
  }
  return found[occurrence].scopes;
}

/** Every rst-specs scope that occurs on a line, with the text it covers. */
export function specScopes(line: TokenizedLine): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const t of line.tokens) {
    for (const s of t.scopes) if (s.endsWith('.rst-specs') && !s.startsWith('meta.')) out.push([t.text, s]);
  }
  return out;
}
