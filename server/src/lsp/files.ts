// How the language server reads the files a check needs besides the spec (templates, config files):
// from disk (file: URIs, Node), or through the client (`rst-specs/readDirectory`, `rst-specs/readFile`)
// where the server has no file system (the web build) or the URI is not a file (virtual workspaces).
// Template lookup and the engine are synchronous, so the client's answers are fetched ahead
// (`prefetch`) and kept until the client reports a change.
import { posix as path } from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { findConfigFor, type LoadedConfig, parseConfig } from '../config';
import { CONFIG_FILE_NAMES } from '../config/parse';
import { BUNDLED_TEMPLATE_PATH } from '../bundled-template';
import { nodeTemplateFiles, nodeTemplateReader, type TemplateReader } from '../template/load';
import type { TemplateFiles } from '../template/locate';
import { TemplateError } from '../template/model';

export { READ_DIRECTORY_REQUEST, READ_FILE_REQUEST } from '../protocol';
import { READ_DIRECTORY_REQUEST, READ_FILE_REQUEST } from '../protocol';

export interface FileAccess {
  readonly files: TemplateFiles;
  readonly reader: TemplateReader;
  /** Reads ahead the listings of `folders` (the client access; nothing to do on disk). */
  prefetchFolders(folders: readonly string[]): Promise<void>;
  /** Reads ahead a file's text. */
  prefetchFile(filePath: string): Promise<void>;
  /** The config file that governs a spec: the nearest `.rst-specs.json(c)` up to `stopAt`. */
  findConfig(specPath: string, stopAt: string | undefined): LoadedConfig | undefined;
  /** Drops what was read (a file changed). */
  forget(): void;
}

export const diskAccess: FileAccess = {
  files: nodeTemplateFiles,
  reader: nodeTemplateReader,
  prefetchFolders: async () => undefined,
  prefetchFile: async () => undefined,
  findConfig: (specPath, stopAt) => findConfigFor(specPath, stopAt),
  forget: () => undefined,
};

/** The bundled template's text where it cannot be read from disk (the web build embeds it). */
export type BundledText = () => string;

/** Files read through the client, for the URIs of one scheme and authority (`base`, e.g. `vscode-vfs://github`). */
export class ClientAccess implements FileAccess {
  private readonly listings = new Map<string, readonly string[] | null>();
  private readonly texts = new Map<string, { text: string | null; stamp: number }>();
  private generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly base: string,
    private readonly bundledText: BundledText = nodeTemplateReader.bundledText,
  ) {}

  readonly files: TemplateFiles = {
    exists: (filePath) => this.listings.get(path.dirname(filePath))?.includes(path.basename(filePath)) ?? false,
    list: (folder) => this.listings.get(folder) ?? [],
  };

  readonly reader: TemplateReader = {
    stamp: (filePath) => {
      const entry = this.texts.get(filePath);
      if (!entry || entry.text === null) throw new TemplateError(`the template ${filePath} does not exist or cannot be read`);
      return String(entry.stamp);
    },
    read: (filePath) => {
      const text = this.texts.get(filePath)?.text;
      if (text === undefined || text === null) throw new TemplateError(`the template ${filePath} does not exist or cannot be read`);
      return text;
    },
    bundledText: () => this.bundledText(),
  };

  uriOf(filePath: string): string {
    return `${this.base}${filePath.split('/').map(encodeURIComponent).join('/')}`;
  }

  async prefetchFolders(folders: readonly string[]): Promise<void> {
    const missing = folders.filter((folder) => !this.listings.has(folder));
    await Promise.all(
      missing.map(async (folder) => {
        const names = await this.request<string[] | null>(READ_DIRECTORY_REQUEST, folder);
        this.listings.set(folder, Array.isArray(names) ? names.filter((name) => typeof name === 'string') : null);
      }),
    );
  }

  async prefetchFile(filePath: string): Promise<void> {
    if (filePath === BUNDLED_TEMPLATE_PATH || this.texts.has(filePath)) return;
    const answer = await this.request<{ text?: unknown } | null>(READ_FILE_REQUEST, filePath);
    const text = answer && typeof answer.text === 'string' ? answer.text : null;
    this.texts.set(filePath, { text, stamp: ++this.generation });
  }

  findConfig(specPath: string, stopAt: string | undefined): LoadedConfig | undefined {
    for (let folder = path.dirname(specPath); ; folder = path.dirname(folder)) {
      for (const name of CONFIG_FILE_NAMES) {
        const candidate = path.join(folder, name);
        if (!this.files.exists(candidate)) continue;
        const text = this.texts.get(candidate)?.text;
        if (text === undefined) continue; // not read ahead: lookup reads it first (see setup.ts)
        if (text === null) {
          return { path: candidate, folder, config: {}, problems: [{ message: 'cannot be read', range: NO_RANGE }] };
        }
        const { config, problems } = parseConfig(text, candidate);
        return { path: candidate, folder, config, problems };
      }
      if (folder === stopAt || path.dirname(folder) === folder) return undefined;
    }
  }

  /** The config files that `findConfig` may read for a spec, once the folders are listed. */
  configCandidates(specPath: string, stopAt: string | undefined): string[] {
    const candidates: string[] = [];
    for (let folder = path.dirname(specPath); ; folder = path.dirname(folder)) {
      const found = CONFIG_FILE_NAMES.map((name) => path.join(folder, name)).find((candidate) => this.files.exists(candidate));
      if (found) return [...candidates, found];
      if (folder === stopAt || path.dirname(folder) === folder) return candidates;
    }
  }

  forget(): void {
    this.listings.clear();
    this.texts.clear();
  }

  private async request<T>(method: string, filePath: string): Promise<T | null> {
    try {
      return (await this.connection.sendRequest(method, { uri: this.uriOf(filePath) })) as T;
    } catch {
      return null;
    }
  }
}

const NO_RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The text without the slashes at its end (a loop: `/\/+$/` backtracks on a run of slashes). */
export function withoutTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 47) end--;
  return text.slice(0, end);
}

/** `scheme://authority` and the path of a URI (percent-decoded); undefined for a URI without a path (untitled:). */
export function splitUri(uri: string): { base: string; path: string } | undefined {
  const match = /^([a-zA-Z][\w+.-]*):\/\/([^/?#]*)(\/[^?#]*)?/.exec(uri);
  if (!match) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(match[3] ?? '/');
  } catch {
    return undefined;
  }
  return { base: `${match[1]}://${match[2]}`, path: decoded };
}
