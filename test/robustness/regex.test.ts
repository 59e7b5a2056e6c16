// No regular expression of the server may backtrack catastrophically. Every pattern is collected
// twice over: every regex literal in server/src (read with the TypeScript parser, so a new one is
// covered without anyone listing it), and every RegExp the engine, the fixes and the features
// actually run on a workload (which adds the patterns built at run time). Each is run against
// adversarial strings built from generic characters and from the pattern's own characters:
// long runs of what its quantifiers eat, ending in what makes it fail. A run slower than SLOW_MS
// on SIZE characters is measured again on a quarter and on twice the input: a pattern whose time
// grows faster than linearly (more than 8x from the quarter, 3x to twice) fails the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSpec } from '../../server/src/rst/parse';
import { validateDocument } from '../../server/src/engine';
import { quickFixFor } from '../../server/src/fixes/index';
import { DEFAULT_FIX_OPTIONS } from '../../server/src/fixes/fix';
import { fixAllEdits } from '../../server/src/fixes/fix-all';
import { hoverAt } from '../../server/src/features/hover';
import { completionsAt } from '../../server/src/features/completion';
import { documentSymbols } from '../../server/src/features/symbols';
import { foldingRanges } from '../../server/src/features/folding';
import { documentLinks } from '../../server/src/features/links';
import { globToRegExp, DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../../server/src/spec-files';
import { bundledTemplate, cleanSpec, hasCorpus, repoRoot } from '../helpers';
import { readManifest } from '../corpus/manifest';
import { LONG } from './config';
import { literalPatterns, type Pattern } from './source-regexes';
import { fixContext } from '../../server/src/fixes/fix';

const SIZE = LONG ? 50_000 : 10_000;
/** A linear pattern runs through SIZE characters in well under a millisecond. */
const SLOW_MS = LONG ? 10 : 3;

/** Every RegExp executed while the engine, fixes and features run over some specs. */
function executedPatterns(): Pattern[] {
  const seen = new Map<string, RegExp>();
  const exec = RegExp.prototype.exec;
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    const key = `${this.source}/${this.flags}`;
    if (!seen.has(key)) seen.set(key, new RegExp(this.source, this.flags));
    return exec.call(this, input);
  };
  try {
    const texts = [cleanSpec(), readFileSync(resolve(repoRoot, 'server', 'templates', 'senlin-spec-template.rst'), 'utf8')];
    if (hasCorpus) {
      const specs = readManifest();
      for (let index = 0; index < specs.length; index += LONG ? 1 : 25) texts.push(readFileSync(specs[index].file, 'utf8'));
    }
    const template = bundledTemplate();
    for (const text of texts) {
      const doc = parseSpec(text);
      const diagnostics = validateDocument(doc, template, {});
      for (const diagnostic of diagnostics) quickFixFor(fixContext({ doc, template }, DEFAULT_FIX_OPTIONS), diagnostic);
      fixAllEdits(doc, template, DEFAULT_FIX_OPTIONS);
      const spec = { doc, template };
      documentSymbols(doc, spec);
      foldingRanges(doc);
      documentLinks(doc);
      for (let line = 0; line < doc.lines.length; line += 7) {
        hoverAt(doc, spec, { line, character: 3 }, diagnostics);
        completionsAt(doc, spec, { line, character: doc.lines[line].text.length });
      }
    }
  } finally {
    RegExp.prototype.exec = exec;
  }
  return [...seen.values()].map((regexp) => ({ regexp, where: 'run time' }));
}

const GENERIC = [
  ' ',
  '\t',
  'a',
  'A',
  '1',
  '_',
  '-',
  '=',
  '*',
  '`',
  ':',
  '.',
  '/',
  '|',
  '+',
  '#',
  '<',
  '>',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '\\',
  ',',
  '!',
  '?',
  '@',
  '&',
  '%',
  '~',
  '^',
  '\u00e9',
  '\u200b',
  '\u3000',
  '\ud83d\ude00',
  '\u0000',
];

/** The characters a pattern names literally (escapes resolved roughly), plus a few from its classes. */
function ownCharacters(regexp: RegExp): string[] {
  const characters = new Set<string>();
  const source = regexp.source;
  for (let index = 0; index < source.length; index++) {
    const character = source[index];
    if (character === '\\') {
      const next = source[++index];
      if (next === 's') characters.add(' ');
      else if (next === 'w') characters.add('a');
      else if (next === 'd') characters.add('1');
      else if (next === 'p' || next === 'P') {
        characters.add('a');
        index = source.indexOf('}', index);
      } else if (next === 'u' && source[index + 1] === '{') {
        const close = source.indexOf('}', index);
        characters.add(String.fromCodePoint(parseInt(source.slice(index + 2, close), 16)));
        index = close;
      } else if (next === 'u') {
        characters.add(String.fromCharCode(parseInt(source.slice(index + 1, index + 5), 16)));
        index += 4;
      } else if (next === 'x') {
        characters.add(String.fromCharCode(parseInt(source.slice(index + 1, index + 3), 16)));
        index += 2;
      } else if (next === 't') characters.add('\t');
      else if (next === 'n' || next === 'r' || next === 'b' || next === 'B' || /[1-9]/.test(next)) continue;
      else characters.add(next);
    } else if (!'^$()|?*+{},[]'.includes(character)) characters.add(character === '.' ? 'x' : character);
  }
  characters.add(' ');
  characters.add('a');
  return [...characters];
}

