// A whole specs repo as it is, checked from its root with no flags (../shared/repos/nova-specs,
// read at run time, never copied): rst-specs must agree with its CI, which all its specs pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { sharedRoot } from '../helpers';
import { hasBundle, runBundle } from '../cli/run';

const nova = resolve(sharedRoot, 'repos', 'nova-specs');
const skip = !existsSync(resolve(nova, 'specs'))
  ? '../shared/repos/nova-specs is absent'
  : !hasBundle
    ? 'the CLI is not built (npm run build)'
    : false;

test('nova-specs: `rst-specs check specs/` from its root reports no error and exits 0', { skip }, () => {
  const result = runBundle(['check', 'specs/', '--quiet'], { cwd: nova });
  assert.equal(result.stderr, '');
  assert.equal(result.stdout, '');
  assert.equal(result.code, 0);
});

test("nova-specs: the JSON report names each spec's template and its optional sections, read from tests/test_titles.py", { skip }, () => {
  const result = runBundle(
    [
      'check',
      '--format',
      'json',
      'specs/queens/implemented/add-support-for-vgpu.rst',
      'specs/2023.1/approved/assisted-volume-extend.rst',
      'specs/backlog/approved/nova-services-graceful-shutdown.rst',
    ],
    { cwd: nova },
  );
  assert.equal(result.code, 0, result.stderr);
  const files = (JSON.parse(result.stdout) as { files: { path: string; template: string; optionalSections: unknown }[] }).files;
  assert.deepEqual(
    files.map(({ path, template, optionalSections }) => ({ path, template, optionalSections })),
    [
      {
        path: 'specs/queens/implemented/add-support-for-vgpu.rst',
        template: 'specs/queens-template.rst',
        optionalSections: { titles: ['History', 'Upgrade impact'], from: 'tests/test_titles.py' },
      },
      {
        path: 'specs/2023.1/approved/assisted-volume-extend.rst',
        template: 'specs/2023.1-template.rst',
        optionalSections: { titles: ['History', 'Feature Liaison'], from: 'tests/test_titles.py' },
      },
      {
        // backlog-template.rst is a git symbolic link, stored as a file that names its target.
        path: 'specs/backlog/approved/nova-services-graceful-shutdown.rst',
        template: 'specs/backlog-template.rst',
        optionalSections: { titles: ['History', 'Feature Liaison'], from: 'tests/test_titles.py' },
      },
    ],
  );
});

test('nova-specs: --verbose says the template and where the optional sections came from', { skip }, () => {
  const result = runBundle(['check', '--verbose', '--no-color', 'specs/queens/implemented/add-support-for-vgpu.rst'], { cwd: nova });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(
    result.stdout.split('\n')[0],
    'specs/queens/implemented/add-support-for-vgpu.rst: template specs/queens-template.rst; optional sections History, Upgrade impact (from tests/test_titles.py)',
  );
});
