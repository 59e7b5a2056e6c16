// The patterns rewritten to run in linear time (see regex.test.ts) still find what they found:
// each is compared with the pattern or function it replaced, on every short string over the
// characters that matter to it. The patterns are read from the shipped source, not copied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trimUrl, inlineMarkdown } from '../../server/src/features/markdown';
import { fieldLabel, restApiTemplate } from '../../server/src/features/rest-api';
import { buildTemplate } from '../../server/src/template/model';
import { sourcePattern } from './source-regexes';

/** Every string of up to `length` tokens. */
function* strings(tokens: readonly string[], length: number, prefix = ''): Generator<string> {
  yield prefix;
  if (length === 0) return;
  for (const token of tokens) yield* strings(tokens, length - 1, prefix + token);
}

const matches = (regexp: RegExp, text: string) => [...text.matchAll(regexp)].map((m) => [m.index, ...m]);

test('trimUrl: as before, without the quadratic patterns', () => {
  const count = (text: string, character: string) => text.split(character).length - 1;
  const before = (url: string) => {
    let clean = url.replace(/[.,;:!?'"*]+$/, '');
    while (clean.endsWith(')') && count(clean, '(') < count(clean, ')')) clean = clean.slice(0, -1).replace(/[.,;:!?'"]+$/, '');
    while (clean.endsWith(']') && count(clean, '[') < count(clean, ']')) clean = clean.slice(0, -1);
    return clean;
  };
  let checked = 0;
  for (const tail of strings(['a', '.', ')', '(', ']', '[', '*', '"'], 6)) {
    const url = `http://x${tail}`;
    assert.equal(trimUrl(url), before(url), url);
    checked++;
  }
  assert.ok(checked > 100_000);
  const started = performance.now();
  trimUrl('http://x' + ')'.repeat(200_000) + '.'.repeat(200_000));
  trimUrl('http://x' + '.)'.repeat(100_000));
  assert.ok(performance.now() - started < 1_000);
});

test('fieldLabel: as before (brackets not nested), without the quadratic patterns', () => {
  const before = (text: string) =>
    text
      .replace(/\s+\([^)]*[/,][^)]*\)/g, '')
      .split(', ')[0]
      .replace(/\s+if (any|allowed|needed|applicable)$/i, '')
      .replace(/[;.:,]+$/, '')
      .trim();
  // Nested brackets are where the two differ on purpose: choices are never bracketed twice.
  const nested = (text: string) => /\([^)]*\(/.test(text);
  let checked = 0;
  for (const text of strings([' ', '(', ')', '/', ',', 'a', ';', ' if any'], 6)) {
    if (nested(text)) continue;
    assert.equal(fieldLabel(text), before(text), JSON.stringify(text));
    checked++;
  }
  assert.ok(checked > 50_000);
  const started = performance.now();
  fieldLabel('a' + ' '.repeat(100_000) + '(' + '/'.repeat(100_000) + ' ' + ';'.repeat(100_000) + 'x');
  fieldLabel(' ('.repeat(100_000));
  assert.ok(performance.now() - started < 1_000);
});

test('inlineMarkdown: as before (link text trimmed either way), without the quadratic patterns', () => {
  const INLINE_BEFORE =
    /``(.+?)``|`([^`<]*?)\s*<([^>`]+)>`__?|:[\w:+.-]+:`([^`]+)`|`([^`]+)`__?|`([^`]+)`|(\*\*[^*]+\*\*|\*[^*\s][^*]*\*)|(https?:\/\/[^\s<>`]+)|</g;
  const INLINE_NOW = sourcePattern('features/markdown.ts', 'https?:');
  const summary = (regexp: RegExp, text: string) =>
    [...text.matchAll(regexp)].map((m) => [m.index, m[0], ...m.slice(1).map((group) => group?.trim())]);
  let checked = 0;
  for (const text of strings(['`', '<', '>', ' ', ':', 'a', '_', 'http://x', '*'], 5)) {
    assert.deepEqual(summary(INLINE_NOW, text), summary(INLINE_BEFORE, text), JSON.stringify(text));
    checked++;
  }
  assert.ok(checked > 50_000);
  const started = performance.now();
  inlineMarkdown(':'.repeat(100_000));
  inlineMarkdown('`' + ' '.repeat(100_000));
  inlineMarkdown('a:'.repeat(50_000));
  assert.ok(performance.now() - started < 1_000);
});

