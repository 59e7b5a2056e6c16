// The contract between the VS Code extension (client/src) and the language server: the commands the
// server executes, the custom requests and notifications with their parameters and results, and the
// settings keys. Both sides import the names from here, so that a name changed on one side cannot
// silently break the other (as vscode-eslint's shared protocol module); the client imports nothing
// else of the server's (test/client/contract.test.ts checks it). Types only, besides the names.
import type { Range } from './rst/types';

export { CONFIG_SETTING_KEYS } from './options';
// The server's start-up that the extension drives (its code cache, its Node options).
export {
  CODE_CACHE_DIR_ARGUMENT,
  CODE_CACHE_NOTIFICATION,
  type CodeCacheOffer,
  isCodeCacheFileName,
  isCodeCacheOffer,
} from './runtime/code-cache';
export { SERVER_ENVIRONMENT, SERVER_NODE_OPTIONS } from './runtime/node-options';

/** The settings section: `rstSpecs.<key>`. */
export const SETTINGS_SECTION = 'rstSpecs';
/** Sent by the extension inside the `rstSpecs` settings: the keys the user set (from `WorkspaceConfiguration.inspect`). */
export const USER_SET_KEY = '$userSet';

/** Commands the server executes, through workspace/executeCommand with one argument (the extension's own commands, of other names, call these). */
export const SERVER_COMMANDS = {
  /** Applies "Insert all missing sections" through workspace/applyEdit. */
  insertMissingSections: 'rst-specs.server.insertMissingSections',
  /** The text of a new spec from the template that folder uses. */
  newSpecText: 'rst-specs.server.newSpecText',
  /** Checks spec files that need not be open and publishes their diagnostics. */
  checkFiles: 'rst-specs.server.checkFiles',
  /** Moves or copies the spec (workspace/applyEdit). */
  moveSpec: 'rst-specs.server.moveSpec',
  /** The release folders of the spec's repo, newest first. */
  releases: 'rst-specs.server.releases',
} as const;

export interface InsertMissingSectionsParams {
  readonly uri: string;
  readonly version?: number;
}
export interface InsertMissingSectionsResult {
  readonly inserted: number;
  readonly applied?: boolean;
  /** Set when the document is not checked as a spec. */
  readonly reason?: string;
  /** The first inserted title. */
  readonly first?: Range;
}
export interface NewSpecTextParams {
  readonly folderUri: string;
  readonly name: string;
  readonly title?: string;
}
export interface NewSpecTextResult {
  readonly text: string;
  readonly problem?: string;
  readonly titleRange?: Range;
}
export interface CheckFilesParams {
  readonly uris: readonly string[];
}
export type RuleSeverity = 'error' | 'warning' | 'information' | 'hint';
/** Per rule id: how many diagnostics, and their severity. */
export type RuleTally = Readonly<Record<string, { readonly count: number; readonly severity: RuleSeverity }>>;
export interface CheckFilesResult {
  readonly specs: number;
  readonly problems: number;
  readonly byRule?: RuleTally;
  readonly unreadable?: string[];
}
export type MoveAction = 'implemented' | 'release' | 'abandon' | 'repropose';

/** Run by the extension after the carriage-return quick fix (the server names it in the fix): VS Code keeps a document's line endings through edits. */
export const USE_LF_COMMAND = 'rst-specs.useLfLineEndings';

/** Client to server: `{ uri }` → TemplateInfo, which template a document is checked against. */
export const TEMPLATE_FOR_REQUEST = 'rst-specs/templateFor';

export interface TemplateInfo {
  /** False when the document is not checked as a spec (then nothing else is set). */
  readonly isSpec: boolean;
  /**
   * Where the choice came from: the spec's `.. rst-specs: template=` comment, the `rstSpecs.templatePath`
   * setting, the `.rst-specs.json` file, template lookup, or the bundled default.
   */
  readonly origin?: 'spec' | 'setting' | 'config' | 'found' | 'bundled';
  /** The template file (POSIX path); for `bundled`, the copy shipped with the server. */
  readonly path?: string;
  /** A URI to open it (for `bundled`, a file: URI of the shipped copy, which a web client replaces). */
  readonly uri?: string;
  /** The path shown: relative to the workspace folder when inside it. */
  readonly label?: string;
  /** Why the chosen template could not be used (the bundled one was: `origin` is then `bundled`). */
  readonly problem?: string;
  /** The config file that applied, if any. */
  readonly configPath?: string;
  /** The template sections the spec may leave out. */
  readonly optionalSections?: readonly string[];
  /** Where that list came from: `setting`, `default`, or a file (the config, the repo's `tests/test_titles.py`), relative to the workspace folder when inside it. */
  readonly optionalSectionsSource?: string;
}

/** Client to server: `{ onlyProblems }` → the Specs view's tree (lsp/specs-index.ts). */
export const SPECS_TREE_REQUEST = 'rst-specs/specsTree';
export interface SpecsTreeParams {
  readonly onlyProblems: boolean;
}
/** Server to client, no parameters: the specs changed, ask for the tree again. */
export const SPECS_CHANGED_NOTIFICATION = 'rst-specs/specsChanged';

/** Server to client: `{ uri }` → the folder's entry names, or null (files read through the client: web, virtual workspaces). */
export const READ_DIRECTORY_REQUEST = 'rst-specs/readDirectory';
/** Server to client: `{ uri }` → `{ text }`, or null. */
export const READ_FILE_REQUEST = 'rst-specs/readFile';
export interface ReadParams {
  readonly uri: string;
}

/** Client to server: `{ uri }` → the open document rendered for the live preview (lsp/preview.ts), or null when it is not open. */
export const PREVIEW_REQUEST = 'rst-specs/preview';
export interface PreviewParams {
  readonly uri: string;
}
export interface PreviewAnswer {
  /** The document version rendered: the client drops an answer older than what it shows. */
  readonly version: number;
  readonly html: string;
  /** The document's title (plain text), '' when it has none. */
  readonly title: string;
}
