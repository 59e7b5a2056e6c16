// The repo layout (spec-location) and the repo edits (move, abandon, re-propose), on small
// generated repos and on a temporary copy of ../shared/repos/nova-specs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Analyzer } from '../../server/src/analyze';
import { misplacement, misplacementMessage } from '../../server/src/repo/layout';
import {
  abandonSpec,
  moveIntoApproved,
  moveToImplemented,
  moveToRelease,
  redirectFor,
  releasesOf,
  type RepoEdit,
  type RepoFiles,
  reproposeSpec,
  withHistoryRow,
} from '../../server/src/repo/moves';
import { applyRepoEdit } from '../../server/src/cli/move';
import { nodeTemplateFiles } from '../../server/src/template/load';
import { sharedRoot } from '../helpers';

const novaSpecs = join(sharedRoot, 'repos', 'nova-specs');
const hasNova = existsSync(join(novaSpecs, 'tests', 'test_directories.py'));

/** A repo in memory: paths to texts (folders implied). */
function memoryRepo(files: Record<string, string>): RepoFiles & { files: Map<string, string> } {
  const map = new Map(Object.entries(files));
  return {
    files: map,
    list: (folder) => [
      ...new Set(
        [...map.keys()].filter((file) => file.startsWith(`${folder}/`)).map((file) => file.slice(folder.length + 1).split('/')[0]),
      ),
    ],
    read: (file) => map.get(file),
  };
}

/** Applies a repo edit to the in-memory repo (as the editor would), returning the undo (the files before). */
function applyInMemory(repo: ReturnType<typeof memoryRepo>, edit: RepoEdit): Map<string, string> {
  const before = new Map(repo.files);
  const disk = mkdtempSync(join(tmpdir(), 'rst-specs-moves-'));
  try {
    for (const [file, text] of repo.files) {
      mkdirSync(join(disk, file, '..'), { recursive: true });
      writeFileSync(join(disk, file), text);
    }
    const on = (file: string) => join(disk, file);
    applyRepoEdit({
      ...edit,
      changes: edit.changes.map((change) =>
        change.kind === 'rename' ? { ...change, from: on(change.from), to: on(change.to) } : { ...change, path: on(change.path) },
      ),
    });
    repo.files.clear();
    const walk = (folder: string, relative: string) => {
      for (const name of readdirSync(folder, { withFileTypes: true })) {
        if (name.isDirectory()) walk(join(folder, name.name), `${relative}/${name.name}`);
        else repo.files.set(`${relative}/${name.name}`, readFileSync(join(folder, name.name), 'utf8'));
      }
    };
    walk(disk, '');
  } finally {
    rmSync(disk, { recursive: true, force: true });
  }
  return before;
}

const SPEC = 'Title\n=====\n\nText.\n';

function novaLike() {
  return memoryRepo({
    '/r/tox.ini': '',
    '/r/specs/2024.1/approved/a.rst': SPEC,
    '/r/specs/2024.1/implemented/b.rst': SPEC,
    '/r/specs/2024.1/redirects': 'approved/b.rst ../implemented/b.rst\n',
    '/r/specs/2024.2/approved/c.rst': SPEC,
    '/r/specs/backlog/approved/d.rst': SPEC,
    '/r/specs/abandoned/e.rst': SPEC,
  });
}

test('redirect lines as nova-specs tools/lib.py move_spec writes them', () => {
  assert.deepEqual(redirectFor('/r/specs/2024.1/approved/a.rst', '/r/specs/2024.1/implemented/a.rst'), {
    file: '/r/specs/2024.1/redirects',
    line: 'approved/a.rst ../implemented/a.rst\n',
  });
  assert.deepEqual(redirectFor('/r/specs/2024.1/approved/a.rst', '/r/specs/2024.2/approved/a.rst'), {
    file: '/r/specs/2024.1/redirects',
    line: 'approved/a.rst ../../2024.2/approved/a.rst\n',
  });
  assert.deepEqual(redirectFor('/r/specs/backlog/approved/d.rst', '/r/specs/abandoned/d.rst'), {
    file: '/r/specs/backlog/redirects',
    line: 'approved/d.rst ../../abandoned/d.rst\n',
  });
});