test('links: the `text <url>`_ pattern matches as before within a paragraph, in linear time', () => {
  const BEFORE = /(?<![^\s(['"{<\-/:])`((?:[^`<\n]|\n(?![ \t]*\n))*?)\s*<((?:https?|ftp|mailto):[^>`\s]+)>`__?/g;
  const NOW = sourcePattern('features/links.ts', 'mailto');
  // Across a blank line the old `\s*` could reach a `<` in the next paragraph: no longer.
  const blankLine = /\n[ \t]*\n/;
  const summary = (regexp: RegExp, text: string) => [...text.matchAll(regexp)].map((m) => [m.index, m[0], m[2]]);
  let checked = 0;
  for (const text of strings(['`', '<', 'http://x', '>', '>`_', ' ', '\n', 'a', '('], 5)) {
    if (blankLine.test(text)) continue;
    assert.deepEqual(summary(NOW, text), summary(BEFORE, text), JSON.stringify(text));
    checked++;
  }
  assert.ok(checked > 30_000);
  const started = performance.now();
  matches(NOW, ' `' + ' '.repeat(200_000));
  matches(NOW, ' `' + ' \n'.repeat(100_000));
  assert.ok(performance.now() - started < 1_000);
});

test('REST API hover: the response-code phrase matches as before, in linear time', () => {
  const BEFORE = /(?:\b(?:normal|expected|error|success(?:ful)?)\s+)*(?:http\s+)?(?:response|status|return)\s+codes?(?:\(s\))?/gi;
  const NOW = sourcePattern('features/rest-api.ts', '(?:response|status|return)');
  let checked = 0;
  for (const text of strings(['error', 'Normal', ' ', 'status', 'code', 's', 'http', 'x', '(s)', 'response', '\n'], 5)) {
    assert.deepEqual(matches(NOW, text), matches(BEFORE, text), JSON.stringify(text));
    checked++;
  }
  assert.ok(checked > 100_000);
  const started = performance.now();
  matches(NOW, 'error '.repeat(50_000));
  matches(NOW, ' '.repeat(200_000) + 'error');
  assert.ok(performance.now() - started < 1_000);
});

test('REST API template: what a bullet is about, as before, in linear time', () => {
  const before = (text: string) => {
    if (/description of what the method/i.test(text)) return 'description';
    if (/method type|request method|http method/i.test(text)) return 'method';
    if (/error.*response code|response code.*error/i.test(text)) return 'error-codes';
    if (/response code/i.test(text)) return 'normal-codes';
    if (/parameters?\b.*\burl\b/i.test(text)) return 'url-parameters';
    if (/^url\b|\burl for\b|\bresource url\b/i.test(text)) return 'url';
    if (/request body/i.test(text)) return 'request-schema';
    if (/response body/i.test(text)) return 'response-schema';
    if (/\bpolic(y|ies)\b/i.test(text)) return 'policy';
    return undefined;
  };
  const kindOf = (bullet: string) => {
    const template = buildTemplate(
      [
        'Title', '=====', '', 'REST API impact', '---------------', '',
        `* ${bullet}`, '* Method type', '* Description of what the method does', '* Policy changes', '',
      ].join('\n'),
      'test',
    );
    const rest = restApiTemplate(template);
    assert.ok(rest, bullet);
    return [...rest.items].find(([, item]) => item.item.text === bullet)?.[0];
  };
  for (const bullet of strings(['error', 'Response code', 'parameters', 'parameter', 'url', 'URL', ' x'], 3)) {
    if (bullet.trim() === '' || bullet !== bullet.trim()) continue;
    const expected = before(bullet);
    // The three other bullets take their kinds first when this one shares them.
    if (expected === 'method' || expected === 'description' || expected === 'policy') continue;
    assert.equal(kindOf(bullet), expected, bullet);
  }
  const started = performance.now();
  kindOf('error '.repeat(30_000) + 'x');
  kindOf('parameters '.repeat(20_000) + 'x');
  assert.ok(performance.now() - started < 2_000);
});
