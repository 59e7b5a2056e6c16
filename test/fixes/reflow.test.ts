import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../server/src/fixes/reflow';
import { check, cleanSpec, replaceLine } from '../helpers';
import { applyQuickFix, noQuickFix } from './fix-helpers';

const spec = (body: string) => replaceLine(cleanSpec(), 'Unit tests.', body);

test('reflow: a paragraph is rewrapped at the maximum width', () => {
  const text = spec(
    'Unit tests cover the new column and the API field; this sentence is deliberately long so\n' +
      'that it runs past the seventy-nine column limit, and a short line ends it.',
  );
  const { title, result } = applyQuickFix(text, 'line-length');
  assert.equal(title, 'Reflow paragraph');
  assert.equal(
    result,
    spec(
      'Unit tests cover the new column and the API field; this sentence is\n' +
        'deliberately long so that it runs past the seventy-nine column limit, and a\n' +
        'short line ends it.',
    ),
  );
});

test('reflow: a list item keeps its marker and its indentation; the next item is untouched', () => {
  const text = spec(
    '* A bullet item whose first line is deliberately long so that it runs past the limit\n  and continues here.\n* Next item.',
  );
  assert.equal(
    applyQuickFix(text, 'line-length').result,
    spec('* A bullet item whose first line is deliberately long so that it runs past the\n  limit and continues here.\n* Next item.'),
  );
});

test('reflow: inline markup is never split', () => {
  const text = spec(
    '#. An enumerated item with ``an inline literal with spaces``, a `link text here`_ and\n' +
      '   :ref:`a role with words` and *emphasis in words* and **strong words** here and `a link <https://example.org/a/b>`_ too.',
  );
  assert.equal(
    applyQuickFix(text, 'line-length').result,
    spec(
      '#. An enumerated item with ``an inline literal with spaces``, a\n' +
        '   `link text here`_ and :ref:`a role with words` and *emphasis in words* and\n' +
        '   **strong words** here and `a link <https://example.org/a/b>`_ too.',
    ),
  );
  assert.deepEqual(tokenize('a ``b c`` d, (*e f*) `g h <i>`__. :r:`j k` |l m|_ 2 * 3'), [
    'a',
    '``b c``',
    'd,',
    '(*e f*)',
    '`g h <i>`__.',
    ':r:`j k`',
    '|l m|_',
    '2',
    '*',
    '3',
  ]);
});

test('reflow: a block quote keeps its indentation, and a CRLF paragraph stays CRLF', () => {
  const text = spec(
    'Short intro:\n\n  A block quote paragraph that is deliberately long so that it runs past the seventy-nine column limit.',
  );
  const expected = spec(
    'Short intro:\n\n  A block quote paragraph that is deliberately long so that it runs past the\n  seventy-nine column limit.',
  );
  assert.equal(applyQuickFix(text, 'line-length').result, expected);
  assert.equal(applyQuickFix(text.replace(/\n/g, '\r\n'), 'line-length').result, expected.replace(/\n/g, '\r\n'));
});

test('reflow: no fix for markup too long to fit, a table, a title or a directive', () => {
  noQuickFix(spec('See ``a literal that has spaces inside and is far too long to fit on any line of seventy-nine``'), 'line-length');
  noQuickFix(
    spec('+---+\n| This sentence is deliberately long so that it runs past the seventy-nine column limit. |\n+---+'),
    'line-length',
  );
  const longTitle = 'A title that is deliberately long so that it runs past the seventy-nine column limit';
  noQuickFix(spec(`${longTitle}\n${'-'.repeat(longTitle.length)}\n\nText.`), 'line-length');
  noQuickFix(spec('.. note:: A directive whose first line is deliberately long so that it runs past it\n\n   Body.'), 'line-length');
  assert.equal(check(spec('Short.')).length, 0);
});

test('reflow: beside an image or figure line, which line-length exempts, the paragraph is rewrapped and the directive left as it is', () => {
  const image = `.. figure:: /images/${'cluster-health-overview-'.repeat(3)}diagram.png`;
  assert.ok(image.length > 79);
  const text = spec(
    'Unit tests cover the new column and the API field; this sentence is deliberately long so\n' +
      `that it runs past the seventy-nine column limit.\n\n${image}\n   :width: 80%`,
  );
  assert.deepEqual(
    check(text)
      .filter((d) => d.code === 'line-length')
      .map((d) => d.range.start.line),
    [text.split('\n').findIndex((l) => l.startsWith('Unit tests cover'))],
  );
  assert.equal(
    applyQuickFix(text, 'line-length').result,
    spec(
      'Unit tests cover the new column and the API field; this sentence is\n' +
        'deliberately long so that it runs past the seventy-nine column limit.\n\n' +
        `${image}\n   :width: 80%`,
    ),
  );
});
