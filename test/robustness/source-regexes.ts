// The regex literals written in server/src, read with the TypeScript parser: the linear-time test
// covers a new pattern without anyone listing it, and the rewrite tests read the patterns as shipped.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../helpers';

export interface Pattern {
  readonly regexp: RegExp;
  /** `file:line`, or `run time` for a pattern only seen running. */
  readonly where: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Every regex literal in the files under `folder` (default: server/src), with its file and line. */
export function literalPatterns(folder = resolve(repoRoot, 'server', 'src')): Pattern[] {
  const patterns: Pattern[] = [];
  const files = statSync(folder).isDirectory() ? sourceFiles(folder) : [folder];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const slash = text.lastIndexOf('/');
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        patterns.push({ regexp: new RegExp(text.slice(1, slash), text.slice(slash + 1)), where: `${relative(repoRoot, file)}:${line}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return patterns;
}

/** The one regex literal of a server/src file whose source contains `marker`. */
export function sourcePattern(file: string, marker: string): RegExp {
  const found = literalPatterns(resolve(repoRoot, 'server', 'src', file)).filter(({ regexp }) => regexp.source.includes(marker));
  if (found.length !== 1) throw new Error(`${found.length} patterns in ${file} contain ${marker}`);
  return found[0].regexp;
}
