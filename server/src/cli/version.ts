import { readFileSync } from 'node:fs';
import * as path from 'node:path';

let version: string | undefined;

/** The version in rst-specs' package.json, found above this file (bundled in server/out or run from server/src). */
export function cliVersion(): string {
  if (version !== undefined) return version;
  version = 'unknown';
  for (let folder = __dirname, depth = 0; depth < 5; folder = path.dirname(folder), depth++) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'rst-specs' && manifest.version) {
        version = manifest.version;
        break;
      }
    } catch {
      // No package.json here: look further up.
    }
  }
  return version;
}
