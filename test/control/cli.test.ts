// The command-line tool honours what the engine reads from the specs: control comments, a spec's
// own template, per-release optional sections of .rst-specs.json, release templates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanSpec, repoRoot } from '../helpers';
import { run } from '../cli/run';

const repos = join(repoRoot, 'test', 'fixtures', 'repos');

function withRepos<T>(body: (root: string) => T): T {
  const root = mkdtempSync(join(tmpdir(), 'rst-specs-cli-repos-'));
  try {
    for (const repo of ['nova-specs', 'heat-specs', 'senlin']) {
      cpSync(join(repos, repo), join(root, repo), { recursive: true });
      mkdirSync(join(root, repo, '.git'));
    }
    return body(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test('CLI: the fixture repos check as their templates, config files and control comments say', () => {
  withRepos((root) => {
    const result = run(['check', '--format', 'json', 'nova-specs', 'heat-specs', 'senlin'], { cwd: root });
    const reports = JSON.parse(result.stdout) as { files: { path: string; diagnostics: { code: string; message: string }[] }[] };
    const problems = reports.files.flatMap((file) => file.diagnostics.map((d) => `${file.path}: ${d.code}: ${d.message}`));
    assert.deepEqual(problems, [
      // The fixture's pike/abandoned/ and pike/redirects/ folders (for template lookup) are what nova's tests/test_directories.py rejects.
      "nova-specs/specs/pike/abandoned/pike-abandoned.rst: spec-location: Found unexpected file in 'specs/pike', specs should be submitted to 'specs/pike/approved'",
      "nova-specs/specs/pike/redirects/pike-redirected.rst: spec-location: Found unexpected file in 'specs/pike', specs should be submitted to 'specs/pike/approved'",
      "nova-specs/specs/queens/implemented/queens-no-liaison.rst: missing-section: Missing section 'Feature Liaison': the template puts it after 'Work Items'.",
    ]);
    assert.equal(result.code, 1, result.stderr);
    // Every spec was checked, no template.
    assert.equal(reports.files.length, 15);
  });
});

test('CLI: inline control, and an unknown rule id in it', () => {
  const folder = mkdtempSync(join(tmpdir(), 'rst-specs-cli-inline-'));
  try {
    mkdirSync(join(folder, '.git'));
    mkdirSync(join(folder, 'specs'));
    const text = cleanSpec()
      .replace('Unit tests.', '.. rst-specs: disable-next-line=trailing-whitespace\n\nUnit tests. ')
      .replace('The API reference.', '.. rst-specs: disable-next-line=trailing-whitespac\n\nThe API reference. ');
    writeFileSync(join(folder, 'specs', 'clean-spec.rst'), text);
    const result = run(['check', '--format', 'json', 'specs'], { cwd: folder });
    const [file] = (JSON.parse(result.stdout) as { files: { diagnostics: { code: string }[] }[] }).files;
    assert.deepEqual(
      file.diagnostics.map((d) => d.code),
      ['control-comment', 'trailing-whitespace'],
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
