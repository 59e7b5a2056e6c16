// Links to files: `:doc:` roles and images (added to the document links of language-features.ts),
// and the URIs of other files of a document's scheme. Shared by the Node server and the web build.
import { posix as path } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentLink } from 'vscode-languageserver/node';
import type { DocsPlace } from '../docs/load';
import { imagePaths, occurrences } from '../features/navigation';
import { resolveDocname } from '../rules/cross-reference';
import type { DocumentState } from './context';
import { clientPositions } from './client-positions';
import { splitUri } from './files';

/** The URI of another file of the same scheme and authority as `uri`. */
export function siblingUri(uri: string, filePath: string): string {
  if (uri.startsWith('file:')) return pathToFileURL(filePath).toString();
  const base = splitUri(uri)?.base ?? 'file://';
  return `${base}${filePath.split('/').map(encodeURIComponent).join('/')}`;
}

/** The spec's place in its docs tree (disk only), from the state's setup. */
export function docsPlaceOf(state: DocumentState): DocsPlace | undefined {
  const setup = state.setup;
  if (!setup?.filePath) return undefined;
  return setup.analyzer.docsTrees?.placeOf(setup.filePath, setup.workspaceFolder, setup.workspaceFolder);
}

/** `:doc:` targets and images as links to their files (documents of the docs tree; images beside the spec or from the tree's root). */
export function fileLinks(state: DocumentState, uri: string): DocumentLink[] {
  const filePath = state.setup?.filePath;
  if (!filePath) return [];
  const positions = clientPositions(state.doc);
  const links: DocumentLink[] = [];
  const hasDocs = state.doc.text.includes(':doc:`');
  const place = hasDocs || state.doc.text.includes('image::') || state.doc.text.includes('figure::') ? docsPlaceOf(state) : undefined;
  if (place && hasDocs) {
    for (const occurrence of occurrences(state.doc)) {
      if (occurrence.kind !== 'document') continue;
      const docname = resolveDocname(place.docname, occurrence.key);
      const file = docname === undefined ? undefined : place.tree.allDocuments().get(docname);
      if (file) links.push({ range: positions.toClientRange(occurrence.range), target: siblingUri(uri, file), tooltip: `Open ${docname}` });
    }
  }
  for (const image of imagePaths(state.doc)) {
    const file = image.path.startsWith('/')
      ? place
        ? path.join(place.tree.root, image.path)
        : undefined
      : path.join(path.dirname(filePath), image.path);
    if (file) links.push({ range: positions.toClientRange(image.range), target: siblingUri(uri, file) });
  }
  return links;
}
