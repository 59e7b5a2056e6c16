// Every rest-* diagnostic the engine gives on the real specs of ../shared/corpus, compared with a
// reviewed snapshot: each entry there is a real defect of that spec.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateDocument } from '../../../server/src/engine';
import { parseSpec } from '../../../server/src/rst/parse';
import { ruleById } from '../../../server/src/rules';
import { restRules } from '../../../server/src/rules/rest';
import { ApiNameIndex, type ExistingApiNames } from '../../../server/src/rules/rest/api-names';
import { buildOutline } from '../../../server/src/template/outline';
import { buildTemplate, type Template } from '../../../server/src/template/model';
import { repoRoot } from '../../helpers';

const corpus = resolve(repoRoot, '..', 'shared', 'corpus');
const snapshotPath = resolve(__dirname, 'corpus-rest-diagnostics.json');

interface Entry {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly message: string;
}

function restDiagnostics(
  text: string,
  template: Template,
  existingApiNames?: ExistingApiNames,
): { line: number; code: string; message: string }[] {
  const doc = parseSpec(text);
  const registered = restRules.every((rule) => ruleById.has(rule.id));
  if (registered) {
    return validateDocument(doc, template, { existingApiNames })
      .filter((diagnostic) => diagnostic.code.startsWith('rest-'))
      .map(({ code, message, range }) => ({ line: range.start.line + 1, code, message }));
  }
  // Until the rules are registered in server/src/rules/index.ts, run them as the engine does.
  const options = { maxLineLength: 79, optionalSections: ['History'] };
  const context = { doc, template, options, outline: buildOutline(doc, template, options.optionalSections) };
  return restRules
    .flatMap((rule) =>
      rule
        .check(context)
        .map(({ message, range }) => ({ line: range.start.line + 1, code: rule.id, message, character: range.start.character })),
    )
    .sort((a, b) => a.line - b.line || a.character - b.character)
    .map(({ line, code, message }) => ({ line, code, message }));
}

test('rest-* diagnostics on the real specs match the reviewed snapshot', { timeout: 120_000 }, (t) => {
  const manifestPath = resolve(corpus, 'MANIFEST.tsv');
  if (!existsSync(manifestPath)) {
    t.skip(`no corpus at ${corpus}`);
    return;
  }
  const [header, ...rows] = readFileSync(manifestPath, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split('\t'));
  const column = (name: string) => header.indexOf(name);
  const templates = new Map<string, Template>();
  const entries: Entry[] = [];
  // As the CLI checks a repo: the API names its other specs use are existing names (rest-url).
  const indexes = new Map<string, ApiNameIndex>();
  for (const row of rows) {
    const repo = row[column('repo')];
    if (!indexes.has(repo)) indexes.set(repo, new ApiNameIndex());
    const file = `${repo}/${row[column('path')]}`;
    indexes.get(repo)!.add(file, readFileSync(resolve(corpus, file), 'utf8'));
  }
  for (const row of rows) {
    const repo = row[column('repo')];
    const file = `${repo}/${row[column('path')]}`;
    const templatePath = resolve(corpus, repo, row[column('template')]);
    let template = templates.get(templatePath);
    if (!template) {
      template = buildTemplate(readFileSync(templatePath, 'utf8'), templatePath);
      templates.set(templatePath, template);
    }
    for (const diagnostic of restDiagnostics(readFileSync(resolve(corpus, file), 'utf8'), template, indexes.get(repo)!.forSpec(file))) {
      entries.push({ file, ...diagnostic });
    }
  }
  assert.equal(rows.length, 294);
  // One order whatever the rules' order in the registry.
  entries.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.code.localeCompare(b.code) || a.message.localeCompare(b.message),
  );
  if (process.env.UPDATE_REST_SNAPSHOT === '1') writeFileSync(snapshotPath, `${JSON.stringify(entries, null, 2)}\n`);
  const snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8')) as Entry[];
  assert.deepEqual(entries, snapshot);
});
