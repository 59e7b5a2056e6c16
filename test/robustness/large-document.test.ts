// A spec with a problem on every line: the editor gets at most 1,000 diagnostics and one that
// counts the rest; fix-all lets other requests through while it works, and stops when cancelled
// (the server's pause throws RequestCancelled once the request is cancelled: lsp/code-actions.ts).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { SpecDiagnostic } from '../../server/src/engine';
import { capDiagnostics } from '../../server/src/lsp/diagnostics-cap';
import { fixAllText, fixAllTextPausing } from '../../server/src/fixes/fix-all';
import { parseSpec } from '../../server/src/rst/parse';
import { bundledTemplate, cleanSpec, lineOf } from '../helpers';
import { TestClient } from '../lsp/client';
import { hasBundle } from './config';

const skip = !hasBundle && 'npm run build first';

let workspace: string;
before(() => {
  workspace = mkdtempSync(join(tmpdir(), 'rst-specs-large-'));
  mkdirSync(join(workspace, 'specs'));
});
after(() => rmSync(workspace, { recursive: true, force: true }));

const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 1 } });
const diagnostic = (code: string, severity: SpecDiagnostic['severity'], line: number): SpecDiagnostic => ({
  code,
  severity,
  message: code,
  range: at(line),
});

test('capDiagnostics: all when at most the cap; else the most severe in document order, after one that counts the rest by rule', () => {
  const few = [diagnostic('tab', 'warning', 1), diagnostic('missing-section', 'error', 2)];
  assert.equal(capDiagnostics(few, 2), few);
  const many = [
    diagnostic('tab', 'warning', 0),
    diagnostic('missing-section', 'error', 1),
    diagnostic('trailing-whitespace', 'warning', 2),
    diagnostic('rest-incomplete', 'information', 3),
    diagnostic('trailing-whitespace', 'warning', 4),
    diagnostic('trailing-whitespace', 'warning', 5),
    diagnostic('missing-section', 'error', 6),
    diagnostic('line-length', 'warning', 7),
    diagnostic('tab', 'warning', 8),
  ];
  assert.deepEqual(capDiagnostics(many, 4), [
    {
      code: 'too-many-problems',
      severity: 'warning',
      message:
        '9 problems: the 4 most severe are shown, 5 more are not (2 trailing-whitespace, 1 rest-incomplete, 1 line-length, others). Fix-all fixes them all where it can; rst-specs check lists them all.',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    },
    many[0],
    many[1],
    many[2],
    many[6],
  ]);
  // More errors than the cap: errors only, and the count says error.
  const errors = Array.from({ length: 1500 }, (_, line) => diagnostic('title-underline', 'error', line));
  const capped = capDiagnostics(errors);
  assert.equal(capped.length, 1001);
  assert.deepEqual(
    [capped[0].severity, capped[0].message],
    [
      'error',
      '1,500 problems: the 1,000 most severe are shown, 500 more are not (500 title-underline). Fix-all fixes them all where it can; rst-specs check lists them all.',
    ],
  );
  assert.deepEqual(capped.slice(1), errors.slice(0, 1000));
});

/** The clean spec with `lines` more lines, each with trailing whitespace. */
function spaced(lines: number): string {
  return cleanSpec().replace('Unit tests.\n', `Unit tests.\n\n${'Text with a space after it. \n'.repeat(lines)}`);
}

test('the editor gets 1,000 diagnostics and one that counts the rest; fix-all still fixes every line', { skip }, async () => {
  const client = new TestClient();
  try {
    await client.initialize(workspace);
    const uri = pathToFileURL(join(workspace, 'specs', 'clean-spec.rst')).toString();
    const text = spaced(3000);
    const published = client.nextDiagnostics(uri, () => true, 30_000);
    await client.open(uri, text);
    const { diagnostics } = await published;
    assert.equal(diagnostics.length, 1001);
    assert.deepEqual(
      [diagnostics[0].code, diagnostics[0].severity, diagnostics[0].message],
      [
        'too-many-problems',
        1,
        '3,000 problems: the 1,000 most severe are shown, 2,000 more are not (2,000 trailing-whitespace). Fix-all fixes them all where it can; rst-specs check lists them all.',
      ],
    );
    const first = lineOf(text, 'Text with a space after it. ');
    assert.deepEqual(
      diagnostics.slice(1).map((d) => (d.range as { start: { line: number } }).start.line),
      Array.from({ length: 1000 }, (_, i) => first + i),
    );
    const [fixAll] = await client.request<
      { diagnostics: unknown[]; edit: { changes: Record<string, Parameters<typeof TextDocument.applyEdits>[1]> } }[]
    >('textDocument/codeAction', {
      textDocument: { uri },
      range: at(0),
      context: { diagnostics: [], only: ['source.fixAll.rst-specs'] },
    });
    assert.equal(fixAll.diagnostics.length, 1000);
    assert.equal(
      TextDocument.applyEdits(TextDocument.create(uri, 'restructuredtext', 1, text), fixAll.edit.changes[uri]),
      text.replace(/ \n/g, '\n'),
    );
  } finally {
    await client.shutdown();
  }
});

test('fix-all on a large spec: a request sent meanwhile is answered first, and fix-all still answers in full', { skip }, async () => {
  const client = new TestClient();
  try {
    await client.initialize(workspace);
    const uri = pathToFileURL(join(workspace, 'specs', 'clean-spec.rst')).toString();
    const text = spaced(20_000);
    const published = client.nextDiagnostics(uri, () => true, 60_000);
    await client.open(uri, text);
    await published;
    const params = { textDocument: { uri }, range: at(0), context: { diagnostics: [], only: ['source.fixAll.rst-specs'] } };
    const order: string[] = [];
    const fixAll = client
      .request<{ edit: { changes: Record<string, Parameters<typeof TextDocument.applyEdits>[1]> } }[]>('textDocument/codeAction', params)
      .then((actions) => {
        order.push('fix-all answered');
        return actions;
      });
    // Sent after fix-all: answered while fix-all works (between its steps), not behind it.
    const hover = client
      .request('textDocument/hover', { textDocument: { uri }, position: { line: lineOf(text, 'Problem description'), character: 2 } })
      .then(() => order.push('hover answered'));
    const [[action]] = await Promise.all([fixAll, hover]);
    assert.deepEqual(order, ['hover answered', 'fix-all answered']);
    assert.equal(
      TextDocument.applyEdits(TextDocument.create(uri, 'restructuredtext', 1, text), action.edit.changes[uri]),
      text.replace(/ \n/g, '\n'),
    );
  } finally {
    await client.shutdown();
  }
});

test('fixAllTextPausing: the same text as fixAllText, pausing between its steps; a pause that throws stops it there', async () => {
  const text = spaced(50).replace('Problem description\n===================', 'Problem Description\n=====');
  const doc = parseSpec(text);
  const options = { maxLineLength: 79, optionalSections: ['History'], insertedSectionBody: 'none' as const };
  let pauses = 0;
  const fixed = await fixAllTextPausing(doc, bundledTemplate(), options, async () => {
    pauses++;
  });
  assert.equal(fixed, fixAllText(doc, bundledTemplate(), options));
  assert.notEqual(fixed, text);
  // One round of fixes (a pause after its check, its edits, its parse), then the check that finds none.
  assert.equal(pauses, 4);
  const cancelled = new Error('cancelled');
  let calls = 0;
  await assert.rejects(
    fixAllTextPausing(doc, bundledTemplate(), options, async () => {
      if (++calls === 2) throw cancelled;
    }),
    cancelled,
  );
  assert.equal(calls, 2);
});
