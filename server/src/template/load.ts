import { readFileSync, readdirSync, statSync, realpathSync } from 'node:fs';
import { posix as path } from 'node:path';
import { describeFsError, readRegularFile } from '../node-files';
import { normalisePath } from '../paths';
import { BUNDLED_TEMPLATE_PATH } from '../bundled-template';
import { buildTemplate, type Template, TemplateError } from './model';
import type { TemplateFiles } from './locate';
import { decodeSpec } from '../encoding';

/**
 * A symbolic link that git checked out as a plain file (core.symlinks off, or a copy of the tree):
 * its whole text is the name of the file it points to, beside it (nova-specs' backlog-template.rst
 * holds `2027.1-template.rst`). Only a plain file name is followed, so it stays in the same folder.
 */
const LINK_TEXT = /^[\w.-]+\.rst$/;

export function linkTarget(text: string): string | undefined {
  return text.length < 256 && LINK_TEXT.test(text.trim()) ? text.trim() : undefined;
}

export const nodeTemplateFiles: TemplateFiles = {
  exists(filePath) {
    try {
      // A missing file answered without an exception: lookups ask for many that are not there.
      return statSync(filePath, { throwIfNoEntry: false })?.isFile() ?? false;
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
  realPath(filePath) {
    try {
      return normalisePath(realpathSync(filePath));
    } catch {
      return filePath;
    }
  },
};

/** How the cache reads template files: from disk, or (web build) from texts the client sent. */
export interface TemplateReader {
  /** A stamp that changes with the file; throws TemplateError when it is missing or not a file. */
  stamp(filePath: string): string;
  /** The file's text; throws TemplateError when it cannot be read. */
  read(filePath: string): string;
  /** The bundled Senlin template's text. */
  bundledText(): string;
}

export const nodeTemplateReader: TemplateReader = {
  stamp(filePath) {
    try {
      const stat = statSync(filePath);
      if (!stat.isFile()) throw new TemplateError(`the template ${filePath} is not a file`);
      return `${stat.mtimeMs}:${stat.size}`;
    } catch (error) {
      if (error instanceof TemplateError) throw error;
      throw new TemplateError(`the template ${filePath} does not exist or cannot be read`);
    }
  },
  read(filePath) {
    let bytes: Buffer;
    try {
      // A regular file of at most 20 MB: a template linked to /dev/zero or of 50 MB is refused unread.
      bytes = readRegularFile(filePath);
    } catch (error) {
      throw new TemplateError(`the template ${filePath} cannot be read (${describeFsError(error)})`);
    }
    return templateText(filePath, bytes);
  },
  bundledText: () => readFileSync(BUNDLED_TEMPLATE_PATH, 'utf8'),
};

/**
 * A template's text. One that is not UTF-8 is refused, not read with U+FFFD for its bad bytes:
 * fixes would then write those into the specs' titles (encoding.ts).
 */
export function templateText(filePath: string, bytes: Uint8Array): string {
  const { text, undecodable } = decodeSpec(bytes);
  if (undecodable) {
    throw new TemplateError(
      `the template ${filePath} is not valid UTF-8 (line ${undecodable.line + 1}, column ${undecodable.character + 1})`,
    );
  }
  return text;
}

/** Loads templates, caching each by path and stamp (modification time and size, on disk). */
export class TemplateCache {
  private readonly cache = new Map<string, { stamp: string; template: Template }>();
  private bundled: Template | undefined;

  constructor(readonly reader: TemplateReader = nodeTemplateReader) {}

  bundledTemplate(): Template {
    this.bundled ??= buildTemplate(this.reader.bundledText(), 'bundled');
    return this.bundled;
  }

  /** The template at `filePath`; throws TemplateError with a message fit for the user. */
  load(filePath: string): Template {
    const stamp = this.reader.stamp(filePath);
    const cached = this.cache.get(filePath);
    if (cached?.stamp === stamp) return cached.template;
    const text = this.reader.read(filePath);
    const target = linkTarget(text);
    const template =
      target && target !== path.basename(filePath)
        ? this.loadLinked(path.join(path.dirname(filePath), target), filePath)
        : buildTemplate(text, filePath);
    this.cache.set(filePath, { stamp, template });
    return template;
  }

  /** The target of a template that is a symbolic link stored as text: read once, not followed further. */
  private loadLinked(targetPath: string, linkPath: string): Template {
    const text = this.reader.read(targetPath);
    if (linkTarget(text)) throw new TemplateError(`the template ${linkPath} names ${targetPath}, which names another file in turn`);
    return buildTemplate(text, targetPath);
  }

  forget(filePath?: string): void {
    if (filePath === undefined) this.cache.clear();
    else this.cache.delete(filePath);
  }
}