/** Literal runs of two or more characters in the pattern (words it looks for). */
function ownWords(regexp: RegExp): string[] {
  return [...new Set(regexp.source.replace(/\\./g, ' ').match(/[A-Za-z0-9 :=\-/.,'"`]{2,}/g) ?? [])];
}

/** An adversarial input, as a recipe for any size (so that the same input can be measured at two sizes). */
type Recipe = (size: number) => string;

function adversarialInputs(regexp: RegExp): Recipe[] {
  const recipes = new Map<string, Recipe>();
  const add = (key: string, recipe: Recipe) => recipes.set(key, recipe);
  const endings = ['', '\u0000', '!', '\n'];
  for (const character of GENERIC) {
    for (const ending of endings) add(`${character}*${ending}`, (size) => character.repeat(size / character.length) + ending);
    add(`x${character}*x`, (size) => 'x' + character.repeat(size / character.length) + 'x');
  }
  const own = ownCharacters(regexp);
  const pairs: [string, string][] = [];
  for (const a of own) for (const b of own) if (a !== b) pairs.push([a, b]);
  // Every pair in the long mode; an even spread of at most 150 in the default one.
  const step = LONG ? 1 : Math.max(1, Math.ceil(pairs.length / 150));
  for (let index = 0; index < pairs.length; index += step) {
    const [a, b] = pairs[index];
    add(`(${a}${b})*`, (size) => (a + b).repeat(size / 2) + '\u0000');
    add(`${a}*${b}*`, (size) => a.repeat(size / 2) + b.repeat(size / 2) + '\u0000');
    add(` ${a}${b}*`, (size) => ` ${a}` + b.repeat(size) + '\u0000');
  }
  for (const word of ownWords(regexp)) {
    add(`${word}*`, (size) => word.repeat(Math.ceil(size / word.length)) + '\u0000');
    add(`(${word} )*`, (size) => (word + ' ').repeat(Math.ceil(size / (word.length + 1))));
  }
  return [...recipes.values()];
}

/** One use of the pattern as the code makes it: test/exec, or every match of a global one. */
function runOnce(regexp: RegExp, input: string): number {
  const copy = new RegExp(regexp.source, regexp.flags);
  const started = performance.now();
  if (copy.global) {
    let count = 0;
    for (let match = copy.exec(input); match && count < input.length; match = copy.exec(input)) {
      if (match[0] === '') copy.lastIndex++;
      count++;
    }
  } else copy.exec(input);
  return performance.now() - started;
}

function best(regexp: RegExp, input: string, tries = 3): number {
  let fastest = Infinity;
  for (let attempt = 0; attempt < tries; attempt++) fastest = Math.min(fastest, runOnce(regexp, input));
  return fastest;
}

function superlinear(pattern: Pattern): string | undefined {
  for (const recipe of adversarialInputs(pattern.regexp)) {
    const input = recipe(SIZE);
    if (runOnce(pattern.regexp, input) < SLOW_MS) continue;
    const time = best(pattern.regexp, input);
    if (time < SLOW_MS) continue; // A pause (GC, another process), not the pattern.
    // The same input a quarter as long: a linear pattern takes about a quarter of the time, a
    // quadratic one a sixteenth.
    const quarter = best(pattern.regexp, recipe(SIZE / 4), 5);
    if (time < quarter * 8) continue;
    // Confirmed at twice the size (a slow start at small sizes can fake a steep ratio).
    const twice = best(pattern.regexp, recipe(SIZE * 2), 2);
    if (twice < time * 3) continue;
    const sample = JSON.stringify(input.slice(0, 16)) + (input.length > 16 ? `... (${input.length} chars)` : '');
    return `${pattern.regexp} (${pattern.where}) took ${time.toFixed(1)} ms on ${sample}, ${quarter.toFixed(2)} ms on a quarter of it, ${twice.toFixed(1)} ms on twice as much`;
  }
  return undefined;
}

test('no regular expression in server/src backtracks catastrophically', { timeout: LONG ? 1_800_000 : 120_000 }, () => {
  // One entry per pattern, with every place it is written (a slow one is reported at each).
  const patterns = new Map<string, Pattern>();
  for (const pattern of [...literalPatterns(), ...executedPatterns()]) {
    const key = `${pattern.regexp.source}/${pattern.regexp.flags.replace('y', '')}`;
    const known = patterns.get(key);
    if (!known) patterns.set(key, pattern);
    else if (pattern.where !== 'run time')
      patterns.set(key, { ...known, where: known.where === 'run time' ? pattern.where : `${known.where}, ${pattern.where}` });
  }
  assert.ok(patterns.size > 100, `only ${patterns.size} patterns found`);
  const slow = [...patterns.values()].map(superlinear).filter((problem): problem is string => problem !== undefined);
  assert.deepEqual(slow, [], `super-linear patterns:\n${slow.join('\n')}`);
});

test('the globs of the default include and exclude settings stay fast on the longest paths', () => {
  // A path is at most PATH_MAX (4,096) bytes: the nested `**` of a glob cost the square of its folders.
  const paths = ['a/'.repeat(2048) + 'x.txt', 'specs/'.repeat(682) + 'x.rs', '/'.repeat(4095) + '!', 'a'.repeat(4090) + '.rs'];
  for (const glob of [...DEFAULT_INCLUDE, ...DEFAULT_EXCLUDE]) {
    for (const path of paths) {
      const time = best(globToRegExp(glob), path);
      assert.ok(time < 50, `${glob} took ${time.toFixed(0)} ms on a ${path.length}-character path`);
    }
  }
});
