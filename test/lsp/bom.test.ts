// A document whose text starts with a BOM, as clients other than VS Code send it: LSP counts the
// U+FEFF as one UTF-16 unit of line 0, so every position the server sends or reads on line 0 is one
// character further than the engine's (which reads the text without the BOM, as the CLI reports
// it). Diagnostics, quick fixes, fix-all, symbols, hover and completion are checked exactly, and
// against the same text without the BOM; edits are applied to the client's text with the
// independent implementation of vscode-languageserver-textdocument.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { cleanSpec } from '../helpers';
import { type PublishedDiagnostics, TestClient } from './client';

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface CodeAction {
  title: string;
  edit?: { documentChanges: { textDocument: { uri: string; version: number }; edits: TextEdit[] }[] };
}

let workspace: string;
before(() => {
  workspace = mkdtempSync(join(tmpdir(), 'rst-specs-bom-'));
  mkdirSync(join(workspace, 'specs'));
});
after(() => rmSync(workspace, { recursive: true, force: true }));

const TITLE = 'Clean spec for the test suite';
const SHORT = '='.repeat(25);
const FITTED = '='.repeat(TITLE.length);
/** The clean spec from its title on: the title overline on line 0 is short and has trailing spaces. */
const BODY = [`${SHORT}  `, TITLE, SHORT, ...cleanSpec().split('\n').slice(9)].join('\n');
const BOM = '\ufeff';

const at = (line: number, character: number): Position => ({ line, character });
const range = (start: Position, end: Position): Range => ({ start, end });

/** The client's text after the edits, by LSP positions (the BOM counted). */
function applied(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.rst', 'restructuredtext', 1, text), [...edits]);
}

/** The engine's positions as the client with the BOM counts them: one more on line 0. */
function shifted<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_key, field) =>
    field && typeof field === 'object' && field.line === 0 && typeof field.character === 'number'
      ? { line: 0, character: field.character + 1 }
      : field,
  );
}

async function withSpecs(
  run: (
    client: TestClient,
    bom: { uri: string; diagnostics: PublishedDiagnostics['diagnostics'] },
    plain: { uri: string; diagnostics: PublishedDiagnostics['diagnostics'] },
  ) => Promise<void>,
) {
  const client = new TestClient();
  try {
    await client.initialize(workspace, {
      workspace: { workspaceEdit: { documentChanges: true } },
      textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
    });
    const open = async (name: string, text: string) => {
      const uri = pathToFileURL(join(workspace, 'specs', name)).toString();
      const published = client.nextDiagnostics(uri);
      await client.open(uri, text);
      return { uri, diagnostics: (await published).diagnostics };
    };
    await run(client, await open('clean-spec.rst', BOM + BODY), await open('plain/clean-spec.rst', BODY));
  } finally {
    await client.shutdown();
  }
  assert.equal(client.stderr.join(''), '');
}

async function quickFixes(client: TestClient, uri: string, diagnostic: PublishedDiagnostics['diagnostics'][number]) {
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: ['quickfix'] },
  });
  return actions.filter((action) => !action.title.startsWith('Disable '));
}

test('BOM: diagnostics on line 0 are placed on the client text, and quick fix edits there apply to it exactly', async () => {
  await withSpecs(async (client, bom, plain) => {
    assert.deepEqual(
      bom.diagnostics.map(({ code, range }) => ({ code, range })),
      [
        { code: 'trailing-whitespace', range: range(at(0, 26), at(0, 28)) },
        { code: 'title-underline', range: range(at(2, 0), at(2, 25)) },
      ],
    );
    assert.deepEqual(bom.diagnostics, shifted(plain.diagnostics));

    const [whitespace, underline] = bom.diagnostics;
    const [removeSpaces] = await quickFixes(client, bom.uri, whitespace);
    assert.equal(removeSpaces.title, 'Remove trailing whitespace');
    const spacesEdits = removeSpaces.edit!.documentChanges[0].edits;
    assert.deepEqual(spacesEdits, [{ range: range(at(0, 26), at(0, 28)), newText: '' }]);
    assert.equal(applied(BOM + BODY, spacesEdits), BOM + BODY.replace(`${SHORT}  `, SHORT));

    const [fit] = await quickFixes(client, bom.uri, underline);
    assert.equal(fit.title, 'Make the underline match the title');
    const fitEdits = fit.edit!.documentChanges[0].edits;
    assert.deepEqual(fitEdits, [
      { range: range(at(0, 1), at(0, 26)), newText: FITTED },
      { range: range(at(2, 0), at(2, 25)), newText: FITTED },
    ]);
    assert.equal(applied(BOM + BODY, fitEdits), `${BOM}${FITTED}  \n${TITLE}\n${FITTED}\n${BODY.split('\n').slice(3).join('\n')}`);
  });
});

test('BOM: fix-all applies to the client text and keeps the BOM', async () => {
  await withSpecs(async (client, bom) => {
    const [fixAll] = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: bom.uri },
      range: range(at(0, 0), at(0, 0)),
      context: { diagnostics: [], only: ['source.fixAll.rst-specs'] },
    });
    const fixed = applied(BOM + BODY, fixAll.edit!.documentChanges[0].edits);
    assert.equal(fixed, `${BOM}${FITTED}\n${TITLE}\n${FITTED}\n${BODY.split('\n').slice(3).join('\n')}`);
  });
});

test('BOM: symbols, hover, completion, folding and links agree with the client text', async () => {
  await withSpecs(async (client, bom, plain) => {
    const ask = (method: string, uri: string, extra: object = {}) => client.request<unknown>(method, { textDocument: { uri }, ...extra });
    const symbols = (await ask('textDocument/documentSymbol', bom.uri)) as { name: string; range: Range; selectionRange: Range }[];
    assert.equal(symbols[0].name, TITLE);
    assert.deepEqual(symbols[0].range.start, at(0, 1));
    assert.deepEqual(symbols[0].selectionRange, range(at(1, 0), at(1, TITLE.length)));
    assert.deepEqual(symbols, shifted(await ask('textDocument/documentSymbol', plain.uri)));
    for (const method of ['textDocument/foldingRange', 'textDocument/documentLink']) {
      assert.deepEqual(await ask(method, bom.uri), await ask(method, plain.uri), method);
    }
    // Positions the client sends on line 0 are one further too; before the BOM is the start.
    for (const position of [at(0, 0), at(0, 3), at(0, 26), at(0, 27), at(1, 4), at(2, 25)]) {
      const engine = position.line === 0 ? at(0, Math.max(0, position.character - 1)) : position;
      for (const method of ['textDocument/hover', 'textDocument/completion']) {
        assert.deepEqual(
          await ask(method, bom.uri, { position }),
          shifted(await ask(method, plain.uri, { position: engine })),
          `${method} at ${JSON.stringify(position)}`,
        );
      }
    }
  });
});
