// The preview's pure parts: the webview message protocol, the scroll-sync line mapping, the
// Content-Security-Policy and the page shell (client/src/preview/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { externalLink, fromWebview, linkKind } from '../../client/src/preview/protocol';
import { blockLineFor, findRoleTarget, lineForOffset, monotonic, offsetForLine } from '../../client/src/preview/line-map';
import { contentSecurityPolicy, nonce, shellHtml } from '../../client/src/preview/csp';

test('webview messages: each kind read exactly, anything else dropped', () => {
  assert.deepEqual(fromWebview({ type: 'ready' }), { type: 'ready' });
  assert.deepEqual(fromWebview({ type: 'revealLine', line: 12.5 }), { type: 'revealLine', line: 12.5 });
  assert.deepEqual(fromWebview({ type: 'selectLine', line: 3 }), { type: 'selectLine', line: 3 });
  assert.deepEqual(fromWebview({ type: 'revealMarker', index: 2 }), { type: 'revealMarker', index: 2 });
  assert.deepEqual(fromWebview({ type: 'openExternal', href: 'https://blueprints.launchpad.net/nova/+spec/x' }), {
    type: 'openExternal',
    href: 'https://blueprints.launchpad.net/nova/+spec/x',
  });
  assert.deepEqual(fromWebview({ type: 'openReference', role: 'doc', target: ' ../ocata/x ', line: 7.9 }), {
    type: 'openReference',
    role: 'doc',
    target: '../ocata/x',
    line: 7,
  });
  // Extra fields are not passed on.
  assert.deepEqual(fromWebview({ type: 'ready', command: 'workbench.action.terminal.new' }), { type: 'ready' });
  for (const bad of [
    null,
    'ready',
    { type: 'runCommand', command: 'x' },
    { type: 'revealLine', line: -1 },
    { type: 'revealLine', line: Number.NaN },
    { type: 'revealLine', line: '4' },
    { type: 'revealMarker', index: 1.5 },
    { type: 'openExternal', href: 'javascript:alert(1)' },
    { type: 'openExternal', href: 'file:///etc/passwd' },
    { type: 'openExternal', href: 'command:workbench.action.terminal.new' },
    { type: 'openExternal', href: `https://example.org/${'a'.repeat(3000)}` },
    { type: 'openReference', role: 'include', target: 'x', line: 1 },
    { type: 'openReference', role: 'doc', target: '  ', line: 1 },
  ]) {
    assert.equal(fromWebview(bad), undefined, JSON.stringify(bad)?.slice(0, 80));
  }
});

test('links: fragments scroll, http(s) and mailto go out, relative paths are documents, other schemes go nowhere', () => {
  assert.equal(linkKind('#proposed-change'), 'fragment');
  assert.equal(linkKind('https://review.opendev.org/1'), 'external');
  assert.equal(linkKind('HTTP://example.org'), 'external');
  assert.equal(linkKind('mailto:a@b.org'), 'external');
  assert.equal(linkKind('../ocata/approved/x.html#usage'), 'document');
  assert.equal(linkKind('other.rst'), 'document');
  for (const href of [
    'javascript:alert(1)',
    'file:///etc/passwd',
    'command:rst-specs.restartServer',
    'vscode://x',
    '//evil.example/x',
    '',
    'data:text/html,x',
  ]) {
    assert.equal(linkKind(href), 'none', href);
  }
  assert.equal(externalLink('ftp://example.org'), false);
});

const blocks = [
  { line: 0, top: 0 },
  { line: 4, top: 100 },
  { line: 10, top: 400 },
];

test('scroll sync: a source line to an offset and back, interpolated between the blocks', () => {
  assert.equal(offsetForLine(blocks, 0), 0);
  assert.equal(offsetForLine(blocks, 2), 50);
  assert.equal(offsetForLine(blocks, 7), 250);
  assert.equal(offsetForLine(blocks, 10), 400);
  assert.equal(offsetForLine(blocks, 25), 400); // below the last block: the last block
  assert.equal(lineForOffset(blocks, 50), 2);
  assert.equal(lineForOffset(blocks, 250), 7);
  assert.equal(lineForOffset(blocks, 1000), 10);
  assert.equal(lineForOffset(blocks, -20), 0);
  for (const line of [0, 1, 3.5, 4, 9.25]) assert.equal(lineForOffset(blocks, offsetForLine(blocks, line)), line);
  assert.equal(offsetForLine([], 5), 0);
  assert.equal(lineForOffset([], 5), 0);
});

test('scroll sync: nested blocks on their parent line and blocks out of source order are left out', () => {
  const measured = [
    { line: 10, top: 400 },
    { line: 4, top: 100 }, // a list
    { line: 4, top: 100 }, // its first item
    { line: 0, top: 0 },
    { line: 2, top: 900 }, // a footnote drawn at the end
  ];
  assert.deepEqual(monotonic(measured), blocks);
});

