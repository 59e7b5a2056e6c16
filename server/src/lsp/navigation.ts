// Go to definition, find references and rename for the names of a spec (features/navigation.ts),
// across the Sphinx docs tree for `:ref:` labels and `:doc:` documents (docs/tree.ts).
import type {
  ClientCapabilities,
  DefinitionParams,
  Location,
  PrepareRenameParams,
  ReferenceParams,
  RenameParams,
  ServerCapabilities,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { ResponseError, ErrorCodes } from 'vscode-languageserver/node';
import { normalizeLabel } from '../docs/references';
import { type Occurrence, occurrenceAt, occurrences, renamedRange, sameName, targetName } from '../features/navigation';
import { parseSpec } from '../rst/parse';
import { resolveDocname } from '../rules/cross-reference';
import type { Range } from '../rst/types';
import type { DocumentState, ServerContext, ServerFeature } from './context';
import { cancellable, isCancellation } from './cancellation';
import { clientPositions } from './client-positions';
import { docsPlaceOf, siblingUri } from './file-links';

/** A label name that stands in every kind of reference without quoting (`name_`, :ref:`name`). */
const PLAIN_NAME = /^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/;

const NOWHERE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function createNavigationFeature(): ServerFeature {
  return {
    capabilities(_client: ClientCapabilities): ServerCapabilities {
      return { definitionProvider: true, referencesProvider: true, renameProvider: { prepareProvider: true } };
    },
    register(context: ServerContext): void {
      const { connection } = context;

      /** The state of the document and the occurrence under the position, or undefined. */
      const at = async (
        uri: string,
        position: { line: number; character: number },
        token: Parameters<Parameters<typeof cancellable>[0]>[1],
      ) => {
        const state = await context.stateOf(uri, token);
        if (!state) return undefined;
        const positions = clientPositions(state.doc);
        const all = occurrences(state.doc);
        const server = positions.fromClient(position);
        const occurrence = occurrenceAt(all, server.line, server.character);
        return occurrence ? { state, positions, all, occurrence } : undefined;
      };

      /** The other files of the docs tree that hold a `:ref:` to `label` or define it: uri → ranges. */
      const treeSites = (state: DocumentState, uri: string, label: string): { uri: string; range: Range; definition: boolean }[] => {
        const place = docsPlaceOf(state);
        if (!place) return [];
        const sites: { uri: string; range: Range; definition: boolean }[] = [];
        for (const site of place.tree.labels().get(label) ?? []) {
          if (site.docname === place.docname && site.file === state.setup?.filePath) continue;
          sites.push({
            uri: siblingUri(uri, site.file),
            range: {
              start: { line: site.line, character: site.character },
              end: { line: site.line, character: site.character + site.length },
            },
            definition: true,
          });
        }
        for (const [docname, file] of place.tree.allDocuments()) {
          if (docname === place.docname) continue;
          const open = context.documents.get(siblingUri(uri, file));
          const text = open?.getText() ?? place.tree.textOf(file);
          if (text === undefined || !text.includes(':ref:`') || !text.toLowerCase().includes(label)) continue;
          for (const occurrence of occurrences(parseSpec(text))) {
            if (occurrence.viaRef && occurrence.key === label)
              sites.push({ uri: siblingUri(uri, file), range: occurrence.range, definition: false });
          }
        }
        return sites;
      };

      const guard = <T>(name: string, run: () => Promise<T>) =>
        run().catch((error) => {
          if (isCancellation(error) || error instanceof ResponseError) throw error;
          connection.console.error(`rst-specs ${name} failed: ${(error as Error).stack ?? error}`);
          return null;
        });

      connection.onDefinition(
        cancellable((params: DefinitionParams, token) =>
          guard('definition', async (): Promise<Location[] | null> => {
            const uri = params.textDocument.uri;
            const found = await at(uri, params.position, token);
            if (!found) return null;
            const { state, positions, all, occurrence } = found;
            const local = sameName(all, occurrence).filter((other) => other.definition);
            if (local.length > 0) return local.map((definition) => ({ uri, range: positions.toClientRange(definition.range) }));
            if (occurrence.kind === 'document') {
              const place = docsPlaceOf(state);
              const docname = place && resolveDocname(place.docname, occurrence.key);
              const file = docname === undefined ? undefined : place?.tree.allDocuments().get(docname);
              return file ? [{ uri: siblingUri(uri, file), range: NOWHERE }] : null;
            }
            if (occurrence.kind !== 'target') return null;
            const sites = treeSites(state, uri, occurrence.key).filter((site) => site.definition);
            return sites.length > 0 ? sites.map(({ uri: at, range }) => ({ uri: at, range })) : null;
          }),
        ),
      );

      connection.onReferences(
        cancellable((params: ReferenceParams, token) =>
          guard('references', async (): Promise<Location[] | null> => {
            const uri = params.textDocument.uri;
            const found = await at(uri, params.position, token);
            if (!found) return null;
            const { state, positions, all, occurrence } = found;
            const keep = (other: { definition: boolean }) => params.context.includeDeclaration || !other.definition;
            const locations: Location[] = sameName(all, occurrence)
              .filter(keep)
              .map((other) => ({ uri, range: positions.toClientRange(other.range) }));
            if (occurrence.kind === 'target') {
              for (const site of treeSites(state, uri, occurrence.key).filter(keep)) locations.push({ uri: site.uri, range: site.range });
            }
            return locations;
          }),
        ),
      );

      /** Targets, citations, substitutions, and footnotes with a label (`[#name]`; not `[1]`, `[#]`, `[*]`). */
      const renamable = (occurrence: Occurrence) => occurrence.kind === 'substitution' || targetName(occurrence) !== undefined;

      /** Why `newName` cannot be given: it already names another target, footnote or citation of the spec (or a label of its docs tree). */
      const conflict = (state: DocumentState, all: readonly Occurrence[], occurrence: Occurrence, newName: string): string | undefined => {
        const renamed = targetName(occurrence);
        const wanted = normalizeLabel(newName);
        if (renamed === undefined || wanted === renamed) return undefined;
        const taken = all.find((other) => other.definition && targetName(other) === wanted);
        if (taken) return `'${newName}' already names a ${taken.kind} of this spec (line ${taken.range.start.line + 1})`;
        if (occurrence.kind === 'target' && docsPlaceOf(state)?.tree.labels().has(wanted))
          return `'${newName}' is already a label of the docs tree`;
        return undefined;
      };

      connection.onPrepareRename(
        cancellable((params: PrepareRenameParams, token) =>
          guard('prepareRename', async () => {
            const found = await at(params.textDocument.uri, params.position, token);
            if (!found || !renamable(found.occurrence)) return null;
            const text = found.state.doc.lines[found.occurrence.range.start.line].text;
            const range = renamedRange(found.occurrence);
            return { range: found.positions.toClientRange(range), placeholder: text.slice(range.start.character, range.end.character) };
          }),
        ),
      );

      connection.onRenameRequest(
        cancellable((params: RenameParams, token) =>
          guard('rename', async (): Promise<WorkspaceEdit | null> => {
            const uri = params.textDocument.uri;
            const found = await at(uri, params.position, token);
            if (!found || !renamable(found.occurrence)) return null;
            if (!PLAIN_NAME.test(params.newName)) {
              throw new ResponseError(
                ErrorCodes.InvalidParams,
                `'${params.newName}' is not a plain name (letters, digits, and single - _ . between them)`,
              );
            }
            const { state, positions, all, occurrence } = found;
            const taken = conflict(state, all, occurrence, params.newName);
            if (taken) throw new ResponseError(ErrorCodes.InvalidParams, taken);
            const changes: Record<string, TextEdit[]> = {};
            const add = (at: string, range: Range) => (changes[at] ??= []).push({ range, newText: params.newName });
            for (const other of sameName(all, occurrence)) add(uri, positions.toClientRange(renamedRange(other)));
            if (occurrence.kind === 'target') for (const site of treeSites(state, uri, occurrence.key)) add(site.uri, site.range);
            return { changes };
          }),
        ),
      );
    },
  };
}

export const navigationFeature: ServerFeature = createNavigationFeature();
