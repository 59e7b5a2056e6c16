// The live preview (issue 22): *Open Preview* and *Open Preview to the Side*. The language server
// renders (request `rst-specs/preview`, server/src/lsp/preview.ts) from the parse it already keeps
// for the diagnostics, so a keystroke parses once, and the web build renders in its worker too; the
// webview (webview/main.ts) patches the HTML in, highlights code and keeps the scroll in step.
import {
  commands,
  type Disposable,
  env,
  type ExtensionContext,
  languages,
  Range,
  Selection,
  type TextDocument,
  type TextEditor,
  TextEditorRevealType,
  Uri,
  ViewColumn,
  type WebviewPanel,
  window,
  workspace,
} from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { nonce, shellHtml } from './csp';
import { externalLink, fromWebview, type MarkerSeverity, type PreviewMarker, type ToWebview } from './protocol';
import { openReference } from './references';
import { PREVIEW_REQUEST, type PreviewAnswer, type PreviewParams } from '../../../server/src/protocol';

export const PREVIEW_COMMANDS = {
  open: 'rst-specs.openPreview',
  openToSide: 'rst-specs.openPreviewToSide',
} as const;

export const PREVIEW_VIEW_TYPE = 'rstSpecs.preview';
const MAX_MARKERS = 1000;

const SEVERITIES: MarkerSeverity[] = ['error', 'warning', 'information', 'hint'];

/** The previews by document URI; what the editor tests look at. */
export const previews = new Map<string, Preview>();

export function registerPreview(context: ExtensionContext, client: BaseLanguageClient): void {
  const open = async (resource: Uri | undefined, column: ViewColumn) => {
    const uri = resource instanceof Uri ? resource : window.activeTextEditor?.document.uri;
    if (!uri) {
      void window.showInformationMessage('rst-specs: open a reStructuredText file to preview it.');
      return undefined;
    }
    const existing = previews.get(uri.toString());
    if (existing) {
      existing.panel.reveal(column, true);
      return existing;
    }
    const document = await workspace.openTextDocument(uri);
    const panel = window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      previewTitle(uri),
      { viewColumn: column, preserveFocus: true },
      webviewOptions(context, uri),
    );
    return new Preview(context, client, panel, document);
  };
  context.subscriptions.push(
    commands.registerCommand(PREVIEW_COMMANDS.open, (resource?: Uri) => open(resource, ViewColumn.Active)),
    commands.registerCommand(PREVIEW_COMMANDS.openToSide, (resource?: Uri) => open(resource, ViewColumn.Beside)),
    // After a reload: the previews that were open come back (the webview keeps the document's URI).
    window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: WebviewPanel, state: unknown) {
        const resource = (state as { resource?: unknown } | undefined)?.resource;
        if (typeof resource !== 'string') return panel.dispose();
        try {
          const uri = Uri.parse(resource, true);
          panel.webview.options = webviewOptions(context, uri);
          new Preview(context, client, panel, await workspace.openTextDocument(uri));
        } catch {
          panel.dispose(); // the file is gone
        }
      },
    }),
  );
}

function previewTitle(uri: Uri): string {
  return `Preview ${uri.path.slice(uri.path.lastIndexOf('/') + 1)}`;
}

/** Scripts on; resources only from the extension's bundles and the document's workspace folder (else its own folder). */
function webviewOptions(context: ExtensionContext, uri: Uri) {
  const folder = workspace.getWorkspaceFolder(uri)?.uri ?? Uri.joinPath(uri, '..');
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [Uri.joinPath(context.extensionUri, 'client', 'out'), folder],
  };
}

export class Preview {
  private readonly disposables: Disposable[] = [];
  private inFlight = false;
  private again = false;
  private shownVersion = -1;
  private markerTargets: Range[] = [];
  /** The top line revealLine gave the editor: its visible-range event is that reveal's echo, not sent back. */
  private revealedTop = -1;
  /** The page has loaded its script and asked for the content. */
  private ready = false;
  /** When the last edit came (for the timing the webview records). */
  private changedAt = 0;

