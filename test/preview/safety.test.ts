// The preview's HTML holds only the elements and attributes the webview expects (docs/preview.md):
// no script, no style, no event handler, no raw HTML from the spec, on hostile input and on every
// corpus spec.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { corpusRoot, hasCorpus, rstFiles } from '../helpers';
import { renderPreview } from '../../server/src/preview/render';

const TAGS = new Set(
  (
    'section h1 h2 h3 h4 h5 h6 p ul ol li dl dt dd pre code table caption thead tbody tr th td blockquote aside div figure ' +
    'figcaption hr img nav a em strong cite span sub sup abbr kbd var br'
  ).split(' '),
);
const ATTRIBUTES = new Set(
  'class id href src alt width height start colspan rowspan role title data-line data-lang data-src data-doc data-ref data-refname data-uri data-directive data-format data-role data-name data-glob'.split(
    ' ',
  ),
);

/** What is wrong with the HTML: a tag or attribute outside the lists, or text that opens a tag. */
function problems(html: string): string[] {
  const out: string[] = [];
  const text = html.replace(/<(\/?)([a-z0-9]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*\/?>/g, (_whole, _close, tag: string, attrs: string) => {
    if (!TAGS.has(tag)) out.push(`tag <${tag}>`);
    for (const [, name] of attrs.matchAll(/\s([a-z-]+)="/g)) if (!ATTRIBUTES.has(name)) out.push(`attribute ${name} on <${tag}>`);
    return '';
  });
  // what is left is text: it must not hold markup
  if (/[<>]/.test(text)) out.push(`markup in text: ${/.{0,40}[<>].{0,40}/s.exec(text)?.[0]}`);
  return out;
}

test('hostile input: raw HTML, scripts, event handlers and quotes stay text', () => {
  const hostile = [
    '.. raw:: html\n\n   <script>alert(1)</script>\n',
    'Title <img src=x onerror=alert(1)>\n=================================\n',
    '.. image:: x.png" onerror="alert(1)\n   :alt: a" onload="b\n',
    '`x <javascript:alert(1)>`_ and `y <" onmouseover="z>`_\n',
    '.. |s| replace:: <b>bold</b>\n\n|s| :code:`<i>` ``<u>``\n',
    '.. note:: <style>body{}</style>\n',
    '.. code-block:: html" onclick="x\n\n   <a href="#">x</a>\n',
    '.. toctree::\n\n   a" onclick="x <b>\n',
    '.. foo:: <svg onload=alert(1)>\n',
    '+------------------+\n| <script>x</script> |\n+------------------+\n',
  ];
  for (const text of hostile) assert.deepEqual(problems(renderPreview(text).html), [], text);
});

test('every corpus spec renders to the expected elements and attributes only', (t) => {
  if (!hasCorpus) return t.skip('no ../shared/corpus');
  const found: string[] = [];
  for (const file of rstFiles(corpusRoot)) {
    for (const p of problems(renderPreview(readFileSync(file, 'utf8')).html)) found.push(`${relative(corpusRoot, file)}: ${p}`);
  }
  assert.deepEqual(found, []);
});
