// The rule pages (docs/rules/<id>.md) for SARIF's rule help. They ship with the npm package beside
// the bundle (server/out/../../docs/rules); from the sources they are further up.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export interface RuleHelp {
  /** The page's first paragraph under "What it reports", on one line. */
  readonly summary: string;
  readonly markdown: string;
  readonly text: string;
}

let folder: string | null | undefined;
const pages = new Map<string, RuleHelp | undefined>();

function docsFolder(): string | undefined {
  if (folder === undefined) {
    folder = null;
    for (let dir = __dirname, depth = 0; depth < 6; dir = path.dirname(dir), depth++) {
      const candidate = path.join(dir, 'docs', 'rules');
      if (existsSync(path.join(candidate, 'README.md'))) {
        folder = candidate;
        break;
      }
    }
  }
  return folder ?? undefined;
}

/** The help of a rule from its page, or undefined when the page is not there. */
export function ruleHelp(id: string): RuleHelp | undefined {
  if (pages.has(id)) return pages.get(id);
  const dir = docsFolder();
  let help: RuleHelp | undefined;
  if (dir && /^[a-z][a-z0-9-]*$/.test(id)) {
    try {
      help = fromMarkdown(readFileSync(path.join(dir, `${id}.md`), 'utf8'));
    } catch {
      help = undefined; // a rule without a page: SARIF then carries its short description only
    }
  }
  pages.set(id, help);
  return help;
}

export function fromMarkdown(source: string): RuleHelp {
  const markdown = source.replace(/\r\n?/g, '\n').trimEnd() + '\n';
  const lines = markdown.split('\n');
  const heading = lines.findIndex((line) => /^## What it reports\s*$/.test(line));
  const paragraph: string[] = [];
  for (const line of lines.slice(heading < 0 ? 1 : heading + 1)) {
    if (line.trim() === '') {
      if (paragraph.length > 0) break;
      continue;
    }
    if (/^#/.test(line) || /^\*\*Default severity/.test(line)) continue;
    paragraph.push(line.trim());
  }
  // Plain text: the same page without Markdown's marks (headings, emphasis, code fences, links).
  const text = lines
    .filter((line) => !/^\s*(```|~~~)/.test(line))
    .map((line) =>
      line
        .replace(/^#+\s+/, '')
        .replace(/\*\*([^*]+)\*\*/g, '$1')
        .replace(/\[([^[\]]+)\]\([^()]+\)/g, '$1'),
    )
    .join('\n');
  return { summary: paragraph.join(' '), markdown, text };
}
