// The preview's HTML for each construct, exactly (docs/preview.md: the contract with the webview).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderPreview } from '../../server/src/preview/render';

const html = (text: string): string => renderPreview(text).html;

test('sections nest, carry their first line and an id; headings their level and line; the title is returned', () => {
  const r = renderPreview('=====\nTitle\n=====\n\nText *em* **strong** ``a<b`` `cite`.\n\nSub\n---\n\nMore.\n');
  assert.equal(r.title, 'Title');
  assert.equal(
    r.html,
    '<section id="title" data-line="0">\n<h1 data-line="1">Title</h1>\n' +
      '<p data-line="4">Text <em>em</em> <strong>strong</strong> <code class="docutils literal">a&lt;b</code> <cite>cite</cite>.</p>\n' +
      '<section id="sub" data-line="6">\n<h2 data-line="6">Sub</h2>\n<p data-line="9">More.</p>\n</section>\n</section>\n',
  );
});

test('two sections with one title get distinct ids', () => {
  assert.equal(
    html('A\n=\n\nB\n-\n\nA\n=\n'),
    '<section id="a" data-line="0">\n<h1 data-line="0">A</h1>\n<section id="b" data-line="3">\n<h2 data-line="3">B</h2>\n</section>\n</section>\n' +
      '<section id="a-1" data-line="6">\n<h1 data-line="6">A</h1>\n</section>\n',
  );
});

test('references: standalone URIs, embedded URIs, named and anonymous targets, sections, e-mail addresses', () => {
  assert.equal(
    html(
      'See http://example.com/a_b. `Ex <https://ex.org>`_ ref_ `Title`_ anon__ a@b.org.\n\n.. _ref: https://r.org\n.. __: https://anon.org\n\nTitle\n=====\n',
    ),
    '<p data-line="0">See <a class="reference external" href="http://example.com/a_b">http://example.com/a_b</a>. ' +
      '<a class="reference external" href="https://ex.org">Ex</a> <a class="reference external" href="https://r.org">ref</a> ' +
      '<a class="reference internal" href="#title">Title</a> <a class="reference external" href="https://anon.org">anon</a> ' +
      '<a class="reference external" href="mailto:a@b.org">a@b.org</a>.</p>\n' +
      '<section id="title" data-line="5">\n<h1 data-line="5">Title</h1>\n</section>\n',
  );
});

test('an unresolved reference is marked, a javascript: URI loses its href', () => {
  assert.equal(
    html('missing_ and `x <javascript:alert(1)>`_\n'),
    '<p data-line="0"><a class="reference problematic" data-refname="missing">missing</a> and ' +
      '<a class="reference external" data-uri="javascript:alert(1)">x</a></p>\n',
  );
});

test('roles: :doc: and :ref: carry data-doc and data-ref; code, sub, abbr; an unknown role keeps its text', () => {
  assert.equal(
    html(':doc:`other/spec` :doc:`Text <x>` :ref:`Lbl` :code:`a<b` :sub:`2` :term:`t` :abbr:`LIFO (last in)`\n'),
    '<p data-line="0"><a class="reference internal doc" data-doc="other/spec">other/spec</a> ' +
      '<a class="reference internal doc" data-doc="x">Text</a> <a class="reference internal ref" data-ref="lbl">Lbl</a> ' +
      '<code class="docutils literal code">a&lt;b</code> <sub>2</sub> <span class="role" data-role="term" title=":term:`t`">t</span> ' +
      '<abbr title="last in">LIFO</abbr></p>\n',
  );
});

test('bullet and enumerated lists: docutils\' "simple" class, enumeration type and start', () => {
  assert.equal(
    html('- a\n- b\n\n  - c\n\n3. x\n4. y\n\n(a) p\n(b) q\n'),
    '<ul class="simple" data-line="0">\n<li data-line="0"><p data-line="0">a</p>\n</li>\n<li data-line="1"><p data-line="1">b</p>\n' +
      '<ul data-line="3">\n<li data-line="3"><p data-line="3">c</p>\n</li>\n</ul>\n</li>\n</ul>\n' +
      '<ol class="arabic simple" start="3" data-line="5">\n<li data-line="5"><p data-line="5">x</p>\n</li>\n<li data-line="6"><p data-line="6">y</p>\n</li>\n</ol>\n' +
      '<ol class="loweralpha simple" data-line="8">\n<li data-line="8"><p data-line="8">p</p>\n</li>\n<li data-line="9"><p data-line="9">q</p>\n</li>\n</ol>\n',
  );
});