test('spec-location: a spec directly in specs/<release>/ or in another folder there, with the message of test_directories.py', () => {
  const repo = novaLike();
  repo.files.set('/r/specs/2024.1/new.rst', SPEC);
  repo.files.set('/r/specs/2024.1/drafts/other.rst', SPEC);
  assert.deepEqual(misplacement('/r/specs/2024.1/new.rst', repo), {
    release: '2024.1',
    releaseFolder: 'specs/2024.1',
    approvedFolder: 'specs/2024.1/approved',
    target: '/r/specs/2024.1/approved/new.rst',
  });
  assert.equal(misplacement('/r/specs/2024.1/drafts/other.rst', repo)?.target, '/r/specs/2024.1/approved/other.rst');
  assert.equal(
    misplacementMessage(misplacement('/r/specs/2024.1/new.rst', repo)!),
    "Found unexpected file in 'specs/2024.1', specs should be submitted to 'specs/2024.1/approved'",
  );
  // Where the test is happy: approved/, implemented/, specs/abandoned/.
  for (const ok of [
    '/r/specs/2024.1/approved/a.rst',
    '/r/specs/2024.1/implemented/b.rst',
    '/r/specs/abandoned/e.rst',
    '/r/specs/backlog/approved/d.rst',
  ]) {
    assert.equal(misplacement(ok, repo), undefined, ok);
  }
});

test('spec-location: only a top-level specs/ folder of a repo that uses the layout', () => {
  // heat-specs keeps specs in the release folder itself: not its layout.
  const heat = memoryRepo({
    '/h/tox.ini': '',
    '/h/specs/ocata/x.rst': SPEC,
    '/h/specs/ocata/implemented/y.rst': SPEC,
    '/h/specs/newton/z.rst': SPEC,
  });
  assert.equal(misplacement('/h/specs/ocata/x.rst', heat), undefined);
  // Only implemented/ folders and no spec directly in a release folder: the layout.
  const implemented = memoryRepo({ '/i/tox.ini': '', '/i/specs/ocata/x.rst': SPEC, '/i/specs/newton/implemented/y.rst': SPEC });
  assert.equal(misplacement('/i/specs/ocata/x.rst', implemented)?.approvedFolder, 'specs/ocata/approved');
  // The docs tree's view of the specs (doc/source/specs/<release>/) is not what the test reads.
  const docs = memoryRepo({
    '/r/tox.ini': '',
    '/r/doc/source/specs/2024.1/x.rst': SPEC,
    '/r/doc/source/specs/2024.1/approved/y.rst': SPEC,
  });
  assert.equal(misplacement('/r/doc/source/specs/2024.1/x.rst', docs), undefined);
  // Without a repo marker, the workspace folder is the repo.
  const bare = memoryRepo({ '/w/specs/pike/approved/a.rst': SPEC, '/w/specs/pike/b.rst': SPEC });
  assert.equal(misplacement('/w/specs/pike/b.rst', bare), undefined);
  assert.equal(misplacement('/w/specs/pike/b.rst', bare, '/w')?.target, '/w/specs/pike/approved/b.rst');
});

