// The lexers of rst-code-lexing against Pygments itself (Debian's python3-pygments 2.14, which
// Sphinx 5.3 highlights with): random snippets of each language, right and wrong; where Pygments'
// lexer yields its first Error token (what Sphinx's "raiseonerror" filter stops at), and ours.
// The ports of regex lexers must agree exactly; the hand-written recognisers (json, python) may
// miss an Error (say nothing) but never report one Pygments does not yield, nor at another place.
// Skipped when /usr/bin/python3 has no Pygments (apt-get install python3-sphinx).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lexErrorOffset } from '../../../server/src/rules/docs/code-lexing';
import { lexerSnippets } from './lexer-snippets';

const PYTHON = '/usr/bin/python3';
const COUNT = Number(process.env.RST_SPECS_LEXER_SNIPPETS ?? 1500);
const SCRIPT = `
import json, sys
from pygments.lexers import get_lexer_by_name
from pygments.token import Error
out = []
for language, text in json.load(sys.stdin):
    offset = -1
    for index, token, value in get_lexer_by_name(language).get_tokens_unprocessed(text):
        if token in Error:
            offset = index
            break
    out.append(offset)
print(json.dumps(out))
`;

function pygmentsAvailable(): boolean {
  if (!existsSync(PYTHON)) return false;
  try {
    execFileSync(PYTHON, ['-c', 'import pygments'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const skip = pygmentsAvailable() ? false : 'no Pygments for /usr/bin/python3 (apt-get install python3-sphinx)';

function pygments(cases: [string, string][]): number[] {
  return JSON.parse(execFileSync(PYTHON, ['-c', SCRIPT], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 64 << 20 }));
}

for (const [language, seed] of [
  ['javascript', 1],
  ['bash', 2],
  ['console', 3],
  ['xml', 4],
  ['json', 5],
  ['python', 6],
] as const) {
  const exact = language !== 'json' && language !== 'python';
  test(`${language}: the first Error token where Pygments yields it, on ${COUNT} random snippets`, { skip }, () => {
    const snippets = lexerSnippets(language, seed, COUNT);
    const want = pygments(snippets.map((text) => [language, text]));
    const differences: string[] = [];
    snippets.forEach((text, i) => {
      const got = lexErrorOffset(language, text);
      if (exact ? got !== want[i] : got >= 0 && got !== want[i])
        differences.push(`${JSON.stringify(text)}: Pygments ${want[i]}, rst-specs ${got}`);
    });
    assert.deepEqual(differences.slice(0, 10), [], `${differences.length} of ${COUNT} differ`);
    // the recognisers find most of what Pygments does; both kinds were generated
    if (!exact) {
      const found = snippets.filter((text, i) => want[i] >= 0 && lexErrorOffset(language, text) === want[i]).length;
      assert.ok(found > want.filter((o) => o >= 0).length * 0.8, `${language}: ${found} found`);
    }
    assert.ok(want.filter((o) => o < 0).length > COUNT / 50 && want.filter((o) => o >= 0).length > COUNT / 10);
  });
}
