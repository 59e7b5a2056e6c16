// Checks of syntaxes/rst-specs.injection.tmLanguage.json as a file: its shape, and regular
// expressions that cannot backtrack without bound (the token tests are in grammar.test.ts).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { injectionGrammarPath, tokenize } from './textmate';

interface RawRule {
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  include?: string;
  patterns?: RawRule[];
  captures?: Record<string, RawRule>;
  beginCaptures?: Record<string, RawRule>;
  endCaptures?: Record<string, RawRule>;
  repository?: Record<string, RawRule>;
}

interface RawGrammar extends RawRule {
  scopeName: string;
  injectionSelector: string;
}

const raw = JSON.parse(readFileSync(injectionGrammarPath, 'utf8')) as RawGrammar;

function* rules(rule: RawRule): Generator<RawRule> {
  yield rule;
  for (const p of rule.patterns ?? []) yield* rules(p);
  for (const caps of [rule.captures, rule.beginCaptures, rule.endCaptures]) {
    for (const c of Object.values(caps ?? {})) yield* rules(c);
  }
  for (const r of Object.values(rule.repository ?? {})) yield* rules(r);
}

function regexes(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const r of rules(raw)) {
    for (const key of ['match', 'begin', 'end', 'while'] as const) {
      const source = r[key];
      if (source !== undefined) out.push([key, source]);
    }
  }
  return out;
}

/**
 * Index of the first group that contains an unbounded quantifier (* + {n,}) and is itself
 * followed by one, or -1. Character classes and escapes are skipped.
 */
function nestedQuantifierAt(source: string): number {
  const open: number[] = [];
  const unbounded = /^(?:[*+]|\{\d+,\})/;
  const inner: boolean[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      i++;
      if (source[i] === '^') i++;
      if (source[i] === ']') i++;
      while (i < source.length && source[i] !== ']') {
        if (source[i] === '\\') i++;
        i++;
      }
      continue;
    }
    if (c === '(') {
      open.push(i);
      inner.push(false);
    } else if (c === ')') {
      const start = open.pop() ?? 0;
      const hadUnbounded = inner.pop() ?? false;
      const quantified = unbounded.test(source.slice(i + 1));
      if (hadUnbounded && quantified) return start;
      if ((hadUnbounded || quantified) && inner.length > 0) inner[inner.length - 1] = true;
    } else if (unbounded.test(source.slice(i)) && inner.length > 0) {
      inner[inner.length - 1] = true;
    }
  }
  return -1;
}

describe('grammar file', () => {
  test('is an injection into source.rst that leaves comments alone', () => {
    assert.equal(raw.scopeName, 'rst-specs.injection');
    assert.equal(raw.injectionSelector, 'L:source.rst -comment');
  });

  test('every #include names a repository rule', () => {
    for (const r of rules(raw)) {
      if (r.include?.startsWith('#')) {
        assert.ok(raw.repository?.[r.include.slice(1)], `missing repository rule ${r.include}`);
      } else if (r.include !== undefined) {
        assert.equal(r.include, 'source.rst', `unexpected include ${r.include}`);
      }
    }
  });

  test('every scope name ends in .rst-specs', () => {
    const text = readFileSync(injectionGrammarPath, 'utf8');
    for (const [, name] of text.matchAll(/"name": "([^"]+)"/g)) {
      if (name === 'rST design spec additions') continue;
      for (const scope of name.split(' ')) assert.match(scope, /\.rst-specs$/, scope);
    }
  });

  test('regexes have no nested unbounded quantifiers', () => {
    for (const [key, source] of regexes()) {
      assert.equal(nestedQuantifierAt(source), -1, `${key} ${source}`);
    }
  });

  test('the nested-quantifier check itself', () => {
    for (const bad of ['(a+)+', '(?:x*y)*', '(?:[ \\t]+=+)+', '(a{2,})+', '((a)*b){3,}']) {
      assert.notEqual(nestedQuantifierAt(bad), -1, bad);
    }
    for (const good of ['(?:[-*+][ \\t]+)?', '(a+)', '[(a+)]+', '\\(a+\\)+', '(?:ab|cd)+']) {
      assert.equal(nestedQuantifierAt(good), -1, good);
    }
  });

  test('long adversarial lines tokenize in linear time', async () => {
    const n = 20000;
    const inputs = [
      ' '.repeat(n) + 'x',
      '<' + 'a '.repeat(n) + '-',
      '<' + 'a'.repeat(n),
      'Normal response codes: ' + '400, '.repeat(n / 5) + '``',
      'https://blueprints.launchpad.net/' + 'a'.repeat(n) + '/+spec/exampl',
      'Method type:' + ' '.repeat(n) + 'POS',
      'POST' + ' '.repeat(n) + 'x',
      '  - ' + ' '.repeat(n) + '400x',
      'None' + ' '.repeat(n) + '.',
      ('`` ' + 'GET ').repeat(n / 8),
    ];
    for (const input of inputs) {
      const start = performance.now();
      await tokenize(`Method type: POST\n${input}\n${input}`);
      const ms = performance.now() - start;
      assert.ok(ms < 1000, `${ms.toFixed(0)} ms for ${JSON.stringify(input.slice(0, 30))}...`);
    }
  });
});