test('spec-location: the analyzer reports it as an error, once, on the first line', () => {
  const root = mkdtempSync(join(tmpdir(), 'rst-specs-location-'));
  try {
    mkdirSync(join(root, 'specs', 'pike', 'approved'), { recursive: true });
    writeFileSync(join(root, 'tox.ini'), '');
    const spec = join(root, 'specs', 'pike', 'idea.rst');
    writeFileSync(spec, SPEC);
    const diagnostics = new Analyzer().analyze({ text: SPEC, filePath: spec }).diagnostics.filter((d) => d.code === 'spec-location');
    assert.deepEqual(diagnostics, [
      {
        code: 'spec-location',
        severity: 'error',
        message: "Found unexpected file in 'specs/pike', specs should be submitted to 'specs/pike/approved'",
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } },
        data: { target: join(root, 'specs', 'pike', 'approved', 'idea.rst'), release: 'pike' },
      },
    ]);
    // The fix: one rename into approved/, nothing else.
    assert.deepEqual(moveIntoApproved(spec, diagnostics[0].data!.target as string).changes, [
      { kind: 'rename', from: spec, to: join(root, 'specs', 'pike', 'approved', 'idea.rst') },
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('move to implemented: the rename and the redirect line appended, byte-exact; undo restores every file', () => {
  const repo = novaLike();
  const edit = moveToImplemented('/r/specs/2024.1/approved/a.rst', repo);
  assert.deepEqual(edit.changes, [
    { kind: 'rename', from: '/r/specs/2024.1/approved/a.rst', to: '/r/specs/2024.1/implemented/a.rst' },
    {
      kind: 'edit',
      path: '/r/specs/2024.1/redirects',
      edits: [
        { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'approved/a.rst ../implemented/a.rst\n' },
      ],
    },
  ]);
  const before = applyInMemory(repo, edit);
  assert.equal(repo.files.get('/r/specs/2024.1/redirects'), 'approved/b.rst ../implemented/b.rst\napproved/a.rst ../implemented/a.rst\n');
  assert.equal(repo.files.get('/r/specs/2024.1/implemented/a.rst'), SPEC);
  assert.equal(repo.files.has('/r/specs/2024.1/approved/a.rst'), false);
  // Undo, as the editor does it: the rename back and the appended text removed.
  const undo: RepoEdit = {
    label: 'undo',
    result: '/r/specs/2024.1/approved/a.rst',
    changes: [
      { kind: 'rename', from: '/r/specs/2024.1/implemented/a.rst', to: '/r/specs/2024.1/approved/a.rst' },
      {
        kind: 'edit',
        path: '/r/specs/2024.1/redirects',
        edits: [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, newText: '' }],
      },
    ],
  };
  applyInMemory(repo, undo);
  assert.deepEqual(new Map([...repo.files].sort()), new Map([...before].sort()));
});

test('move to a release, abandon: redirect lines, the redirects file created where the repo uses them', () => {
  const repo = novaLike();
  const toRelease = moveToRelease('/r/specs/backlog/approved/d.rst', '2024.2', repo);
  assert.deepEqual(toRelease.changes, [
    { kind: 'rename', from: '/r/specs/backlog/approved/d.rst', to: '/r/specs/2024.2/approved/d.rst' },
    { kind: 'create', path: '/r/specs/backlog/redirects' },
    {
      kind: 'edit',
      path: '/r/specs/backlog/redirects',
      edits: [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          newText: 'approved/d.rst ../../2024.2/approved/d.rst\n',
        },
      ],
    },
  ]);
  applyInMemory(repo, toRelease);
  assert.equal(repo.files.get('/r/specs/backlog/redirects'), 'approved/d.rst ../../2024.2/approved/d.rst\n');
  const abandon = abandonSpec('/r/specs/2024.2/approved/c.rst', repo);
  assert.equal(abandon.result, '/r/specs/abandoned/c.rst');
  applyInMemory(repo, abandon);
  assert.equal(repo.files.get('/r/specs/2024.2/redirects'), 'approved/c.rst ../../abandoned/c.rst\n');
  // A redirects file without a final line break keeps its last line whole.
  repo.files.set('/r/specs/2024.1/redirects', 'approved/b.rst ../implemented/b.rst');
  applyInMemory(repo, moveToImplemented('/r/specs/2024.1/approved/a.rst', repo));
  assert.equal(repo.files.get('/r/specs/2024.1/redirects'), 'approved/b.rst ../implemented/b.rst\napproved/a.rst ../implemented/a.rst\n');
  // A repo without redirects gets none.
  const plain = memoryRepo({ '/p/tox.ini': '', '/p/specs/pike/approved/a.rst': SPEC, '/p/specs/pike/implemented/b.rst': SPEC });
  assert.deepEqual(moveToImplemented('/p/specs/pike/approved/a.rst', plain).changes, [
    { kind: 'rename', from: '/p/specs/pike/approved/a.rst', to: '/p/specs/pike/implemented/a.rst' },
  ]);
});

test('moves that cannot be made say why', () => {
  const repo = novaLike();
  assert.throws(() => moveToImplemented('/r/specs/2024.1/implemented/b.rst', repo), {
    message: 'only a spec in specs/<release>/approved/ moves to implemented/ (this one is in specs/2024.1/implemented)',
  });
  repo.files.set('/r/specs/2024.2/approved/a.rst', SPEC);
  assert.throws(() => moveToRelease('/r/specs/2024.1/approved/a.rst', '2024.2', repo), {
    message: 'specs/2024.2/approved/a.rst already exists',
  });
  assert.throws(() => moveToRelease('/r/specs/2024.1/approved/a.rst', '../x', repo), { message: "'../x' is not a release folder name" });
  assert.throws(() => abandonSpec('/r/specs/abandoned/e.rst', repo), { message: 'e.rst is already abandoned' });
  assert.throws(() => abandonSpec('/elsewhere/a.rst', repo), {
    message: '/elsewhere/a.rst is not in a specs/<release>/ folder of a specs repo',
  });
});

test('releases newest first, then backlog and abandoned', () => {
  const repo = memoryRepo({
    '/r/tox.ini': '',
    '/r/specs/zed/approved/a.rst': '',
    '/r/specs/2023.1/approved/a.rst': '',
    '/r/specs/2024.1/approved/a.rst': '',
    '/r/specs/backlog/approved/a.rst': '',
    '/r/specs/abandoned/a.rst': '',
    '/r/specs/yoga/approved/a.rst': '',
    '/r/specs/2024.1-template.rst': '',
  });
  assert.deepEqual(releasesOf('/r/specs', repo), ['2024.1', '2023.1', 'zed', 'yoga', 'backlog', 'abandoned']);
});

const HISTORY = [
  'History',
  '=======',
  '',
  '.. list-table:: Revisions',
  '   :header-rows: 1',
  '',
  '   * - Release Name',
  '     - Description',
  '   * - 2024.1 Caracal',
  '     - Introduced',
  '',
].join('\n');

test("re-propose: a copy in the release's approved/ with a History row named as the release's template names it", () => {
  const spec = `${SPEC}\n${HISTORY}`;
  const template = `Title\n=====\n\nText.\n\nNew section\n===========\n\nSay it.\n\n${HISTORY.replace('2024.1 Caracal', '2024.2 Dalmatian')}`;
  const repo = novaLike();
  repo.files.set('/r/specs/2024.1/approved/a.rst', spec);
  const edit = reproposeSpec('/r/specs/2024.1/approved/a.rst', spec, '2024.2', repo, template);
  const expected = `${SPEC}\n${HISTORY}   * - 2024.2 Dalmatian\n     - Re-proposed\n`;
  assert.deepEqual(edit.changes, [
    { kind: 'create', path: '/r/specs/2024.2/approved/a.rst' },
    {
      kind: 'edit',
      path: '/r/specs/2024.2/approved/a.rst',
      edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: expected }],
    },
  ]);
  applyInMemory(repo, edit);
  assert.equal(repo.files.get('/r/specs/2024.2/approved/a.rst'), expected);
  assert.equal(repo.files.get('/r/specs/2024.1/approved/a.rst'), spec, 'the original stays');
  // No template: the release folder's name; no History table: one added at the end.
  assert.equal(
    withHistoryRow(SPEC, 'Zed', 'Re-proposed'),
    `${SPEC}\n${HISTORY.replace('2024.1 Caracal', 'Zed').replace('Introduced', 'Re-proposed')}`,
  );
  assert.throws(() => reproposeSpec('/r/specs/2024.2/approved/a.rst', spec, '2024.2', repo, undefined), {
    message: 'a.rst is already in specs/2024.2/approved',
  });
});

