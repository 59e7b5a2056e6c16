// Runs in code-server's *web worker* extension host (extensionDevelopmentKind: web), next to the
// extension's `browser` entry: no Node, no mocha (a few checks with their own small runner). Built
// by test/web/run-web-in-code-server.ts into test/web/out/index.js; the runner awaits run().
import * as vscode from 'vscode';

interface Check {
  readonly name: string;
  readonly run: () => Promise<void>;
}

const log = (text: string) => console.log(text);

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const codes = (uri: vscode.Uri) =>
  vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'rst-specs')
    .map((d) => (typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code)));

function folderUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert(folder, 'no workspace folder');
  return folder.uri;
}

const checks: Check[] = [
  {
    name: 'the extension runs in the web worker extension host (no Node)',
    async run() {
      const extension = vscode.extensions.getExtension('rst-specs.rst-specs');
      assert(extension, 'rst-specs.rst-specs is not among the extensions');
      await extension.activate();
      assert(extension.isActive, 'not active');
      // A dedicated web worker has importScripts; Node's extension host does not.
      assert(typeof (globalThis as { importScripts?: unknown }).importScripts === 'function', 'not in a web worker');
      assert(vscode.env.uiKind === vscode.UIKind.Web, `uiKind ${vscode.env.uiKind}`);
      assert(extension.extensionKind === vscode.ExtensionKind.UI, `extensionKind ${extension.extensionKind}`);
      log(`    rst-specs: extension host is a web worker; workspace ${folderUri().toString()}`);
    },
  },
  {
    name: 'a spec is checked against its release template and the config file, read through the client',
    async run() {
      const spec = vscode.Uri.joinPath(folderUri(), 'multi-template', 'specs', 'queens', 'approved', 'queens-approved.rst');
      const document = await vscode.workspace.openTextDocument(spec);
      await vscode.window.showTextDocument(document);
      const info = await waitFor('the template of the spec', async () => {
        const answer = await vscode.commands.executeCommand<{ isSpec?: boolean; label?: string; origin?: string }>('rst-specs.showTemplate', spec);
        return answer?.isSpec ? answer : undefined;
      });
      assert(info.origin === 'found' && info.label === 'multi-template/specs/queens-template.rst', `template ${JSON.stringify(info)}`);
      assert(codes(spec).length === 0, `diagnostics ${codes(spec).join(', ')}`);
      const active = vscode.window.activeTextEditor?.document.uri.path ?? '';
      assert(active.endsWith('/multi-template/specs/queens-template.rst'), `opened ${active}`);
    },
  },
  {
    name: 'diagnostics and inline control as on the desktop',
    async run() {
      const spec = vscode.Uri.joinPath(folderUri(), 'specs', 'missing-dependencies.rst');
      const document = await vscode.workspace.openTextDocument(spec);
      const editor = await vscode.window.showTextDocument(document);
      const found = await waitFor('diagnostics', () => (codes(spec).length > 0 ? codes(spec) : undefined));
      const described = vscode.languages.getDiagnostics(spec).map((d) => `${d.range.start.line}: ${d.message}`);
      assert(found.includes('missing-section') && found.includes('line-length'), `diagnostics ${described.join('; ')}`);
      const line = document.getText().split('\n').findIndex((text) => text.startsWith('This line is deliberately far too long'));
      await editor.edit((edit) => edit.insert(new vscode.Position(line, 0), '.. rst-specs: disable-next-line=line-length\n\n'));
      await waitFor('line-length to go', () => (codes(spec).includes('line-length') ? undefined : true));
      assert(codes(spec).includes('missing-section'), 'missing-section went too');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    },
  },
];

export async function run(): Promise<void> {
  let failed = 0;
  log('  rst-specs in the web extension host');
  for (const check of checks) {
    try {
      await check.run();
      log(`    ✔ ${check.name}`);
    } catch (error) {
      failed++;
      log(`    ✖ ${check.name}\n      ${(error as Error)?.stack ?? error}`);
    }
  }
  log(`  ${checks.length - failed} passing, ${failed} failing`);
  if (failed > 0) throw new Error(`${failed} of ${checks.length} web checks failed`);
}
