// Template lookup in fixture trees laid out like the specs repos: nova-specs (a template per release
// beside the release folders, approved/ implemented/ abandoned/ redirects/, a backlog), heat-specs
// (specs/templates/) and Senlin (doc/specs/template.rst).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Analyzer } from '../../server/src/analyze';
import { compareReleases, isTemplateFile, locateTemplate, releaseOf, type TemplateFiles } from '../../server/src/template/locate';
import { nodeTemplateFiles } from '../../server/src/template/load';
import { repoRoot } from '../helpers';

const repos = join(repoRoot, 'test', 'fixtures', 'repos');

/** The template a spec of a fixture repo resolves to, relative to the repo. */
function templateOf(repo: string, spec: string): string {
  const root = join(repos, repo);
  const choice = locateTemplate(join(root, spec), root, undefined, nodeTemplateFiles);
  return choice.kind === 'bundled' ? 'bundled' : relative(root, choice.path);
}

test('nova-specs: each release folder (approved, implemented, abandoned, redirects) uses its own template', () => {
  assert.equal(templateOf('nova-specs', 'specs/pike/approved/pike-approved.rst'), 'specs/pike-template.rst');
  assert.equal(templateOf('nova-specs', 'specs/pike/implemented/pike-implemented.rst'), 'specs/pike-template.rst');
  assert.equal(templateOf('nova-specs', 'specs/pike/abandoned/pike-abandoned.rst'), 'specs/pike-template.rst');
  assert.equal(templateOf('nova-specs', 'specs/pike/redirects/pike-redirected.rst'), 'specs/pike-template.rst');
  assert.equal(templateOf('nova-specs', 'specs/queens/approved/queens-approved.rst'), 'specs/queens-template.rst');
  assert.equal(templateOf('nova-specs', 'specs/queens/implemented/queens-no-liaison.rst'), 'specs/queens-template.rst');
});

test("nova-specs: a numbered release uses <release>-<codename>-template.rst; the backlog the newest release's", () => {
  assert.equal(templateOf('nova-specs', 'specs/2023.1/approved/antelope-approved.rst'), 'specs/2023.1-antelope-template.rst');
  assert.equal(templateOf('nova-specs', 'specs/backlog/approved/backlog-idea.rst'), 'specs/2023.1-antelope-template.rst');
  assert.equal(templateOf('nova-specs', 'specs/backlog/backlog-idea.rst'), 'specs/2023.1-antelope-template.rst');
  // A release with no template of its own: none of the others is taken for it.
  assert.equal(templateOf('nova-specs', 'specs/rocky/approved/x.rst'), 'bundled');
});

test('heat-specs: specs/templates/<release>-template.rst, else specs/templates/template.rst', () => {
  assert.equal(templateOf('heat-specs', 'specs/newton/newton-spec.rst'), 'specs/templates/newton-template.rst');
  assert.equal(templateOf('heat-specs', 'specs/ocata/ocata-spec.rst'), 'specs/templates/ocata-template.rst');
  assert.equal(templateOf('heat-specs', 'specs/ocata/implemented/ocata-done.rst'), 'specs/templates/ocata-template.rst');
  assert.equal(templateOf('heat-specs', 'specs/pike/pike-spec.rst'), 'specs/templates/template.rst');
});

test('Senlin: the nearest template.rst, from doc/specs and from doc/specs/approved', () => {
  assert.equal(templateOf('senlin', 'doc/specs/senlin-draft.rst'), 'doc/specs/template.rst');
  assert.equal(templateOf('senlin', 'doc/specs/approved/senlin-approved.rst'), 'doc/specs/template.rst');
});

test("lookup order: the setting first, then walking up: template.rst in a folder, or a release folder's template beside it; then the bundled one", () => {
  const files = (paths: string[]): TemplateFiles => ({
    exists: (file) => paths.includes(file),
    list: (folder) => paths.filter((file) => file.startsWith(`${folder}/`)).map((file) => file.slice(folder.length + 1).split('/')[0]),
  });
  const spec = '/r/specs/pike/approved/x.rst';
  const all = files([
    '/r/specs/template.rst',
    '/r/specs/pike-template.rst',
    '/r/specs/pike-x-template.rst',
    '/r/specs/templates/pike-template.rst',
  ]);
  assert.deepEqual(locateTemplate(spec, '/r', 'docs/t.rst', all), { kind: 'setting', path: '/r/docs/t.rst' });
  assert.deepEqual(locateTemplate(spec, '/r', '/abs/t.rst', all), { kind: 'setting', path: '/abs/t.rst' });
  // specs/pike is reached before specs: its release template wins over specs/template.rst.
  assert.deepEqual(locateTemplate(spec, '/r', undefined, all), { kind: 'found', path: '/r/specs/pike-template.rst' });
  // A template.rst nearer than the release folder wins.
  const nearer = files(['/r/specs/pike/approved/template.rst', '/r/specs/pike-template.rst']);
  assert.deepEqual(locateTemplate(spec, '/r', undefined, nearer), { kind: 'found', path: '/r/specs/pike/approved/template.rst' });
  const inRelease = files(['/r/specs/pike/template.rst', '/r/specs/pike-template.rst']);
  assert.deepEqual(locateTemplate(spec, '/r', undefined, inRelease), { kind: 'found', path: '/r/specs/pike/template.rst' });
  // An old template.rst at the repo's root does not shadow specs/<release>-template.rst ...
  const oldRoot = files(['/r/template.rst', '/r/specs/pike-template.rst']);
  assert.deepEqual(locateTemplate(spec, '/r', undefined, oldRoot), { kind: 'found', path: '/r/specs/pike-template.rst' });
  // ... but is used by a release that has no template of its own.
  assert.deepEqual(locateTemplate('/r/specs/rocky/approved/y.rst', '/r', undefined, oldRoot), { kind: 'found', path: '/r/template.rst' });
  const releaseOnly = files(['/r/specs/pike-template.rst', '/r/specs/templates/pike-template.rst', '/r/specs/pike-x-template.rst']);
  assert.deepEqual(locateTemplate(spec, '/r', undefined, releaseOnly), { kind: 'found', path: '/r/specs/pike-template.rst' });
  assert.deepEqual(locateTemplate(spec, '/r', undefined, files(['/r/specs/pike-x-template.rst', '/r/specs/templates/pike-template.rst'])), {
    kind: 'found',
    path: '/r/specs/pike-x-template.rst',
  });
  // Lookup stops at the workspace folder.
  assert.deepEqual(locateTemplate('/r/w/specs/pike/x.rst', '/r/w', undefined, files(['/r/template.rst'])), { kind: 'bundled' });
  // `pike` must not take `pike2-…` or `2023.1` `2023.10-…`.
  assert.deepEqual(locateTemplate('/r/specs/2023.1/x.rst', '/r', undefined, files(['/r/specs/2023.10-a-template.rst'])), {
    kind: 'bundled',
  });
});