test('a list item with two paragraphs makes the list not simple', () => {
  assert.equal(
    html('- a\n\n  b\n- c\n'),
    '<ul data-line="0">\n<li data-line="0"><p data-line="0">a</p>\n<p data-line="2">b</p>\n</li>\n<li data-line="3"><p data-line="3">c</p>\n</li>\n</ul>\n',
  );
});

test('field lists, definition lists (with a classifier), option lists', () => {
  assert.equal(
    html(':Author: me\n:Version: 1\n'),
    '<dl class="field-list simple" data-line="0">\n<dt data-line="0">Author<span class="colon">:</span></dt>\n<dd><p data-line="0">me</p>\n</dd>\n' +
      '<dt data-line="1">Version<span class="colon">:</span></dt>\n<dd><p data-line="1">1</p>\n</dd>\n</dl>\n',
  );
  assert.equal(
    html('term\n  def\n\nterm2 : cls\n  def2\n'),
    '<dl class="simple" data-line="0">\n<dt data-line="0">term</dt>\n<dd><p data-line="1">def</p>\n</dd>\n' +
      '<dt data-line="3">term2<span class="classifier-delimiter">:</span> <span class="classifier">cls</span></dt>\n<dd><p data-line="4">def2</p>\n</dd>\n</dl>\n',
  );
  assert.equal(
    html('-a         all\n--bb=FILE  file\n'),
    '<dl class="option-list" data-line="0">\n<dt data-line="0"><kbd><span class="option">-a</span></kbd></dt>\n<dd><p data-line="0">all</p>\n</dd>\n' +
      '<dt data-line="1"><kbd><span class="option">--bb=<var>FILE</var></span></kbd></dt>\n<dd><p data-line="1">file</p>\n</dd>\n</dl>\n',
  );
});

test('line blocks nest by indentation', () => {
  assert.equal(
    html('| a\n|   b\n| c\n'),
    '<div class="line-block" data-line="0">\n<div class="line" data-line="0">a</div>\n' +
      '<div class="line-block" data-line="1">\n<div class="line" data-line="1">b</div>\n</div>\n<div class="line" data-line="2">c</div>\n</div>\n',
  );
});

test('literal blocks, doctest blocks and code blocks are escaped; code blocks carry their language', () => {
  assert.equal(
    html('Para::\n\n   code <x>\n   & more\n\n>>> 1 + 1\n2\n'),
    '<p data-line="0">Para:</p>\n<pre class="literal-block" data-line="2">code &lt;x&gt;\n&amp; more</pre>\n' +
      '<pre class="code python doctest" data-line="5">&gt;&gt;&gt; 1 + 1\n2</pre>\n',
  );
  assert.equal(
    html('.. code-block:: json\n\n   {"a": "<b>"}\n\n.. code:: python\n\n   x = 1\n'),
    '<pre class="code-block code json literal-block" data-lang="json" data-line="0"><code>{&quot;a&quot;: &quot;&lt;b&gt;&quot;}</code></pre>\n' +
      '<pre class="code-block code python literal-block" data-lang="python" data-line="4"><code>x = 1</code></pre>\n',
  );
});

test('admonitions, generic admonitions with their title', () => {
  assert.equal(
    html('.. note:: A *note*.\n\n.. warning::\n\n   Careful.\n\n.. admonition:: My Title\n\n   Body.\n'),
    '<aside class="admonition note" data-line="0">\n<p class="admonition-title">Note</p>\n<p data-line="0">A <em>note</em>.</p>\n</aside>\n' +
      '<aside class="admonition warning" data-line="2">\n<p class="admonition-title">Warning</p>\n<p data-line="4">Careful.</p>\n</aside>\n' +
      '<aside class="admonition admonition-my-title" data-line="6">\n<p class="admonition-title">My Title</p>\n<p data-line="8">Body.</p>\n</aside>\n',
  );
});

test('images and figures: the path as written in src and data-src, escaped attributes, caption and legend', () => {
  assert.equal(
    html('.. image:: img/a.png\n   :alt: An "alt"\n   :width: 100\n\n.. figure:: ../b.svg\n\n   Caption.\n\n   Legend.\n'),
    '<img alt="An &quot;alt&quot;" src="img/a.png" data-src="img/a.png" width="100" data-line="0" />\n' +
      '<figure data-line="4">\n<img alt="../b.svg" src="../b.svg" data-src="../b.svg" />\n<figcaption>\n<p data-line="6">Caption.</p>\n' +
      '<div class="legend">\n<p data-line="8">Legend.</p>\n</div>\n</figcaption>\n</figure>\n',
  );
});