test('re-propose against a newer template that adds a section: the copy gets missing-section for it at once', () => {
  const root = mkdtempSync(join(tmpdir(), 'rst-specs-repropose-'));
  try {
    const oldTemplate = `${SPEC}\n${HISTORY}`;
    const newTemplate = `${SPEC}\nSecurity impact\n===============\n\nSay it.\n\n${HISTORY.replace('2024.1 Caracal', '2024.2 Dalmatian')}`;
    const files: Record<string, string> = {
      'tox.ini': '',
      'specs/2024.1-template.rst': oldTemplate,
      'specs/2024.2-template.rst': newTemplate,
      'specs/2024.1/approved/a.rst': oldTemplate,
      'specs/2024.2/approved/.keep': '',
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    const spec = join(root, 'specs/2024.1/approved/a.rst');
    const disk: RepoFiles = { list: nodeTemplateFiles.list, read: (file) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined) };
    const edit = reproposeSpec(spec, oldTemplate, '2024.2', disk, newTemplate);
    applyRepoEdit(edit);
    const copy = join(root, 'specs/2024.2/approved/a.rst');
    const analyzer = new Analyzer();
    const missing = analyzer
      .analyze({ text: readFileSync(copy, 'utf8'), filePath: copy })
      .diagnostics.filter((d) => d.code === 'missing-section');
    assert.deepEqual(
      missing.map((d) => d.message),
      ["Missing section 'Security impact': the template puts it after 'Title'."],
    );
    assert.deepEqual(
      analyzer.analyze({ text: oldTemplate, filePath: spec }).diagnostics.filter((d) => d.code === 'missing-section'),
      [],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test(
  'nova-specs (a temporary copy): no spec-location on its 813 specs; moves give its own redirect lines',
  { skip: !hasNova && 'no ../shared/repos/nova-specs' },
  () => {
    const root = mkdtempSync(join(tmpdir(), 'rst-specs-nova-'));
    try {
      const repo = join(root, 'nova-specs');
      cpSync(novaSpecs, repo, { recursive: true });
      const specs = join(repo, 'specs');
      let count = 0;
      for (const release of readdirSync(specs)) {
        for (const state of ['approved', 'implemented']) {
          const folder = join(specs, release, state);
          if (!existsSync(folder)) continue;
          for (const name of readdirSync(folder)) {
            if (!name.endsWith('.rst') || name === 'index.rst') continue;
            count++;
            assert.equal(misplacement(join(folder, name), nodeTemplateFiles), undefined, name);
          }
        }
      }
      assert.equal(count, 813);
      // A new spec saved in specs/2024.1/ fails the repo's test_directories.py: the rule says so.
      writeFileSync(join(specs, '2024.1', 'new-idea.rst'), SPEC);
      assert.equal(misplacement(join(specs, '2024.1', 'new-idea.rst'), nodeTemplateFiles)?.approvedFolder, 'specs/2024.1/approved');
      // The same redirect line as the repo's own last move of this kind.
      const disk: RepoFiles = { list: nodeTemplateFiles.list, read: (file) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined) };
      const name = readdirSync(join(specs, '2024.2', 'approved')).find((file) => file.endsWith('.rst'))!;
      const before = readFileSync(join(specs, '2024.2', 'redirects'), 'utf8');
      applyRepoEdit(moveToImplemented(join(specs, '2024.2', 'approved', name), disk));
      assert.equal(readFileSync(join(specs, '2024.2', 'redirects'), 'utf8'), `${before}approved/${name} ../implemented/${name}\n`);
      assert.ok(existsSync(join(specs, '2024.2', 'implemented', name)));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
);
