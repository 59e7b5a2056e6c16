// The messages between the extension and the preview's webview (webview/main.ts). Both sides are
// ours, but what comes from the webview is checked anyway: it runs the rendered spec, and a message
// that is not one of these is dropped rather than acted on.

export type MarkerSeverity = 'error' | 'warning' | 'information' | 'hint';

/** A diagnostic as the preview shows it: a thin mark in the margin beside the block of `line`. */
export interface PreviewMarker {
  /** Its position in the list the extension sent last (what a click sends back). */
  readonly index: number;
  /** 0-based source line of the diagnostic's start. */
  readonly line: number;
  readonly severity: MarkerSeverity;
  readonly message: string;
}

export type ReferenceRole = 'doc' | 'ref' | 'link';

/** Extension → webview. */
export type ToWebview =
  /**
   * The rendered body of `version`; `imageBase` is the document's folder as a webview URI;
   * `resource` the document's URI, kept in the webview's state for the panel's restore after a reload.
   */
  | {
      readonly type: 'render';
      readonly version: number;
      readonly html: string;
      readonly imageBase: string;
      readonly remoteImages: boolean;
      readonly resource: string;
      /** When (Date.now()) the edit of this version came, the request went and its answer came: for the tests' timing. */
      readonly timing?: { readonly changed: number; readonly requested: number; readonly answered: number };
    }
  /** The editor scrolled: show source line `line` (fractional) at the top. */
  | { readonly type: 'scrollToLine'; readonly line: number }
  | { readonly type: 'markers'; readonly markers: readonly PreviewMarker[] };

/** Webview → extension. */
export type FromWebview =
  | { readonly type: 'ready' }
  /** The preview scrolled: source line `line` (fractional) is at its top. */
  | { readonly type: 'revealLine'; readonly line: number }
  /** A click on a heading (or a block): select source line `line` in the editor. */
  | { readonly type: 'selectLine'; readonly line: number }
  | { readonly type: 'openExternal'; readonly href: string }
  /**
   * A link to another place of the workspace, from the block at `line`: a `:doc:` (`target`: the
   * document name as written), a `:ref:` to a label this document lacks, or a relative link.
   */
  | { readonly type: 'openReference'; readonly role: ReferenceRole; readonly target: string; readonly line: number }
  | { readonly type: 'revealMarker'; readonly index: number };

const MAX_TEXT = 2048;

const isLine = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value < 1e8;
const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_TEXT;

/** `value` as a webview message, or undefined when it is not exactly one of them. */
export function fromWebview(value: unknown): FromWebview | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
      return { type: 'ready' };
    case 'revealLine':
    case 'selectLine':
      return isLine(message.line) ? { type: message.type, line: message.line } : undefined;
    case 'openExternal':
      return isText(message.href) && externalLink(message.href) ? { type: 'openExternal', href: message.href } : undefined;
    case 'openReference':
      return (message.role === 'doc' || message.role === 'ref' || message.role === 'link') &&
        isText(message.target) &&
        message.target.trim() &&
        isLine(message.line)
        ? { type: 'openReference', role: message.role, target: message.target.trim(), line: Math.floor(message.line) }
        : undefined;
    case 'revealMarker':
      return Number.isInteger(message.index) && (message.index as number) >= 0
        ? { type: 'revealMarker', index: message.index as number }
        : undefined;
    default:
      return undefined;
  }
}

/** Whether a link leaves the editor (opened in the browser or mail client, on click only). */
export function externalLink(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href.trim());
}

/**
 * What a link in the preview is: `fragment` (a place in this document), `external` (the browser),
 * `document` (another file of the workspace: a `:doc:`, a resolved `:ref:`, a relative link) or
 * `none` (javascript:, data:, file:, ... never followed).
 */
export function linkKind(href: string): 'fragment' | 'external' | 'document' | 'none' {
  const trimmed = href.trim();
  if (trimmed.startsWith('#')) return 'fragment';
  if (externalLink(trimmed)) return 'external';
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//') || trimmed === '') return 'none';
  return 'document';
}