  constructor(
    context: ExtensionContext,
    private readonly client: BaseLanguageClient,
    readonly panel: WebviewPanel,
    readonly document: TextDocument,
  ) {
    const key = document.uri.toString();
    previews.set(key, this);
    this.setShell(context);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message) => this.receive(message)),
      workspace.onDidChangeTextDocument((event) => {
        if (event.document !== this.document || event.contentChanges.length === 0) return;
        this.changedAt = Date.now();
        this.refresh();
      }),
      languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some((uri) => uri.toString() === key)) this.sendMarkers();
      }),
      window.onDidChangeTextEditorVisibleRanges((event) => {
        if (event.textEditor.document !== this.document) return;
        const top = event.visibleRanges[0]?.start.line;
        if (top === undefined || top === this.revealedTop) return;
        this.revealedTop = -1;
        this.post({ type: 'scrollToLine', line: top });
      }),
      workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('rstSpecs.preview', document.uri)) this.setShell(context);
      }),
    );
  }

  /** The version the webview shows (for the editor tests). */
  get version(): number {
    return this.shownVersion;
  }

  private remoteImages(): boolean {
    return workspace.getConfiguration('rstSpecs.preview', this.document.uri).get<boolean>('remoteImages', false) === true;
  }

  private setShell(context: ExtensionContext): void {
    const webview = this.panel.webview;
    const out = Uri.joinPath(context.extensionUri, 'client', 'out');
    this.ready = false;
    this.shownVersion = -1;
    webview.html = shellHtml({
      cspSource: webview.cspSource,
      nonce: nonce(),
      scriptUri: webview.asWebviewUri(Uri.joinPath(out, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(Uri.joinPath(out, 'preview.css')).toString(),
      remoteImages: this.remoteImages(),
    });
  }

  private post(message: ToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  /** One request at a time; edits during it ask for one more, for the text as it is then (coalescing). */
  refresh(): void {
    if (!this.ready) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    this.again = false;
    const uri = this.client.code2ProtocolConverter.asUri(this.document.uri);
    const changed = this.changedAt;
    const requested = Date.now();
    this.client
      .sendRequest<PreviewAnswer | null>(PREVIEW_REQUEST, { uri } satisfies PreviewParams)
      .then(
        async (result) => {
          if (!result || result.version <= this.shownVersion || !this.ready) return;
          this.shownVersion = result.version;
          // Awaited: while the webview takes this one in, edits only mark that another is due, so
          // a busy machine skips versions instead of queueing every keystroke's page.
          await this.panel.webview.postMessage({
            type: 'render',
            version: result.version,
            html: result.html,
            imageBase: this.panel.webview.asWebviewUri(Uri.joinPath(this.document.uri, '..')).toString(),
            remoteImages: this.remoteImages(),
            resource: this.document.uri.toString(),
            timing: { changed, requested, answered: Date.now() },
          } satisfies ToWebview);
        },
        (error: unknown) =>
          this.client.outputChannel.appendLine(`rst-specs preview of ${this.document.uri.toString(true)}: ${String(error)}`),
      )
      .finally(() => {
        this.inFlight = false;
        if (this.again) this.refresh();
      });
  }

  private sendMarkers(): void {
    const diagnostics = languages
      .getDiagnostics(this.document.uri)
      .slice()
      .sort((a, b) => a.range.start.line - b.range.start.line || a.severity - b.severity)
      .slice(0, MAX_MARKERS);
    this.markerTargets = diagnostics.map((diagnostic) => diagnostic.range);
    const markers: PreviewMarker[] = diagnostics.map((diagnostic, index) => ({
      index,
      line: diagnostic.range.start.line,
      severity: SEVERITIES[diagnostic.severity] ?? 'information',
      message:
        diagnostic.code !== undefined
          ? `${diagnostic.message} (${typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code})`
          : diagnostic.message,
    }));
    this.post({ type: 'markers', markers });
  }

  /** The editor of the document: a visible one, else it is opened beside the preview. */
  private async editor(): Promise<TextEditor> {
    const visible = window.visibleTextEditors.find((editor) => editor.document === this.document);
    if (visible) return visible;
    return window.showTextDocument(this.document, { viewColumn: ViewColumn.Beside, preserveFocus: false });
  }

  private async select(range: Range): Promise<void> {
    const editor = await window.showTextDocument(this.document, { viewColumn: (await this.editor()).viewColumn, preserveFocus: false });
    editor.selection = new Selection(range.start, range.end);
    editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private receive(value: unknown): void {
    const message = fromWebview(value);
    if (!message) return;
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        this.shownVersion = -1;
        this.refresh();
        this.sendMarkers();
        const top = window.visibleTextEditors.find((editor) => editor.document === this.document)?.visibleRanges[0]?.start.line;
        if (top) this.post({ type: 'scrollToLine', line: top });
        break;
      }
      case 'revealLine': {
        const editor = window.visibleTextEditors.find((candidate) => candidate.document === this.document);
        if (!editor) break;
        const line = Math.min(Math.floor(message.line), this.document.lineCount - 1);
        if (editor.visibleRanges[0]?.start.line === line) break;
        this.revealedTop = line;
        editor.revealRange(new Range(line, 0, line, 0), TextEditorRevealType.AtTop);
        break;
      }
      case 'selectLine': {
        const line = Math.min(message.line, this.document.lineCount - 1);
        void this.select(this.document.lineAt(line).range);
        break;
      }
      case 'revealMarker': {
        const range = this.markerTargets[message.index];
        if (range) void this.select(range);
        break;
      }
      case 'openExternal':
        // On a click only (the webview sends nothing else), and only http(s) and mailto.
        if (externalLink(message.href)) void env.openExternal(Uri.parse(message.href.trim(), true));
        break;
      case 'openReference':
        void openReference(this.document, message.role, message.target, message.line);
        break;
    }
  }

  dispose(): void {
    previews.delete(this.document.uri.toString());
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
  }
}
