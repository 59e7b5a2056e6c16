// The quick fix on rest-url's underscore warning: "Treat 'x' as an existing API name in this
// repository", which adds the name to `rest.existingNames` of the config file that applies to the
// spec (`.rst-specs.json` at the workspace folder, created if there is none). jsonc-parser's
// `modify` edits the file's text in place, so its comments and formatting stay as they were.
import { readFileSync } from 'node:fs';
import { posix as path } from 'node:path';
import { pathToFileURL } from 'node:url';
// The ESM build: the UMD one loads its parts with a require() of a computed path, which no bundle holds.
import { type Edit, findNodeAtLocation, type FormattingOptions, modify, type Node as JsonNode, parseTree } from 'jsonc-parser/lib/esm/main';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { SpecDiagnostic } from '../engine';
import { offsetToPosition } from '../config/jsonc';
import type { ServerContext } from './context';
import type { SpecSetup } from './spec-setup';

export const NEW_CONFIG_NAME = '.rst-specs.json';

export function existingNameTitle(name: string): string {
  return `Treat '${name}' as an existing API name in this repository`;
}

/** One action per underscore name of a rest-url diagnostic; none when the config file can't be edited from here. */
export function existingNameActions(
  context: ServerContext,
  setup: SpecSetup | undefined,
  diagnostic: SpecDiagnostic,
  client: Diagnostic,
  documentChanges: boolean,
): CodeAction[] {
  const names = diagnostic.data?.names;
  if (diagnostic.code !== 'rest-url' || !Array.isArray(names) || !setup?.uri.startsWith('file:')) return [];
  const target = configTarget(context, setup);
  if (!target) return [];
  return names.flatMap((name) => {
    const edit =
      target.text === undefined
        ? createEdit(target.uri, name, documentChanges)
        : addEdit(target.uri, target.text, target.version, name, documentChanges);
    return edit ? [{ title: existingNameTitle(name), kind: 'quickfix', diagnostics: [client], edit }] : [];
  });
}

/** The config file that applies (its text as the editor holds it, else on disk), or where a new one goes. */
function configTarget(context: ServerContext, setup: SpecSetup): { uri: string; text?: string; version: number | null } | undefined {
  const existing = setup.config?.path;
  if (existing) {
    const uri = pathToFileURL(existing).toString();
    const open = context.documents.get(uri);
    if (open) return { uri, text: open.getText(), version: open.version };
    try {
      return { uri, text: readFileSync(existing, 'utf8'), version: null };
    } catch {
      return undefined;
    }
  }
  const folder = setup.workspaceFolder;
  return folder ? { uri: pathToFileURL(path.join(folder, NEW_CONFIG_NAME)).toString(), version: null } : undefined;
}

function addEdit(uri: string, text: string, version: number | null, name: string, documentChanges: boolean): WorkspaceEdit | undefined {
  let edits: TextEdit[];
  try {
    const raw =
      appendName(text, name) ??
      modify(text, ['rest', 'existingNames', -1], name, { isArrayInsertion: true, formattingOptions: formattingOf(text) });
    edits = raw.map((edit) => ({
      range: { start: offsetToPosition(text, edit.offset), end: offsetToPosition(text, edit.offset + edit.length) },
      newText: edit.content,
    }));
  } catch {
    return undefined; // `rest` or `existingNames` is not an object or list: the config's own diagnostic says so
  }
  if (edits.length === 0) return undefined;
  return documentChanges ? { documentChanges: [{ textDocument: { uri, version }, edits }] } : { changes: { [uri]: edits } };
}

function createEdit(uri: string, name: string, documentChanges: boolean): WorkspaceEdit | undefined {
  if (!documentChanges) return undefined; // only documentChanges can create a file
  const text = `${JSON.stringify({ rest: { existingNames: [name] } }, null, 2)}\n`;
  const start = { line: 0, character: 0 };
  return {
    documentChanges: [
      { kind: 'create', uri, options: { ignoreIfExists: true } },
      { textDocument: { uri, version: null }, edits: [{ range: { start, end: start }, newText: text }] },
    ],
  };
}

/**
 * The edits that add `name` to `rest.existingNames` (and the keys on the way, if missing) by
 * appending one member to the nearest container that exists and is written over several lines.
 * Made here since jsonc-parser's `modify` reformats the member before the new one (moving a
 * `// comment` after it onto the new member, re-wrapping `{ "tab": "error" }`). Undefined: another
 * case (an empty or one-line container), which `modify` handles.
 */
function appendName(text: string, name: string): Edit[] | undefined {
  const root = parseTree(text);
  if (!root) return undefined;
  const { insertSpaces, tabSize } = formattingOf(text);
  const unit = insertSpaces ? ' '.repeat(tabSize ?? 2) : '\t';
  const item = JSON.stringify(name);
  const list = findNodeAtLocation(root, ['rest', 'existingNames']);
  if (list) return list.type === 'array' ? appendMember(text, list, [item]) : undefined;
  const rest = findNodeAtLocation(root, ['rest']);
  const names = ['"existingNames": [', `${unit}${item}`, ']'];
  if (rest) return rest.type === 'object' ? appendMember(text, rest, names) : undefined;
  return root.type === 'object' ? appendMember(text, root, ['"rest": {', ...names.map((line) => unit + line), '}']) : undefined;
}

/** Appends a member (its lines, indented relative to it) after the container's last one, on lines of its own. */
function appendMember(text: string, container: JsonNode, lines: readonly string[]): Edit[] | undefined {
  const last = container.children?.at(-1);
  if (!last) return undefined;
  let after = last.offset + last.length;
  const close = container.offset + container.length - 1;
  if (!text.slice(after, close).includes('\n')) return undefined;
  const edits: Edit[] = [];
  const comma = /^[ \t]*,/.exec(text.slice(after));
  if (comma) after += comma[0].length;
  else edits.push({ offset: after, length: 0, content: ',' });
  let lineEnd = text.indexOf('\n', after);
  if (lineEnd < 0 || lineEnd > close) return undefined;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  // Only a line comment (or nothing) may follow the last member on its line.
  if (!/^[ \t]*(?:\/\/.*)?$/.test(text.slice(after, lineEnd))) return undefined;
  const lineStart = text.lastIndexOf('\n', last.offset) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  edits.push({ offset: lineEnd, length: 0, content: lines.map((line) => `${eol}${indent}${line}`).join('') });
  return edits;
}

/** The file's own indentation (its first indented line), so that added lines look like the others. */
function formattingOf(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (indent?.startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
  return { insertSpaces: true, tabSize: indent ? indent.length : 2, eol };
}