test('releaseOf: the folder above approved/ implemented/ …, below a specs folder', () => {
  assert.equal(releaseOf('/r/specs/queens/approved/x.rst'), 'queens');
  assert.equal(releaseOf('/r/specs/queens/x.rst'), 'queens');
  assert.equal(releaseOf('/r/specs/2023.1/implemented/x.rst'), '2023.1');
  assert.equal(releaseOf('/r/specs/backlog/approved/x.rst'), 'backlog');
  assert.equal(releaseOf('/r/doc/specs/approved/x.rst'), undefined);
  assert.equal(releaseOf('/r/specs/x.rst'), undefined);
  assert.equal(releaseOf('/r/notes/pike/x.rst'), undefined);
});

test('compareReleases: named releases alphabetically, then numbered ones by number', () => {
  const sorted = [
    '2024.1-template.rst',
    'pike-template.rst',
    '2023.2-bobcat-template.rst',
    'zed-template.rst',
    '2023.1-antelope-template.rst',
    'mitaka-template.rst',
  ];
  assert.deepEqual(sorted.sort(compareReleases), [
    'mitaka-template.rst',
    'pike-template.rst',
    'zed-template.rst',
    '2023.1-antelope-template.rst',
    '2023.2-bobcat-template.rst',
    '2024.1-template.rst',
  ]);
});

test('a template file is never a spec', () => {
  for (const file of [
    '/r/specs/template.rst',
    '/r/specs/pike-template.rst',
    '/r/specs/2023.1-antelope-template.rst',
    '/r/specs/templates/anything.rst',
  ]) {
    assert.equal(isTemplateFile(file), true, file);
  }
  assert.equal(isTemplateFile('/r/specs/pike/approved/templates-support.rst'), false);
});

test('the fixture specs are clean against the template they resolve to', () => {
  const analyzer = new Analyzer();
  const cases: [string, string, string][] = [
    ['nova-specs', 'specs/pike/approved/pike-approved.rst', 'specs/pike-template.rst'],
    ['heat-specs', 'specs/ocata/ocata-spec.rst', 'specs/templates/ocata-template.rst'],
    ['heat-specs', 'specs/pike/pike-spec.rst', 'specs/templates/template.rst'],
    ['senlin', 'doc/specs/senlin-draft.rst', 'doc/specs/template.rst'],
  ];
  for (const [repo, spec, template] of cases) {
    const root = join(repos, repo);
    const filePath = join(root, spec);
    const analysis = analyzer.analyze({ text: readFileSync(filePath, 'utf8'), filePath, workspaceFolder: root });
    assert.equal(analysis.templatePath, join(root, template), spec);
    assert.equal(analysis.templateOrigin, 'found');
    assert.deepEqual(
      analysis.diagnostics.map((d) => `${d.code}: ${d.message}`),
      [],
      spec,
    );
  }
});

test('a spec names its own template in a comment at its top (relative to its folder)', () => {
  const root = join(repos, 'senlin');
  const filePath = join(root, 'doc/specs/approved/senlin-lite.rst');
  const text = readFileSync(filePath, 'utf8');
  const analysis = new Analyzer().analyze({ text, filePath, workspaceFolder: root, templatePath: join(root, 'doc/specs/template.rst') });
  assert.equal(analysis.templateOrigin, 'spec');
  assert.equal(analysis.templatePath, join(root, 'doc/specs/spec-lite-template.rst'));
  assert.deepEqual(analysis.diagnostics, []);
  // A template that does not exist: the bundled one, and the template diagnostic says why.
  const missing = new Analyzer().analyze({
    text: text.replace('spec-lite-template.rst', 'nope-template.rst'),
    filePath,
    workspaceFolder: root,
  });
  assert.equal(missing.templateOrigin, 'bundled');
  assert.equal(missing.diagnostics[0].code, 'template');
  assert.match(missing.diagnostics[0].message, /nope-template\.rst does not exist/);
});
