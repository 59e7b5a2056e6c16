import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildTemplate, type Template } from '../../server/src/template/model';
import { corpusRoot } from '../helpers';

export interface CorpusSpec {
  readonly repo: string;
  readonly path: string;
  readonly file: string;
  readonly templateFile: string;
  readonly release: string;
  readonly peerPass: boolean;
  readonly peerFailures: readonly string[];
}

/** The public corpus' specs, as MANIFEST.tsv lists them (read at run time; never copied here). */
export function readManifest(): CorpusSpec[] {
  const [, ...rows] = readFileSync(resolve(corpusRoot, 'MANIFEST.tsv'), 'utf8').trimEnd().split('\n');
  return rows.map((row) => {
    const [repo, path, , , template, , release, peerPass, peerFailures] = row.split('\t');
    return {
      repo,
      path,
      file: resolve(corpusRoot, repo, path),
      templateFile: resolve(corpusRoot, repo, template),
      release,
      peerPass: peerPass === 'pass',
      peerFailures: peerFailures ? peerFailures.split(' | ') : [],
    };
  });
}

/** The sections the specs repos' own checks treat as optional for a release. */
export function peerOptionalSections(release: string): string[] {
  return release === 'queens' ? ['History', 'Upgrade impact'] : ['History', 'Feature Liaison'];
}

const templates = new Map<string, Template>();
export function corpusTemplate(file: string): Template {
  let template = templates.get(file);
  if (!template) {
    template = buildTemplate(readFileSync(file, 'utf8'), file);
    templates.set(file, template);
  }
  return template;
}
