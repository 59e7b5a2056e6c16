// The client side of `rst-specs/readDirectory` and `rst-specs/readFile`: the server asks for the
// folders and files a check needs (templates, config files) where it cannot read them itself (the
// web build, or a virtual workspace). Read-only, through `workspace.fs`.
import { FileType, Uri, workspace } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { READ_DIRECTORY_REQUEST, READ_FILE_REQUEST } from '../../server/src/protocol';

export { READ_DIRECTORY_REQUEST, READ_FILE_REQUEST };

/** Files larger than this are not sent (a template is a few kilobytes). */
const MAX_BYTES = 2_000_000;

export function registerFileAccess(client: BaseLanguageClient): void {
  client.onRequest(READ_DIRECTORY_REQUEST, async (params: { uri?: unknown }) => {
    if (typeof params?.uri !== 'string') return null;
    try {
      const entries = await workspace.fs.readDirectory(Uri.parse(params.uri));
      return entries.map(([name]) => name);
    } catch {
      return null;
    }
  });
  client.onRequest(READ_FILE_REQUEST, async (params: { uri?: unknown }) => {
    if (typeof params?.uri !== 'string') return null;
    try {
      const uri = Uri.parse(params.uri);
      const stat = await workspace.fs.stat(uri);
      if (!(stat.type & FileType.File) || stat.size > MAX_BYTES) return null;
      return { text: new TextDecoder('utf-8').decode(await workspace.fs.readFile(uri)) };
    } catch {
      return null;
    }
  });
}
