// Following a preview link that leaves the document: `:doc:` and `:ref:` through the language
// server's go-to-definition at the reference in the source (it knows the Sphinx docs tree, on
// the desktop and in the web build alike), relative links as workspace files.
import { commands, type Location, type LocationLink, Position, type TextDocument, Uri, window, workspace } from 'vscode';
import type { ReferenceRole } from './protocol';
import { findRoleTarget } from './line-map';

export async function openReference(document: TextDocument, role: ReferenceRole, target: string, line: number): Promise<boolean> {
  if (role === 'link') return openRelative(document, target);
  const lines = document.getText().split(/\r\n|\r|\n/);
  const at = findRoleTarget(lines, line, role, target);
  if (at) {
    const found = await commands.executeCommand<(Location | LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      new Position(at.line, at.character),
    );
    const first = found?.[0];
    if (first) {
      const uri = 'targetUri' in first ? first.targetUri : first.uri;
      const range = 'targetUri' in first ? (first.targetSelectionRange ?? first.targetRange) : first.range;
      await window.showTextDocument(uri, { selection: range, preview: false });
      return true;
    }
  }
  // A :doc: the server could not place (no docs tree): the file beside this one, as Sphinx would name it.
  if (role === 'doc' && !target.startsWith('/') && (await openRelative(document, `${target}.rst`))) return true;
  void window.showInformationMessage(`rst-specs: ${role === 'doc' ? 'document' : 'label'} "${target}" was not found in the workspace.`);
  return false;
}

/** A relative link (`other.rst`, `../images/x.png`, `spec.html#part`) opened as a workspace file, when there is one. */
async function openRelative(document: TextDocument, href: string): Promise<boolean> {
  const path = href.split('#')[0].split('?')[0];
  if (!path) return false;
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // as written
  }
  const candidates = [decoded];
  // Sphinx's output links other documents as .html; their source is the .rst.
  if (decoded.endsWith('.html')) candidates.unshift(`${decoded.slice(0, -'.html'.length)}.rst`);
  for (const candidate of candidates) {
    const uri = Uri.joinPath(document.uri, '..', candidate);
    const folder = workspace.getWorkspaceFolder(uri);
    if (!folder) continue; // nothing outside the workspace
    try {
      await workspace.fs.stat(uri);
    } catch {
      continue;
    }
    await commands.executeCommand('vscode.open', uri);
    return true;
  }
  void window.showInformationMessage(`rst-specs: "${href}" is not a file of the workspace.`);
  return false;
}