test('footnotes are numbered as docutils numbers them; citations', () => {
  assert.equal(
    html('A [#]_ B [#n]_ C [1]_ D [CIT]_.\n\n.. [#] First.\n.. [#n] Named.\n.. [1] One.\n\n.. [CIT] Citation.\n'),
    '<p data-line="0">A <a class="footnote-reference brackets" href="#footnote-1">2</a> B <a class="footnote-reference brackets" href="#footnote-2">3</a> ' +
      'C <a class="footnote-reference brackets" href="#footnote-3">1</a> D <a class="citation-reference" href="#cit">[CIT]</a>.</p>\n' +
      '<aside class="footnote-list brackets" data-line="2">\n' +
      '<aside class="footnote brackets" id="footnote-1" data-line="2">\n<span class="label">2</span>\n<p data-line="2">First.</p>\n</aside>\n' +
      '<aside class="footnote brackets" id="footnote-2" data-line="3">\n<span class="label">3</span>\n<p data-line="3">Named.</p>\n</aside>\n' +
      '<aside class="footnote brackets" id="footnote-3" data-line="4">\n<span class="label">1</span>\n<p data-line="4">One.</p>\n</aside>\n</aside>\n' +
      '<div role="list" class="citation-list" data-line="6">\n<div class="citation" id="cit" data-line="6">\n<span class="label">CIT</span>\n' +
      '<p data-line="6">Citation.</p>\n</div>\n</div>\n',
  );
});

test('substitutions: replace (with inline markup) and image', () => {
  assert.equal(
    html('Use |name| and |img|.\n\n.. |name| replace:: *Nova*\n.. |img| image:: i.png\n'),
    '<p data-line="0">Use <em>Nova</em> and <img alt="img" src="i.png" data-src="i.png" />.</p>\n',
  );
});

test('grid tables (head, column span), simple tables', () => {
  assert.equal(
    html('+---+---+\n| a | b |\n+===+===+\n| c     |\n+---+---+\n'),
    '<table data-line="0">\n<thead>\n<tr data-line="0"><th class="head"><p data-line="1">a</p>\n</th>\n<th class="head"><p data-line="1">b</p>\n</th>\n</tr>\n</thead>\n' +
      '<tbody>\n<tr data-line="2"><td colspan="2"><p data-line="3">c</p>\n</td>\n</tr>\n</tbody>\n</table>\n',
  );
  assert.equal(
    html('=== ===\n a   b\n=== ===\n c   d\n=== ===\n'),
    '<table data-line="0">\n<thead>\n<tr data-line="1"><th class="head"><p data-line="1">a</p>\n</th>\n<th class="head"><p data-line="1">b</p>\n</th>\n</tr>\n</thead>\n' +
      '<tbody>\n<tr data-line="3"><td><p data-line="3">c</p>\n</td>\n<td><p data-line="3">d</p>\n</td>\n</tr>\n</tbody>\n</table>\n',
  );
});

test('list-table and csv-table, with their title and header rows', () => {
  assert.equal(
    html('.. list-table:: Cap\n   :header-rows: 1\n\n   * - h1\n     - h2\n   * - c1\n     - c2\n'),
    '<table data-line="0">\n<caption>Cap</caption>\n<thead>\n<tr data-line="3"><th class="head"><p data-line="3">h1</p>\n</th>\n<th class="head"><p data-line="4">h2</p>\n</th>\n</tr>\n</thead>\n' +
      '<tbody>\n<tr data-line="5"><td><p data-line="5">c1</p>\n</td>\n<td><p data-line="6">c2</p>\n</td>\n</tr>\n</tbody>\n</table>\n',
  );
  assert.equal(
    html('.. csv-table::\n   :header: "A", "B"\n\n   1, "x, y"\n'),
    '<table data-line="0">\n<thead>\n<tr data-line="3"><th class="head"><p data-line="3">A</p>\n</th>\n<th class="head"><p data-line="3">B</p>\n</th>\n</tr>\n</thead>\n' +
      '<tbody>\n<tr data-line="3"><td><p data-line="3">1</p>\n</td>\n<td><p data-line="3">x, y</p>\n</td>\n</tr>\n</tbody>\n</table>\n',
  );
});

test('toctree entries link to the other documents', () => {
  assert.equal(
    html('.. toctree::\n   :maxdepth: 1\n\n   spec-a\n   Other <spec-b>\n'),
    '<div class="toctree-wrapper compound" data-line="0">\n<ul>\n' +
      '<li class="toctree-l1"><a class="reference internal doc" data-doc="spec-a">spec-a</a></li>\n' +
      '<li class="toctree-l1"><a class="reference internal doc" data-doc="spec-b">Other</a></li>\n</ul>\n</div>\n',
  );
});

