// The rule registry against everything made from it or written about it: the generated tables and
// settings are fresh, every code has its page, every page quotes the messages its rule can give,
// and every fix the registry declares has its code (and no code is left without a declaration).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { sarifRules } from '../../server/src/cli/formats/sarif';
import { FIXES } from '../../server/src/fixes/index';
import { SAFE_FIX_CODES } from '../../server/src/fixes/fix-all';
import { TOO_MANY_CODE } from '../../server/src/lsp/diagnostics-cap';
import { allRules } from '../../server/src/rules';
import { staleFiles } from '../../scripts/rule-docs';
import { repoRoot } from '../helpers';

const docs = resolve(repoRoot, 'docs', 'rules');
const source = resolve(repoRoot, 'server', 'src');
const codes = [...sarifRules().map((rule) => rule.id), TOO_MANY_CODE];

test('registry: the generated rule tables and rule settings are fresh (npm run docs:rules)', () => {
  assert.deepEqual(staleFiles(), []);
});

test('registry: a page for every code, and no page without a code', () => {
  const pages = readdirSync(docs).filter((name) => name.endsWith('.md') && name !== 'README.md');
  assert.deepEqual(pages.map((name) => name.slice(0, -3)).sort(), [...codes].sort());
});

test('registry: the fixes the rules declare are the fixes there are; fix-all applies those marked fixAll', () => {
  const declared = allRules.filter((rule) => rule.fixes?.length).map((rule) => rule.id);
  assert.deepEqual(Object.keys(FIXES).sort(), [...declared].sort());
  assert.deepEqual(
    [...SAFE_FIX_CODES].sort(),
    allRules
      .filter((rule) => rule.fixes?.some((fix) => fix.fixAll))
      .map((rule) => rule.id)
      .sort(),
  );
  // Each page says what the fixes do; a page of a rule fix-all repairs says so.
  const problems: string[] = [];
  for (const rule of allRules) {
    const page = readFileSync(resolve(docs, `${rule.id}.md`), 'utf8');
    if (rule.fixes?.length && !/quick fix/i.test(page)) problems.push(`${rule.id}.md does not name its quick fix`);
    if (rule.fixes?.some((fix) => fix.fixAll) && !/fix-all/i.test(page))
      problems.push(`${rule.id}.md does not say that fix-all applies its fix`);
  }
  assert.deepEqual(problems, []);
});

/**
 * The messages a page quotes: the lines of the fenced blocks of its `## Message` section. `<...>`
 * stands for a part of the message that varies (a title, a number).
 */
function quotedMessages(page: string): string[] | undefined {
  const section = /^## Messages?\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(page)?.[1];
  if (section === undefined) return undefined;
  const messages: string[] = [];
  for (const block of section.matchAll(/^```[^\n]*\n([\s\S]*?)^```$/gm))
    messages.push(...block[1].split('\n').filter((line) => line.trim() !== ''));
  return messages;
}

/** The source files of a module and of the modules it imports from server/src. */
function sourceClosure(file: string): string[] {
  const seen = new Set<string>();
  const texts: string[] = [];
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const text = readFileSync(path, 'utf8');
    texts.push(text);
    for (const [, relative] of text.matchAll(/from '(\.[^']+)'/g)) {
      const target = resolve(dirname(path), relative);
      const resolved = [`${target}.ts`, resolve(target, 'index.ts')].find(existsSync);
      if (resolved?.startsWith(source)) visit(resolved);
    }
  };
  visit(file);
  return texts;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The string and template literals of a TypeScript source, each as a pattern of the strings it can
 * make: a template's `${...}` matches anything. Only literals with some words in them.
 */
