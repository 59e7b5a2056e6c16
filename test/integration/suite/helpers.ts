// Shared helpers of the in-editor tests (bundled into each *.suite.js).
import * as vscode from 'vscode';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Compiled files live in test/integration/out/suite/. */
export const repoRoot = resolve(__dirname, '..', '..', '..', '..');
export const fixtureWorkspace = resolve(repoRoot, 'test', 'integration', 'fixtures', 'workspace');

export function specUri(name: string): vscode.Uri {
  return vscode.Uri.file(resolve(fixtureWorkspace, 'specs', name));
}

/** Opens a fixture spec in an editor and returns its document. */
export async function openSpec(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(specUri(name));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/**
 * Waits until the diagnostics of `uri` satisfy `accept`, listening to
 * onDidChangeDiagnostics (no fixed sleeps). Rejects after `timeoutMs` with the
 * diagnostics seen last, so a failure says what was there instead.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolvePromise, reject) => {
    let subscription: vscode.Disposable | undefined;
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      subscription?.dispose();
      if (error) reject(error);
      else resolvePromise(vscode.languages.getDiagnostics(uri));
    };
    const check = (): boolean => {
      if (!accept(vscode.languages.getDiagnostics(uri))) return false;
      finish();
      return true;
    };
    const timer = setTimeout(() => {
      const seen = vscode.languages.getDiagnostics(uri).map(describeDiagnostic);
      finish(
        new Error(`timed out after ${timeoutMs} ms waiting for diagnostics of ${uri.fsPath}; last seen: ${JSON.stringify(seen, null, 2)}`),
      );
    }, timeoutMs);
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    check();
  });
}

/** Polls `probe` every `pollMs` until it returns a value; for states that no event announces. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 30_000,
  pollMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** A diagnostic as a plain object that assert.deepStrictEqual compares exactly. */
export function describeDiagnostic(diagnostic: vscode.Diagnostic) {
  const { code } = diagnostic;
  return {
    source: diagnostic.source,
    severity: vscode.DiagnosticSeverity[diagnostic.severity],
    code: typeof code === 'object' && code !== null ? code.value : code,
    message: diagnostic.message,
    range: [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character],
  };
}

/** A file of the fixture workspace by its path parts, e.g. fixtureUri('doc', 'overview.rst'). */
export function fixtureUri(...parts: string[]): vscode.Uri {
  return vscode.Uri.file(resolve(fixtureWorkspace, ...parts));
}

/**
 * Reverts every dirty document (files edited without an editor, untitled ones) and closes all
 * editors, so that no "save changes?" prompt can block the next test.
 */
export async function revertAndCloseAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty || document.isClosed) continue;
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The texts of fixture files, to put back with restoreFiles whatever a test saved. */
export function snapshotFiles(uris: readonly vscode.Uri[]): Map<string, string> {
  return new Map(uris.map((uri) => [uri.fsPath, readFileSync(uri.fsPath, 'utf8')]));
}

/** Writes back the files whose text on disk differs from the snapshot; returns their paths. */
export function restoreFiles(snapshot: ReadonlyMap<string, string>): string[] {
  const restored: string[] = [];
  for (const [path, text] of snapshot) {
    if (readFileSync(path, 'utf8') === text) continue;
    writeFileSync(path, text);
    restored.push(path);
  }
  return restored;
}

/**
 * Turns the web workbench's auto save (afterDelay) off for a suite that edits fixtures, so that
 * an edit stays in the editor until a test saves it; returns the function that turns it back.
 */
export async function turnAutoSaveOff(): Promise<() => Promise<void>> {
  const files = vscode.workspace.getConfiguration('files');
  const before = files.inspect<string>('autoSave')?.globalValue;
  await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  return async () => {
    await vscode.workspace.getConfiguration('files').update('autoSave', before, vscode.ConfigurationTarget.Global);
  };
}

/** The diagnostic's rule id (the code is `{ value, target }` when it links to the rule's page). */
export function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const { code } = diagnostic;
  return typeof code === 'object' && code !== null ? code.value : code;
}

export interface SymbolTree {
  name: string;
  kind: string;
  children?: SymbolTree[];
}

/** A document symbol and its children as plain objects: name and kind. */
export function tree(symbol: vscode.DocumentSymbol): SymbolTree {
  const node: SymbolTree = { name: symbol.name, kind: vscode.SymbolKind[symbol.kind] };
  if (symbol.children.length > 0) node.children = symbol.children.map(tree);
  return node;
}

/** The diagnostics rst-specs published (not those of other extensions). */
export const ours = (diagnostics: readonly vscode.Diagnostic[]) => diagnostics.filter((d) => d.source === 'rst-specs');

/** Skips the suite when the extension or the server is not built (run npm run build). */
export function skipUnlessBuilt(suite: Mocha.Context): void {
  for (const built of ['client/out/extension.js', 'server/out/server.js']) {
    if (!existsSync(resolve(repoRoot, built))) {
      console.log(`  (skipping: ${built} is not built; run npm run build)`);
      suite.skip();
    }
  }
}
