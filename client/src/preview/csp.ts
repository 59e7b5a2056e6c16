// The preview's page: a shell with a strict Content-Security-Policy. The rendered spec comes later,
// by message, into <main>; the page itself holds no text of the spec.

export interface ShellOptions {
  /** `webview.cspSource`: the origin of the extension's and the workspace's resources. */
  readonly cspSource: string;
  /** Fresh for every page (`nonce()`): only the preview's own script runs. */
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  /** rstSpecs.preview.remoteImages: https images allowed (as markdown.preview's "Allow insecure content" is not). */
  readonly remoteImages: boolean;
}

/**
 * No inline script, no eval, no inline style sheet, no frames, no fetches; images only from the
 * workspace and the extension (and data: URIs), and from https: only when the user allowed it.
 */
export function contentSecurityPolicy(options: Pick<ShellOptions, 'cspSource' | 'nonce' | 'remoteImages'>): string {
  const images = [options.cspSource, 'data:', ...(options.remoteImages ? ['https:'] : [])].join(' ');
  return [
    "default-src 'none'",
    `img-src ${images}`,
    `style-src ${options.cspSource}`,
    `font-src ${options.cspSource}`,
    `script-src 'nonce-${options.nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function shellHtml(options: ShellOptions): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(contentSecurityPolicy(options))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attribute(options.styleUri)}">
</head>
<body>
<div id="markers" aria-label="Problems"></div>
<main id="content" class="document"></main>
<script nonce="${attribute(options.nonce)}" src="${attribute(options.scriptUri)}"></script>
</body>
</html>`;
}

/** 32 random characters from [A-Za-z0-9] (the Web Crypto API: in Node 20 and in web extension hosts). */
export function nonce(random: (bytes: Uint8Array) => Uint8Array = (bytes) => globalThis.crypto.getRandomValues(bytes)): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(random(new Uint8Array(32)), (byte) => alphabet[byte % alphabet.length]).join('');
}