test('markers: a diagnostic beside the last block starting at or before its line', () => {
  const lines = [0, 4, 10];
  assert.equal(blockLineFor(lines, 0), 0);
  assert.equal(blockLineFor(lines, 6), 4);
  assert.equal(blockLineFor(lines, 10), 10);
  assert.equal(blockLineFor(lines, 99), 10);
  assert.equal(blockLineFor([3, 8], 1), 3); // above the first block: the first block
  assert.equal(blockLineFor([], 1), undefined);
});

test('a :doc: or :ref: link found in the source from its block on, for go-to-definition', () => {
  const lines = ['Intro', '', 'See :ref:`the usage <usage-label>` and', ':doc:`../ocata/approved/other` too, :std:ref:`later`.'];
  assert.deepEqual(findRoleTarget(lines, 2, 'ref', 'usage-label'), { line: 2, character: 21 });
  assert.deepEqual(findRoleTarget(lines, 2, 'doc', '../ocata/approved/other'), { line: 3, character: 6 });
  assert.deepEqual(findRoleTarget(lines, 0, 'ref', 'later'), { line: 3, character: 46 });
  assert.equal(findRoleTarget(lines, 0, 'doc', 'usage-label'), undefined);
  assert.equal(findRoleTarget(lines, 0, 'ref', 'missing'), undefined);
});

test('Content-Security-Policy: nothing but the nonce’d script, styles and images from the webview origin, https images only when allowed', () => {
  const source = 'https://*.vscode-cdn.net';
  assert.equal(
    contentSecurityPolicy({ cspSource: source, nonce: 'abc123', remoteImages: false }),
    "default-src 'none'; img-src https://*.vscode-cdn.net data:; style-src https://*.vscode-cdn.net; font-src https://*.vscode-cdn.net; script-src 'nonce-abc123'; base-uri 'none'; form-action 'none'",
  );
  assert.equal(
    contentSecurityPolicy({ cspSource: source, nonce: 'abc123', remoteImages: true }),
    "default-src 'none'; img-src https://*.vscode-cdn.net data: https:; style-src https://*.vscode-cdn.net; font-src https://*.vscode-cdn.net; script-src 'nonce-abc123'; base-uri 'none'; form-action 'none'",
  );
});

test('the page: one script, by nonce, from the extension; no inline script or style; attributes escaped', () => {
  const html = shellHtml({
    cspSource: 'vscode-webview://x',
    nonce: 'N0nce',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/client/out/preview.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/client/out/preview.css?a="b"',
    remoteImages: false,
  });
  assert.equal(html.match(/<script\b/g)?.length, 1);
  assert.match(
    html,
    /<script nonce="N0nce" src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/client\/out\/preview\.js"><\/script>/,
  );
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src vscode-webview:\/\/x data:; /);
  assert.match(html, /href="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/client\/out\/preview\.css\?a=&quot;b&quot;"/);
  assert.doesNotMatch(html, /<style|style=|<script>/);
  assert.match(html, /<main id="content" class="document"><\/main>/);
});

test('nonce: 32 characters of [A-Za-z0-9], different each time', () => {
  const a = nonce();
  assert.match(a, /^[A-Za-z0-9]{32}$/);
  assert.notEqual(a, nonce());
  assert.equal(
    nonce((bytes) => bytes.fill(0)),
    'A'.repeat(32),
  );
  assert.equal(
    nonce((bytes) => bytes.fill(63)),
    'B'.repeat(32),
  ); // 63 % 62 = 1
});

test('highlighting: the languages specs use, by their Pygments names too; others left plain; the code escaped', async () => {
  const { highlight } = await import('../../client/src/preview/webview/highlight');
  assert.equal(
    highlight('{"a": 1}', 'json'),
    '<span class="hljs-punctuation">{</span><span class="hljs-attr">&quot;a&quot;</span><span class="hljs-punctuation">:</span> <span class="hljs-number">1</span><span class="hljs-punctuation">}</span>',
  );
  assert.equal(
    highlight('$ nova list', 'console'),
    '<span class="hljs-meta prompt_">$ </span><span class="language-bash">nova list</span>',
  );
  assert.equal(
    highlight('def f(): pass', 'python3'),
    '<span class="hljs-keyword">def</span> <span class="hljs-title function_">f</span>(): <span class="hljs-keyword">pass</span>',
  );
  assert.equal(highlight('x <b>', 'text'), 'x &lt;b&gt;');
  assert.equal(highlight('main = print 1', 'haskell'), undefined);
  assert.equal(highlight('x', ''), undefined);
});
