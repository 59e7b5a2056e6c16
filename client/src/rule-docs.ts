// The rule pages that the diagnostics' codes link to, opened rendered in VS Code's Markdown preview.
// The code's link is `<scheme>://rst-specs.rst-specs/rules/<id>.md` (the server makes it from the
// base the client gives it, ruleDocsBase): VS Code hands such a URI to this extension's URI
// handler, which opens docs/rules/<id>.md from the installed extension. A file: link would open the
// raw Markdown, and the web build has no file path; command: links are not followed from the
// Problems panel. Works offline, on the desktop and in the browser.
import { commands, env, type ExtensionContext, Uri, window } from 'vscode';

const RULE_PAGE = /^\/rules\/([a-z][a-z0-9-]*)\.md$/;

/** The base of the codes' links, for the server's initialization options. */
export function ruleDocsBase(context: ExtensionContext): string {
  return Uri.from({ scheme: env.uriScheme, authority: context.extension.id.toLowerCase(), path: '/rules' }).toString();
}

export function registerRuleDocs(context: ExtensionContext): void {
  context.subscriptions.push(
    window.registerUriHandler({
      handleUri: async (uri: Uri) => {
        const id = RULE_PAGE.exec(uri.path)?.[1];
        if (!id) {
          void window.showWarningMessage(`rst-specs: no rule page at ${uri.toString(true)}.`);
          return;
        }
        const page = Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`);
        try {
          await commands.executeCommand('markdown.showPreview', page);
        } catch {
          // No Markdown preview (the built-in extension disabled): the page as text.
          await window.showTextDocument(page, { preview: true });
        }
      },
    }),
  );
}
