// Code actions and commands: a quick fix per diagnostic that has one obvious repair, "Insert all
// missing sections" and fix-all as source actions, and the server side of the extension's commands.
// Every edit is a versioned WorkspaceEdit, so that the editor refuses it once the text has changed.
import type {
  CancellationToken,
  ClientCapabilities,
  CodeAction,
  CodeActionParams,
  Diagnostic,
  ExecuteCommandParams,
  ServerCapabilities,
  TextEdit as LspTextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { SpecDiagnostic } from '../engine';
import { sortEdits, type TextEdit } from '../edit/text-edit';
import { type FixOptions, fixContext } from '../fixes/fix';
import { diffEdits } from '../fixes/diff';
import { fixAllTextPausing, SAFE_FIX_CODES } from '../fixes/fix-all';
import { quickFixFor } from '../fixes/index';
import { insertAllMissingSections } from '../fixes/insert-sections';
import { isBlueprintName, newSpecText } from '../fixes/new-spec';
import { disableRuleFixes } from '../fixes/disable-rule';
import { existingNameActions } from './api-name-action';
import { guidanceFixes } from '../fixes/guidance';
import { extraDiagnosticsAt, isFadeOf, renameFileAction } from './more-actions';
import { withoutTrailingSlashes } from './files';
import { parseSpec } from '../rst/parse';
import type { DocumentState, ServerContext, ServerFeature } from './context';
import { toClientDiagnostic } from './server';
import { capDiagnostics } from './diagnostics-cap';
import type { Settings } from './settings';
import { cancellable, throwIfCancelled } from './cancellation';
import type { RepoActions } from './repo-commands';
import { checkFiles } from './check-files';
import { type ClientPositions, clientPositions } from './client-positions';
import { SERVER_COMMANDS as PROTOCOL_COMMANDS, USE_LF_COMMAND } from '../protocol';

export const FIX_ALL_KIND = 'source.fixAll.rst-specs';
export const INSERT_MISSING_KIND = 'source.insertMissingSections.rst-specs';
export const QUICK_FIX_KIND = 'quickfix';

/** Commands the server executes here (protocol.ts has them all: the repo commands are in repo-commands.ts). */
export const SERVER_COMMANDS = {
  insertMissingSections: PROTOCOL_COMMANDS.insertMissingSections,
  newSpecText: PROTOCOL_COMMANDS.newSpecText,
  checkFiles: PROTOCOL_COMMANDS.checkFiles,
} as const;

export { USE_LF_COMMAND };

export const INSERT_ALL_TITLE = 'Insert all missing sections';
export const FIX_ALL_TITLE = 'Fix all auto-fixable rst-specs problems';

interface ResolveData {
  readonly uri: string;
  readonly version: number;
  readonly kind: string;
}

/** `repo`: the spec-location quick fix and the repo commands (lsp/repo-commands.ts; the Node server's, not the web build's). */
export function createCodeActionsFeature(repo?: RepoActions): ServerFeature {
  let documentChanges = true;
  let pullDiagnostics = false;
  let lazyEdits = false;
  let renames = false;
  return {
    capabilities(client: ClientCapabilities): ServerCapabilities {
      documentChanges = client.workspace?.workspaceEdit?.documentChanges ?? false;
      renames = documentChanges && (client.workspace?.workspaceEdit?.resourceOperations ?? []).includes('rename');
      pullDiagnostics = !!client.textDocument?.diagnostic;
      lazyEdits = !!client.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
      renames = documentChanges && !!client.workspace?.workspaceEdit?.resourceOperations?.includes('rename');
      return {
        codeActionProvider: {
          codeActionKinds: [QUICK_FIX_KIND, FIX_ALL_KIND, INSERT_MISSING_KIND],
          resolveProvider: true,
        },
        executeCommandProvider: { commands: [...Object.values(SERVER_COMMANDS), ...(repo?.commands ?? [])] },
      };
    },
    register(context: ServerContext): void {
      const { connection, documents } = context;
      const pushedByCheck = new Set<string>();

      const fixOptions = (settings: Settings, state: SpecState): FixOptions => ({
        maxLineLength: state.setup?.engine.maxLineLength ?? settings.maxLineLength,
        optionalSections: state.spec.optionalSections ?? [],
        insertedSectionBody: settings.insertedSectionBody,
      });

      /** Edits of the state's version, on its text as the editor holds it (a BOM, if it kept one, shifts line 0). */
      const workspaceEdit = (uri: string, state: DocumentState, edits: readonly TextEdit[]): WorkspaceEdit => {
        const positions = clientPositions(state.doc);
        const lspEdits: LspTextEdit[] = edits.map((edit) => ({ range: positions.toClientRange(edit.range), newText: edit.newText }));
        return documentChanges
          ? { documentChanges: [{ textDocument: { uri, version: state.version }, edits: lspEdits }] }
          : { changes: { [uri]: lspEdits } };
      };

      const specState = async (uri: string, token?: CancellationToken): Promise<SpecState | undefined> => {
        const state = await context.stateOf(uri, token);
        return state?.spec ? (state as SpecState) : undefined;
      };

      const sourceEdits = async (uri: string, kind: string, version: number | undefined, token?: CancellationToken) => {
        const state = await specState(uri, token);
        if (!state || (version !== undefined && version !== state.version)) return undefined;
        const options = fixOptions(await context.settingsFor(uri, token), state);
        const { doc, template } = state.spec;
        if (kind !== FIX_ALL_KIND) return { state, edits: insertAllMissingSections(fixContext(state.spec, options)) };
        // Seconds on a large spec: other messages are handled between its steps, and a cancel stops it.
        const pause = async () => {
          await new Promise((resolve) => setImmediate(resolve));
          throwIfCancelled(token);
        };
        const fixed = await fixAllTextPausing(doc, template, { ...options, engine: state.spec.options }, pause);
        await pause();
        return { state, edits: diffEdits(doc.text, fixed) };
      };

      connection.onCodeAction(
        cancellable(async (params: CodeActionParams, token) => {
          const uri = params.textDocument.uri;
          const state = await specState(uri, token);
          if (!state) return [];
          const settings = await context.settingsFor(uri, token);
          const spec = fixContext(state.spec, fixOptions(settings, state));
          const { doc, diagnostics } = state.spec;
          const positions = clientPositions(doc);
          const toClient = (diagnostic: SpecDiagnostic) => toClientDiagnostic(diagnostic, positions);
          const only = params.context.only;
          const wants = (kind: string) => !only || only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
          const actions: CodeAction[] = [];
          const missing = diagnostics.filter((diagnostic) => diagnostic.code === 'missing-section');

          if (wants(QUICK_FIX_KIND)) {
            let offeredInsertAll = false;
            // "Disable <rule> for this line/file" come after the repairs.
            const disableActions = new Map<string, CodeAction>();
            // Also those whose fix belongs where the writer is, off their own range (a short underline, at its title).
            const extra = extraDiagnosticsAt(
              doc,
              diagnostics,
              { start: positions.fromClient(params.range.start), end: positions.fromClient(params.range.end) },
              params.context.diagnostics,
              toClient,
            );
            for (const client of [...params.context.diagnostics, ...extra]) {
              const diagnostic = serverDiagnostic(diagnostics, client, positions);
              if (!diagnostic) continue;
              const target = diagnostic.code === 'spec-location' ? diagnostic.data?.target : undefined;
              const filePath = state.setup?.filePath;
              if (typeof target === 'string' && filePath && renames && repo) {
                // A file move, not a text edit: the spec goes into approved/ (repo/moves.ts).
                const { title, edit } = repo.moveIntoApprovedEdit(uri, filePath, target);
                actions.push({ title, kind: QUICK_FIX_KIND, diagnostics: [client], isPreferred: true, edit });
              }
              const fix = quickFixFor(spec, diagnostic);
              if (fix) {
                const action: CodeAction = {
                  title: fix.title,
                  kind: QUICK_FIX_KIND,
                  diagnostics: [client],
                  isPreferred: fix.isPreferred,
                  edit: workspaceEdit(uri, state, fix.edits),
                };
                if (diagnostic.code === 'carriage-return') {
                  action.command = { title: 'Use LF line endings', command: USE_LF_COMMAND, arguments: [uri] };
                }
                actions.push(action);
              }
              for (const more of guidanceFixes(doc, diagnostic, diagnostics)) {
                actions.push({
                  title: more.title,
                  kind: QUICK_FIX_KIND,
                  diagnostics: [client],
                  edit: workspaceEdit(uri, state, more.edits),
                });
              }
              const rename = renames ? renameFileAction(uri, diagnostic, client) : undefined;
              if (rename) actions.push(rename);
              actions.push(...existingNameActions(context, state.setup, diagnostic, client, documentChanges));
              for (const disable of disableRuleFixes(doc, diagnostic)) {
                // Diagnostics of one rule on one line share their disable fixes: one action for them all.
                const key = `${disable.title}\n${JSON.stringify(disable.edits)}`;
                const same = disableActions.get(key);
                if (same) same.diagnostics!.push(client);
                else
                  disableActions.set(key, {
                    title: disable.title,
                    kind: QUICK_FIX_KIND,
                    diagnostics: [client],
                    edit: workspaceEdit(uri, state, disable.edits),
                  });
              }
              if (diagnostic.code === 'missing-section' && missing.length > 1 && !offeredInsertAll) {
                offeredInsertAll = true;
                const edits = insertAllMissingSections(spec);
                if (edits.length > 0) {
                  actions.push({
                    title: INSERT_ALL_TITLE,
                    kind: QUICK_FIX_KIND,
                    diagnostics: missing.map(toClient),
                    edit: workspaceEdit(uri, state, edits),
                  });
                }
              }
            }
            actions.push(...disableActions.values());
            // As ESLint does: fix-all last in the lightbulb menu, where a problem it fixes is.
            const fixable = [...params.context.diagnostics, ...extra].some(
              (client) => SAFE_FIX_CODES.includes(String(client.code)) && client.source === 'rst-specs',
            );
            if (fixable && !only && lazyEdits) {
              // The lightbulb's generic request: computed only when chosen, as the source actions are.
              actions.push({
                title: FIX_ALL_TITLE,
                kind: QUICK_FIX_KIND,
                data: { uri, version: state.version, kind: FIX_ALL_KIND } satisfies ResolveData,
              });
            } else if (fixable) {
              const result = await sourceEdits(uri, FIX_ALL_KIND, state.version, token);
              if (result && result.edits.length > 0) {
                actions.push({ title: FIX_ALL_TITLE, kind: QUICK_FIX_KIND, edit: workspaceEdit(uri, result.state, result.edits) });
              }
            }
          }

          const sources: [string, string, readonly SpecDiagnostic[]][] = [
            [INSERT_MISSING_KIND, INSERT_ALL_TITLE, missing],
            // Of those the editor was given (lsp/diagnostics-cap.ts): not a list of 150,000 with each request.
            [FIX_ALL_KIND, FIX_ALL_TITLE, capDiagnostics(diagnostics).filter((diagnostic) => SAFE_FIX_CODES.includes(diagnostic.code))],
          ];
          for (const [kind, title, fixed] of sources) {
            if (!wants(kind) || fixed.length === 0) continue;
            const action: CodeAction = { title, kind, diagnostics: fixed.map(toClient) };
            // Asked for by name (the Source Action menu, codeActionsOnSave): computed now. Otherwise
            // (a generic request), computed only when chosen, if the client can resolve it later.
            if (!only && lazyEdits) {
              action.data = { uri, version: state.version, kind } satisfies ResolveData;
            } else {
              const result = await sourceEdits(uri, kind, undefined, token);
              if (!result || result.edits.length === 0) continue;
              action.edit = workspaceEdit(uri, result.state, result.edits);
            }
            actions.push(action);
          }
          return actions;
        }),
      );

      connection.onCodeActionResolve(
        cancellable(async (action: CodeAction, token) => {
          const data = action.data as ResolveData | undefined;
          if (!data || action.edit) return action;
          const result = await sourceEdits(data.uri, data.kind, data.version, token);
          if (result) action.edit = workspaceEdit(data.uri, result.state, result.edits);
          return action;
        }),
      );

      connection.onExecuteCommand(
        cancellable(async (params: ExecuteCommandParams, token) => {
          const [argument] = (params.arguments ?? []) as [Record<string, unknown> | string | undefined];
          const options = typeof argument === 'object' && argument !== null ? argument : { uri: argument };
          switch (params.command) {
            case SERVER_COMMANDS.insertMissingSections: {
              const uri = String(options.uri ?? '');
              const version = typeof options.version === 'number' ? options.version : undefined;
              const result = await sourceEdits(uri, INSERT_MISSING_KIND, version, token);
              if (!result) return { inserted: 0, reason: (await context.stateOf(uri, token)) ? 'not-a-spec-or-stale' : 'not-open' };
              if (result.edits.length === 0) return { inserted: 0 };
              const applied = await connection.workspace.applyEdit({
                label: INSERT_ALL_TITLE,
                edit: workspaceEdit(uri, result.state, result.edits),
              });
              const count = result.state.spec.diagnostics.filter((d) => d.code === 'missing-section').length;
              // Where the first inserted title lands, for the editor to show it.
              const first = firstInsertedLine(result.edits);
              const positions = clientPositions(result.state.doc);
              return {
                inserted: applied.applied ? count : 0,
                applied: applied.applied,
                ...(applied.applied && first ? { first: positions.toClientRange(first) } : {}),
              };
            }
            case SERVER_COMMANDS.newSpecText:
              return newSpecFor(context, String(options.folderUri ?? ''), String(options.name ?? ''), options.title, token);
            case SERVER_COMMANDS.checkFiles: {
              const uris = Array.isArray(options.uris) ? options.uris.filter((uri): uri is string => typeof uri === 'string') : [];
              return checkFiles(context, uris, pushedByCheck, token);
            }
            case USE_LF_COMMAND:
              return null; // The edit of the quick fix did it; VS Code runs its own command of this name.
            default:
              if (repo?.commands.includes(params.command)) return repo.run(context, params.command, options, token);
              throw new Error(`unknown command ${params.command}`);
          }
        }),
      );

      // Diagnostics pushed by a workspace check give way to the pulled ones once the file is open.
      documents.onDidOpen((event) => {
        if (!pushedByCheck.delete(event.document.uri) || !pullDiagnostics) return;
        void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
      });
    },
  };
}

export const codeActionsFeature: ServerFeature = createCodeActionsFeature();

/** The server's own diagnostic (with its data) that a client diagnostic stands for (its range counted on the client's text). */
function serverDiagnostic(
  diagnostics: readonly SpecDiagnostic[],
  client: Diagnostic,
  positions: ClientPositions,
): SpecDiagnostic | undefined {
  if (client.source !== undefined && client.source !== 'rst-specs') return undefined;
  const same = (a: Diagnostic['range'], b: Diagnostic['range']) =>
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character;
  return diagnostics.find(
    (diagnostic) =>
      diagnostic.code === client.code &&
      diagnostic.message === client.message &&
      (same(positions.toClientRange(diagnostic.range), client.range) || isFadeOf(diagnostic, client, positions)),
  );
}

/** The range, in the text after the edits, of the first non-blank line the first edit inserts. */
function firstInsertedLine(edits: readonly TextEdit[]): TextEdit['range'] | undefined {
  const edit = sortEdits(edits)[0];
  if (!edit) return undefined;
  const lines = edit.newText.split(/\r\n|\r|\n/);
  const index = lines.findIndex((line) => line.trim() !== '');
  if (index < 0) return undefined;
  const line = edit.range.start.line + index;
  const character = index === 0 ? edit.range.start.character : 0;
  return { start: { line, character }, end: { line, character: character + lines[index].length } };
}

type SpecState = DocumentState & { spec: NonNullable<DocumentState['spec']> };

async function newSpecFor(context: ServerContext, folderUri: string, name: string, title: unknown, token: CancellationToken) {
  if (!isBlueprintName(name)) throw new Error(`'${name}' is not a blueprint name: use lowercase letters, digits and hyphens`);
  if (context.environment.filePathOf(folderUri) === undefined) throw new Error('the folder must be a file: URI');
  const uri = `${withoutTrailingSlashes(folderUri)}/${name}.rst`;
  const settings = await context.settingsFor(uri, token);
  const setup = await context.environment.setup(uri, '', settings, (file) => context.workspaceFolderOf(file));
  throwIfCancelled(token);
  const { template, problem } = setup.analyzer.templateFor({
    filePath: setup.filePath,
    workspaceFolder: setup.workspaceFolder,
    templatePath: setup.templatePath,
    confineTemplates: true,
    templatePathIsUsers: setup.templatePathIsUsers,
  });
  const text = newSpecText(template, name, typeof title === 'string' && title.trim() ? title.trim() : undefined);
  // Where the editor puts the cursor: the spec's title.
  const titleRange = parseSpec(text).sections[0]?.titleRange;
  return { text, uri, template: template.source, problem, ...(titleRange ? { titleRange } : {}) };
}
