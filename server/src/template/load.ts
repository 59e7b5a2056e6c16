import { readFileSync, readdirSync, statSync } from 'node:fs';
import { BUNDLED_TEMPLATE_PATH } from '../bundled-template';
import { buildTemplate, type Template, TemplateError } from './model';
import type { TemplateFiles } from './locate';

export const nodeTemplateFiles: TemplateFiles = {
  exists(filePath) {
    try {
      return statSync(filePath).isFile();
    } catch {
      return false;
    }
  },
  list(folder) {
    try {
      return readdirSync(folder);
    } catch {
      return [];
    }
  },
};

/** Loads templates from disk, caching each by path and modification time. */
export class TemplateCache {
  private readonly cache = new Map<string, { stamp: string; template: Template }>();
  private bundled: Template | undefined;

  bundledTemplate(): Template {
    this.bundled ??= buildTemplate(readFileSync(BUNDLED_TEMPLATE_PATH, 'utf8'), 'bundled');
    return this.bundled;
  }

  /** The template at `filePath`; throws TemplateError with a message fit for the user. */
  load(filePath: string): Template {
    let stamp: string;
    try {
      const stat = statSync(filePath);
      if (!stat.isFile()) throw new TemplateError(`the template ${filePath} is not a file`);
      stamp = `${stat.mtimeMs}:${stat.size}`;
    } catch (error) {
      if (error instanceof TemplateError) throw error;
      throw new TemplateError(`the template ${filePath} does not exist or cannot be read`);
    }
    const cached = this.cache.get(filePath);
    if (cached?.stamp === stamp) return cached.template;
    let text: string;
    try {
      text = readFileSync(filePath, 'utf8');
    } catch (error) {
      throw new TemplateError(`the template ${filePath} cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`);
    }
    const template = buildTemplate(text, filePath);
    this.cache.set(filePath, { stamp, template });
    return template;
  }

  forget(filePath?: string): void {
    if (filePath === undefined) this.cache.clear();
    else this.cache.delete(filePath);
  }
}