function literalPatterns(text: string): RegExp[] {
  const patterns: RegExp[] = [];
  let i = 0;
  const unescape = (raw: string) =>
    raw.replace(/\\u\{?([0-9a-fA-F]+)\}?/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/\\(.)/g, '$1');
  /** Reads a quoted string from its opening quote; returns its value. */
  const quoted = (): string => {
    const quote = text[i++];
    let raw = '';
    while (i < text.length && text[i] !== quote && text[i] !== '\n') raw += text[i] === '\\' ? text[i++] + text[i++] : text[i++];
    i++;
    return unescape(raw);
  };
  /** Reads a template literal from its backquote; returns its pattern (nested literals are collected too). */
  const template = (): string => {
    i++;
    let pattern = '';
    let raw = '';
    while (i < text.length && text[i] !== '`') {
      if (text[i] === '\\') raw += text[i++] + text[i++];
      else if (text[i] === '$' && text[i + 1] === '{') {
        pattern += escapeRegExp(unescape(raw)) + '.*';
        raw = '';
        i += 2;
        expression('}');
      } else raw += text[i++];
    }
    i++;
    return pattern + escapeRegExp(unescape(raw));
  };
  const add = (pattern: string) => {
    if (pattern.replace(/\.\*/g, '').replace(/\\/g, '').length >= 8) patterns.push(new RegExp(`^${pattern}$`, 's'));
  };
  /** Reads code up to the closing `end` (or the end of the text), collecting its literals. */
  const expression = (end?: string) => {
    let depth = 0;
    while (i < text.length) {
      const c = text[i];
      if (c === '/' && text[i + 1] === '/') i = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
      else if (c === '/' && text[i + 1] === '*') i = text.indexOf('*/', i) + 2;
      else if (c === "'" || c === '"') add(escapeRegExp(quoted()));
      else if (c === '`') add(template());
      else if (c === '/' && /[=(,:!&|?;{}[\n]\s*$/.test(text.slice(Math.max(0, i - 20), i))) {
        // a regular expression literal: skipped, so that its quotes start no string
        i++;
        let inClass = false;
        while (i < text.length && text[i] !== '\n' && (inClass || text[i] !== '/')) {
          if (text[i] === '\\') i++;
          else if (text[i] === '[') inClass = true;
          else if (text[i] === ']') inClass = false;
          i++;
        }
        i++;
      } else {
        if (c === '{') depth++;
        if (c === '}') {
          if (end === '}' && depth === 0) {
            i++;
            return;
          }
          depth--;
        }
        i++;
      }
    }
  };
  expression();
  return patterns;
}

/**
 * The sources a code's messages come from: a rule's module (`id: '<code>'`) and what it imports;
 * for the codes that are not rules (analyze.ts, the language server), every module.
 */
function sourcesOf(code: string): string[] {
  const files = readdirSync(source, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => resolve(source, name));
  const escaped = code.replace(/-/g, '\\-');
  const declaring = files.find((file) => new RegExp(`(id: |rule\\(\\s*)'${escaped}'`).test(readFileSync(file, 'utf8')));
  return declaring ? sourceClosure(declaring) : files.map((file) => readFileSync(file, 'utf8'));
}

test('registry: every page has a Message section, and each message it quotes is one its rule gives', () => {
  const problems: string[] = [];
  for (const code of codes) {
    const page = readFileSync(resolve(docs, `${code}.md`), 'utf8');
    const messages = quotedMessages(page);
    if (!messages) {
      problems.push(`${code}.md has no "## Message" section`);
      continue;
    }
    const patterns = sourcesOf(code).flatMap(literalPatterns);
    for (const message of messages) {
      // A varying part stands for any text the code may put there.
      const sample = message.replace(/<[^<>\s][^<>]*>/g, 'x');
      if (!patterns.some((pattern) => pattern.test(sample)))
        problems.push(`${code}.md quotes a message its rule does not give: ${message}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('registry: a literal of the code as the pattern of the messages it makes', () => {
  const patterns = literalPatterns(
    "const a = `Section '${title}' is out of order: ${where.map((w) => `'${w}'`).join(', ')}.`; // 'not this'\nconst b = 'Tab character: use spaces.';",
  );
  // The comment's quote and the nested `'${w}'` (too few words) are no messages.
  assert.deepEqual(
    patterns.map((pattern) => pattern.source),
    ["^Section '.*' is out of order: .*\\.$", '^Tab character: use spaces\\.$'],
  );
  assert.ok(patterns.some((pattern) => pattern.test("Section 'x' is out of order: 'y', 'z'.")));
  assert.ok(!patterns.some((pattern) => pattern.test('Tab character: indent with spaces.')));
});

test('registry: the messages of a page are read from its Message section only', () => {
  const page =
    '# x\n\n## Example\n\n```\nnot a message\n```\n\n## Message\n\n```\nOne <n>.\nTwo.\n```\n\nProse.\n\n## Options\n\n```\nnot either\n```\n';
  assert.deepEqual(quotedMessages(page), ['One <n>.', 'Two.']);
  assert.equal(quotedMessages('# x\n\n## Why\n'), undefined);
});
