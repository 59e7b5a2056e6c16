// LSP wiring of the language features (hover, completion, document and workspace symbols, folding,
// links): translate requests to the pure modules in ../features and their results back.
import { pathToFileURL } from 'node:url';
import { filePathOfUri, innermostFolder } from '../paths';
import { readRegularFileAsync } from '../node-files';
import {
  type ClientCapabilities,
  CompletionItemKind,
  type CompletionItem,
  type CompletionParams,
  type DocumentSymbol,
  type DocumentSymbolParams,
  FoldingRangeKind,
  type FoldingRange,
  type HoverParams,
  InsertTextFormat,
  MarkupKind,
  type SymbolInformation,
  SymbolKind,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver/node';
import { completionsAt, type CompletionEntry } from '../features/completion';
import { controlCompletions, type RuleInfo } from '../features/control-completion';
import { allRules } from '../rules';
import { foldingRanges } from '../features/folding';
import { hoverAt } from '../features/hover';
import { documentLinks } from '../features/links';
import { documentSymbols, type SectionSymbol } from '../features/symbols';
import type { SpecContext } from '../features/template-guide';
import { isScopeSpec, type OpenSpec, type WorkspaceFiles, WorkspaceSymbolIndex } from '../features/workspace-symbols';
import { overridesFromSettings, specPredicate } from '../config';
import type { DocumentState, ServerContext, ServerFeature } from './context';
import { cancellable, isCancellation } from './cancellation';
import { fileLinks } from './file-links';
import { type ClientPositions, clientPositions } from './client-positions';

/** The usual adornment characters: typing one under a title may complete its underline. */
const TRIGGER_CHARACTERS = ['=', '-', '~', '^', '"', "'", '+', '*', '#', '`', ':', ','];

const COMPLETION_KINDS: Record<CompletionEntry['kind'], CompletionItemKind> = {
  section: CompletionItemKind.Module,
  adornment: CompletionItemKind.Text,
  snippet: CompletionItemKind.Snippet,
  keyword: CompletionItemKind.Keyword,
  rule: CompletionItemKind.EnumMember,
};

/** What a control comment may name: the rules and the two other diagnostic codes. */
const CONTROL_RULES: readonly RuleInfo[] = [
  ...allRules.map((rule) => ({ id: rule.id, description: rule.description, defaultSeverity: rule.defaultSeverity })),
  { id: 'template', description: "The spec's template could not be loaded; the bundled template was used." },
];

// Read without blocking (a cold index reads thousands of files while the user types); fs/promises
// is loaded on the first query, not at start-up.
const fsPromises = () => import('node:fs/promises');

export const nodeWorkspaceFiles: WorkspaceFiles = {
  async list(folder) {
    try {
      // Links are neither followed nor read (isFile and isDirectory are false for them): nothing outside is listed.
      return (await (await fsPromises()).readdir(folder, { withFileTypes: true })).map((entry) => ({
        name: entry.name,
        isDirectory: entry.isDirectory(),
        isFile: entry.isFile(),
      }));
    } catch {
      return [];
    }
  },
  async stamp(file) {
    try {
      const stat = await (await fsPromises()).stat(file);
      return stat.isFile() ? `${stat.mtimeMs}:${stat.size}` : undefined;
    } catch {
      return undefined;
    }
  },
  async read(file) {
    try {
      return (await readRegularFileAsync(file)).toString('utf8');
    } catch {
      return undefined;
    }
  },
};

/** The analysis of the state's version (its document is the state's): what it derived is kept for the next request. */
function specOf(state: DocumentState): SpecContext | undefined {
  return state.spec;
}

function completionItem(entry: CompletionEntry, snippets: boolean, positions: ClientPositions): CompletionItem {
  const useSnippet = snippets && entry.snippet !== undefined;
  return {
    label: entry.label,
    kind: COMPLETION_KINDS[entry.kind],
    ...(entry.detail ? { detail: entry.detail } : {}),
    ...(entry.documentation ? { documentation: { kind: MarkupKind.Markdown, value: entry.documentation } } : {}),
    sortText: entry.sortText,
    ...(entry.filterText ? { filterText: entry.filterText } : {}),
    ...(entry.preselect ? { preselect: true } : {}),
    insertTextFormat: useSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range: positions.toClientRange(entry.range), newText: useSnippet ? entry.snippet! : entry.newText },
    ...(entry.additionalEdits
      ? {
          additionalTextEdits: entry.additionalEdits.map((edit) => ({ range: positions.toClientRange(edit.range), newText: edit.newText })),
        }
      : {}),
  };
}

function documentSymbol(symbol: SectionSymbol, positions: ClientPositions): DocumentSymbol {
  return {
    name: symbol.name,
    ...(symbol.detail ? { detail: symbol.detail } : {}),
    kind: symbol.kind === 'title' ? SymbolKind.File : SymbolKind.String,
    range: positions.toClientRange(symbol.range),
    selectionRange: positions.toClientRange(symbol.selectionRange),
    children: symbol.children.map((child) => documentSymbol(child, positions)),
  };
}

function flatSymbols(symbols: readonly SectionSymbol[], uri: string, positions: ClientPositions, container?: string): SymbolInformation[] {
  return symbols.flatMap((symbol) => [
    {
      name: symbol.name,
      kind: symbol.kind === 'title' ? SymbolKind.File : SymbolKind.String,
      location: { uri, range: positions.toClientRange(symbol.range) },
      ...(container ? { containerName: container } : {}),
    },
    ...flatSymbols(symbol.children, uri, positions, symbol.name),
  ]);
}

