// node:url for the web build: file: URLs and POSIX paths.
export function fileURLToPath(url: string | URL): string {
  const text = typeof url === 'string' ? url : url.href;
  const match = /^file:\/\/[^/]*(\/[^?#]*)/.exec(text);
  if (!match) throw new TypeError(`not a file: URL: ${text}`);
  return decodeURIComponent(match[1]);
}

export function pathToFileURL(filePath: string): URL {
  return new URL(`file://${filePath.split('/').map(encodeURIComponent).join('/')}`);
}

export default { fileURLToPath, pathToFileURL };
