// The Latin-1 form of the Inliner's patterns (server/src/rst/inline/latin1.ts): the class parts it
// uses are the Unicode classes' own, and a text read through stand-ins gives what the Unicode
// patterns give.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AFTER, BEFORE, SPACE } from '../../server/src/rst/inline/chars';
import { AFTER_LATIN1, BEFORE_LATIN1, NAME_LATIN1, SPACE_LATIN1, latin1Subject } from '../../server/src/rst/inline/latin1';
import { scanInline } from '../../server/src/rst/inline/scan';

const latin1 = Array.from({ length: 256 }, (_, c) => String.fromCharCode(c));

test('each Latin-1 class part holds exactly the Latin-1 characters of its Unicode class', () => {
  for (const [part, unicode] of [
    [NAME_LATIN1, '\\p{L}\\p{N}'],
    [SPACE_LATIN1, SPACE],
    [BEFORE_LATIN1, BEFORE],
    [AFTER_LATIN1, AFTER],
  ]) {
    const small = new RegExp(`^[${part}]$`);
    const full = new RegExp(`^[${unicode}]$`, 'u');
    assert.deepEqual(
      latin1.filter((c) => small.test(c)),
      latin1.filter((c) => full.test(c)),
      unicode.slice(0, 20),
    );
  }
});

test('the subject: the text itself when all Latin-1, stand-ins of the same classes otherwise', () => {
  const text = 'caf\u00e9 *x*';
  assert.equal(latin1Subject(text), text);
  // a letter, a closing quote (a delimiter before and after markup), an ideographic space, a
  // fullwidth opening parenthesis, a symbol in no class
  assert.equal(latin1Subject('\u4e2d\u2019\u3000\uff08\u2603_'), 'a"\xa0($_');
  // an astral character is one code point in two units: only the Unicode patterns read it
  assert.equal(latin1Subject('x \u{1d4b3}_'), null);
});

test('markup next to characters above U+00FF is found as the Unicode patterns find it', () => {
  assert.deepEqual(scanInline('\u4e2d\u6587_ and \u2018*quoted*\u2019 \uff08`t`_\uff09').events, [
    { kind: 'reference', name: '\u4e2d\u6587', anonymous: false, start: 0, end: 3 },
    { kind: 'reference', name: 't', anonymous: false, start: 20, end: 24 },
  ]);
  assert.deepEqual(scanInline('a :r\u00f4le\u4e2d:`x` \u{1d4b3}_').events, [
    { kind: 'role', role: 'r\u00f4le\u4e2d', start: 3, end: 8, content: 'x' },
    { kind: 'reference', name: '\u{1d4b3}', anonymous: false, start: 13, end: 16 },
  ]);
  assert.deepEqual(scanInline('\u201c*a\u201d and \u4e2d*b* and \u3000*c', true), {
    events: [{ kind: 'problem', message: 'Inline emphasis start-string without end-string.', construct: 'emphasis', start: 19, end: 20 }],
    plain: '\u201ca\u201d and \u4e2d*b and \u3000*c',
    spans: [{ kind: 'emphasis', start: 1, end: 13, text: 'a\u201d and \u4e2d*b' }],
  });
});
