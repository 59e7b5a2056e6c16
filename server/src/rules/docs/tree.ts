// The docs tree a spec is built in: the nearest `conf.py` above it (in a folder on the way up, or
// in its `doc/source/`), read as text for its `extensions` (never run), cached by the file's stamp.
import { posix as path } from 'node:path';
import type { TemplateFiles } from '../../template/locate';
import type { TemplateReader } from '../../template/load';
import { type DocsSetup, readConfPy } from './names';

export class ConfTrees {
  private readonly parsed = new Map<string, { stamp: string; setup: DocsSetup }>();

  constructor(
    private readonly files: TemplateFiles,
    private readonly reader: TemplateReader,
  ) {}

  /** The conf.py that builds `specPath`: searched upward, no higher than the workspace folder. */
  confFor(specPath: string, workspaceFolder?: string): string | undefined {
    const top = workspaceFolder ? path.normalize(workspaceFolder) : undefined;
    let dir = path.dirname(path.normalize(specPath));
    for (let depth = 0; depth < 64; depth++) {
      for (const candidate of [path.join(dir, 'conf.py'), path.join(dir, 'doc', 'source', 'conf.py')]) {
        if (this.files.exists(candidate)) return candidate;
      }
      const parent = path.dirname(dir);
      if (dir === top || parent === dir) break;
      dir = parent;
    }
    return undefined;
  }

  /** What the spec's conf.py says (extensions null: none found, or no plain `extensions` list in it). */
  setupFor(specPath: string, workspaceFolder?: string): DocsSetup {
    const conf = this.confFor(specPath, workspaceFolder);
    if (!conf) return { extensions: null };
    try {
      const stamp = this.reader.stamp(conf);
      const cached = this.parsed.get(conf);
      if (cached?.stamp === stamp) return cached.setup;
      const setup = readConfPy(this.reader.read(conf));
      this.parsed.set(conf, { stamp, setup });
      return setup;
    } catch {
      // there is a conf.py, but it could not be read: what it adds is unknown
      return { extensions: null, unknown: true };
    }
  }
}