function createLanguageFeatures(): ServerFeature {
  let snippets = false;
  let hierarchicalSymbols = false;
  let foldingLimit = Number.MAX_SAFE_INTEGER;
  const index = new WorkspaceSymbolIndex(nodeWorkspaceFiles);

  return {
    capabilities(client: ClientCapabilities) {
      snippets = client.textDocument?.completion?.completionItem?.snippetSupport === true;
      hierarchicalSymbols = client.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
      foldingLimit = client.textDocument?.foldingRange?.rangeLimit ?? Number.MAX_SAFE_INTEGER;
      return {
        hoverProvider: true,
        completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false },
        documentSymbolProvider: { label: 'rst-specs' },
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
      };
    },

    register(context: ServerContext) {
      const { connection } = context;
      /**
       * A handler on the document's current state, with the map of its positions to the client's
       * text. A failure is logged and answers null; a cancelled request answers RequestCancelled.
       */
      const onDocument = <P extends { textDocument: { uri: string } }, T>(
        name: string,
        run: (state: DocumentState, positions: ClientPositions, params: P) => T,
      ) =>
        cancellable(async (params: P, token) => {
          const uri = params.textDocument.uri;
          try {
            const state = await context.stateOf(uri, token);
            return state ? run(state, clientPositions(state.doc), params) : null;
          } catch (error) {
            if (isCancellation(error)) throw error;
            connection.console.error(`rst-specs ${name} failed on ${uri}: ${(error as Error).stack ?? error}`);
            return null;
          }
        });

      connection.onHover(
        onDocument('hover', (state, positions, { position }: HoverParams) => {
          const hover = hoverAt(state.doc, specOf(state), positions.fromClient(position), state.spec?.diagnostics);
          return hover
            ? { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: positions.toClientRange(hover.range) }
            : null;
        }),
      );

      connection.onCompletion(
        onDocument('completion', (state, positions, { position: clientPosition }: CompletionParams) => {
          const position = positions.fromClient(clientPosition);
          const entries = controlCompletions(state.doc, position, CONTROL_RULES) ?? completionsAt(state.doc, specOf(state), position);
          return entries.map((entry) => completionItem(entry, snippets, positions));
        }),
      );

      connection.onDocumentSymbol(
        onDocument('documentSymbol', (state, positions, { textDocument }: DocumentSymbolParams) => {
          const symbols = documentSymbols(state.doc, specOf(state));
          return hierarchicalSymbols
            ? symbols.map((symbol) => documentSymbol(symbol, positions))
            : flatSymbols(symbols, textDocument.uri, positions);
        }),
      );

      // Whole lines: the same with or without a BOM; the editor's lines where a separator joins two.
      connection.onFoldingRanges(
        onDocument('foldingRange', (state, positions) =>
          foldingRanges(state.doc)
            .slice(0, foldingLimit)
            .map((fold): FoldingRange => ({
              startLine: positions.toClient({ line: fold.startLine, character: 0 }).line,
              endLine: positions.toClient({ line: fold.endLine, character: 0 }).line,
              ...(fold.kind === 'comment' ? { kind: FoldingRangeKind.Comment } : {}),
            })),
        ),
      );

      connection.onDocumentLinks(
        onDocument('documentLink', (state, positions, params: { textDocument: { uri: string } }) => [
          ...documentLinks(state.doc).map((link) => ({
            range: positions.toClientRange(link.range),
            target: link.target,
            ...(link.tooltip ? { tooltip: link.tooltip } : {}),
          })),
          ...fileLinks(state, params.textDocument.uri),
        ]),
      );

      connection.onWorkspaceSymbol(
        cancellable(async ({ query }: WorkspaceSymbolParams, token) => {
          try {
            const scopes = await Promise.all(
              context.workspaceFolders().map(async (folder) => {
                const settings = await context.settingsFor(pathToFileURL(folder).toString(), token);
                // The specs a check would take: the config files' include and exclude under the settings the user set.
                const isSpec = specPredicate(folder, overridesFromSettings(settings, settings.userSet));
                return { folder, include: settings.include, exclude: settings.exclude, isSpec };
              }),
            );
            const open: OpenSpec[] = [];
            // Open documents count positions on their text as the client holds it; files read from disk, as the engine does.
            const positionsByFile = new Map<string, ClientPositions>();
            for (const document of context.documents.all()) {
              const file = filePathOfUri(document.uri);
              if (file === undefined) continue;
              const folder = innermostFolder(
                file,
                scopes.map((candidate) => candidate.folder),
              );
              const scope = scopes.find((candidate) => candidate.folder === folder);
              const state = await context.stateOf(document.uri, token);
              if (state && (state.spec || (scope && isScopeSpec(scope, file)))) {
                open.push({ file, doc: state.doc });
                positionsByFile.set(file, clientPositions(state.doc));
              }
            }
            return (await index.query(query, scopes, open, () => token.isCancellationRequested)).map((entry): SymbolInformation => ({
              name: entry.name,
              kind: entry.kind === 'title' ? SymbolKind.File : SymbolKind.String,
              location: {
                uri: pathToFileURL(entry.file).toString(),
                range: positionsByFile.get(entry.file)?.toClientRange(entry.range) ?? entry.range,
              },
              ...(entry.containerName ? { containerName: entry.containerName } : {}),
            }));
          } catch (error) {
            if (isCancellation(error)) throw error;
            connection.console.error(`rst-specs workspaceSymbol failed: ${(error as Error).stack ?? error}`);
            return [];
          }
        }),
      );
    },
  };
}

export const languageFeatures: ServerFeature = createLanguageFeatures();
