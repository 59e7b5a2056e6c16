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
        const answer = await vscode.commands.executeCommand<{ isSpec?: boolean; label?: string; origin?: string }>(
          'rst-specs.showTemplate',
          spec,
        );
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
      // Nothing is edited: the web workbench saves edits after a delay (files.autoSave).
      const spec = vscode.Uri.joinPath(folderUri(), 'specs', 'missing-dependencies.rst');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(spec));
      const found = await waitFor('diagnostics', () => (codes(spec).length > 0 ? codes(spec) : undefined));
      assert(JSON.stringify([...found].sort()) === JSON.stringify(['line-length', 'missing-section']), `diagnostics ${found.join(', ')}`);
      // long-lines.rst: two long lines, the second after `.. rst-specs: disable-next-line=line-length`;
      // the config file allows 100 columns, the user setting 79 (set below) wins.
      const long = vscode.Uri.joinPath(folderUri(), 'multi-template', 'specs', 'queens', 'approved', 'long-lines.rst');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(long));
      await vscode.workspace.getConfiguration('rstSpecs').update('maxLineLength', 79, vscode.ConfigurationTarget.Global);
      const lines = await waitFor('line-length', () => {
        const found = vscode.languages.getDiagnostics(long).filter((d) => d.source === 'rst-specs');
        return found.length > 0
          ? found.map((d) => `${String(typeof d.code === 'object' ? d.code?.value : d.code)}@${d.range.start.line}`)
          : undefined;
      });
      assert(JSON.stringify(lines) === JSON.stringify(['line-length@20']), `diagnostics ${lines.join(', ')}`);
      await vscode.workspace.getConfiguration('rstSpecs').update('maxLineLength', undefined, vscode.ConfigurationTarget.Global);
    },
  },
  {
    name: "a diagnostic's code link opens the rule page rendered, from the extension (no file path here)",
    async run() {
      const spec = vscode.Uri.joinPath(folderUri(), 'specs', 'missing-dependencies.rst');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(spec));
      const diagnostic = await waitFor('a line-length diagnostic', () =>
        vscode.languages.getDiagnostics(spec).find((d) => typeof d.code === 'object' && d.code.value === 'line-length'),
      );
      const target = typeof diagnostic.code === 'object' ? diagnostic.code.target : undefined;
      assert(target?.toString() === `${vscode.env.uriScheme}://rst-specs.rst-specs/rules/line-length.md`, `link ${target?.toString()}`);
      await vscode.commands.executeCommand('vscode.open', target);
      await waitFor('the Markdown preview of line-length.md', () =>
        vscode.window.tabGroups.all
          .flatMap((group) => group.tabs)
          .find(
            (tab) =>
              tab.input instanceof vscode.TabInputWebview &&
              /markdown\.preview/.test(tab.input.viewType) &&
              tab.label === 'Preview line-length.md',
          ),
      );
    },
  },
  {
    // Last, so that the preview stays open: the runner then reads the rendered page in the webview
    // (the worker's server renders it; the client bundle has no parser).
    name: 'the preview opens beside the spec, rendered by the server in the worker',
    async run() {
      const spec = vscode.Uri.joinPath(folderUri(), 'multi-template', 'specs', 'queens', 'approved', 'queens-approved.rst');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(spec));
      // The command answers with the preview (same extension host): its version is the document
      // version the server rendered and the webview was sent (-1 until then).
      const preview = await vscode.commands.executeCommand<{ readonly version: number } | undefined>('rst-specs.openPreviewToSide', spec);
      assert(preview, 'the command opened no preview');
      await waitFor('the preview tab', () =>
        vscode.window.tabGroups.all
          .flatMap((group) => group.tabs)
          .find(
            (tab) =>
              tab.input instanceof vscode.TabInputWebview &&
              tab.input.viewType.endsWith('rstSpecs.preview') &&
              tab.label === 'Preview queens-approved.rst',
          ),
      );
      const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === spec.toString());
      await waitFor('the rendered page sent to the webview', () => (preview.version === document?.version ? true : undefined));
      // The extension host ends with this suite: a moment for the webview to take the page in
      // before that (the runner then reads it from the webview, which keeps it).
      await new Promise((resolve) => setTimeout(resolve, 1_000));
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