test('diagrams, raw HTML and unknown directives are shown as their source, escaped', () => {
  assert.equal(
    html('.. seqdiag::\n\n   seqdiag { a -> b; }\n'),
    '<div class="diagram seqdiag" data-line="0">\n<p class="diagram-title">seqdiag</p>\n<pre class="diagram-source">.. seqdiag::\n\n   seqdiag { a -&gt; b; }</pre>\n</div>\n',
  );
  assert.equal(
    html('.. raw:: html\n\n   <script>alert(1)</script>\n'),
    '<div class="raw-source" data-format="html" data-line="0">\n<p class="raw-title">raw html</p>\n<pre>&lt;script&gt;alert(1)&lt;/script&gt;</pre>\n</div>\n',
  );
  assert.equal(
    html('.. foo:: bar\n\n   <b>x</b>\n'),
    '<div class="unknown-directive" data-directive="foo" data-line="0">\n<p class="unknown-directive-title">Unknown directive “foo”</p>\n' +
      '<pre>.. foo:: bar\n\n   &lt;b&gt;x&lt;/b&gt;</pre>\n</div>\n',
  );
});

test('block quotes with an attribution, transitions, escaped text', () => {
  assert.equal(
    html('Para.\n\n   Quoted.\n\n   -- Someone\n'),
    '<p data-line="0">Para.</p>\n<blockquote data-line="2">\n<p data-line="2">Quoted.</p>\n<p class="attribution" data-line="4">—Someone</p>\n</blockquote>\n',
  );
  assert.equal(html('A\n\n----\n\nB\n'), '<p data-line="0">A</p>\n<hr class="docutils" data-line="2" />\n<p data-line="4">B</p>\n');
  assert.equal(html('A <script> & "q" \\*not em\\*\n'), '<p data-line="0">A &lt;script&gt; &amp; &quot;q&quot; *not em*</p>\n');
});

test("a table cell keeps its lines in the document (data-line) and the document's targets", () => {
  assert.equal(
    html('Intro.\n\n+-------+\n| ref_  |\n+-------+\n\n.. _ref: https://r.org\n'),
    '<p data-line="0">Intro.</p>\n<table data-line="2">\n<tbody>\n<tr data-line="2"><td><p data-line="3"><a class="reference external" href="https://r.org">ref</a></p>\n</td>\n</tr>\n</tbody>\n</table>\n',
  );
});

test('bad input never throws: an empty text, a lone directive marker, a malformed table', () => {
  assert.equal(html(''), '');
  assert.equal(html('..\n'), '');
  assert.equal(html('+---+\n| a |\n+--+\n'), '<pre class="literal-block malformed-table" data-line="0">+---+\n| a |\n+--+</pre>\n');
});

test('RFC references with a section; an e-mail address as a target is a mailto: link', () => {
  assert.equal(
    html(':rfc:`7232#section-2.2` and `list`_\n\n.. _list: dev@lists.example.org\n'),
    '<p data-line="0"><a class="rfc reference external" href="https://tools.ietf.org/html/rfc7232.html#section-2.2">RFC 7232#section-2.2</a> and ' +
      '<a class="reference external" href="mailto:dev@lists.example.org">list</a></p>\n',
  );
});

test('5,000 nested lists and 1,000 nested quotes render without a stack overflow, at most 100 deep (the document, then 49 lists with their items)', () => {
  let lists = '';
  for (let i = 0; i < 5000; i++) lists += `${' '.repeat(i * 2)}- item\n\n`;
  const out = html(lists);
  assert.equal(out.split('<li ').length - 1, 5000);
  assert.equal(/^(?:<ul[^>]*>\n<li[^>]*><p[^>]*>item<\/p>\n)+/.exec(out)![0].split('<ul').length - 1, 49);
  let quotes = '';
  for (let i = 0; i < 1000; i++) quotes += `${' '.repeat(i)}quote\n\n`;
  assert.equal(html(quotes).split('<p ').length - 1, 1000);
});

test('a definition list ends where docutils ends it: the next term starts a list of its own', () => {
  assert.equal(
    html('Text::\n  /v2\n\n    x\n\nand in v3::\n /v3\n\n{\n    y\n\n}\n'),
    '<dl data-line="0">\n<dt data-line="0">Text::</dt>\n<dd><dl class="option-list" data-line="1">\n' +
      '<dt data-line="1"><kbd><span class="option">/v2</span></kbd></dt>\n<dd><p data-line="3">x</p>\n</dd>\n</dl>\n</dd>\n' +
      '<dt data-line="5">and in v3::</dt>\n<dd><p data-line="6">/v3</p>\n</dd>\n</dl>\n' +
      '<dl class="simple" data-line="8">\n<dt data-line="8">{</dt>\n<dd><p data-line="9">y</p>\n</dd>\n</dl>\n<p data-line="11">}</p>\n',
  );
});
