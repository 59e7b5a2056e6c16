// `rst-specs check` exits 1 exactly when CI would fail: over the public corpus, a spec gets an
// error exactly when its repo's own check fails it (MANIFEST's peer_pass), or when Sphinx, the
// docs gate, warns on it (confirmed here by running Debian's Sphinx on just those specs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { validateText } from '../../server/src/engine';
import { hasCorpus, sharedRoot } from '../helpers';
import { corpusTemplate, peerOptionalSections, readManifest } from './manifest';

const SPHINX_GATE = resolve(sharedRoot, 'rst-fixtures', 'tools', 'sphinx_gate.py');
const PYTHON = '/usr/bin/python3';

/** Files on which Sphinx (the docs gate) warns; undefined when Debian's Sphinx is not installed here. */
function sphinxWarns(files: readonly string[]): Set<string> | undefined {
  if (files.length === 0) return new Set();
  const probe = spawnSync(PYTHON, ['-c', 'import sphinx'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0 || !existsSync(SPHINX_GATE)) return undefined;
  const result = spawnSync(PYTHON, [SPHINX_GATE, '-j', '1', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.status, 0, result.stderr);
  const report = JSON.parse(result.stdout) as { files: { path: string; warnings: unknown[] }[] };
  return new Set(report.files.filter((file) => file.warnings.length > 0).map((file) => resolve(file.path)));
}

test(
  "corpus: rst-specs reports an error exactly when the repo's check fails the spec, or Sphinx warns on it",
  { skip: !hasCorpus && '../shared/corpus is absent' },
  (t) => {
    const specs = readManifest();
    assert.equal(specs.length, 294);
    const missed: string[] = [];
    const beyondPeer: string[] = [];
    let agree = 0;
    for (const spec of specs) {
      const diagnostics = validateText(readFileSync(spec.file, 'utf8'), corpusTemplate(spec.templateFile), {
        optionalSections: peerOptionalSections(spec.release),
        fileName: basename(spec.file),
      });
      const errors = diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0 === !spec.peerPass) agree++;
      else if (errors.length === 0)
        missed.push(`${spec.repo}/${spec.path}: the repo's check fails it (${spec.peerFailures.join(' | ')}), rst-specs reports no error`);
      else beyondPeer.push(spec.file);
    }
    assert.deepEqual(missed, []);
    const warned = sphinxWarns(beyondPeer);
    if (warned === undefined) {
      t.skip(
        `python3-sphinx is not installed: ${beyondPeer.length} specs with an error that the repo's check passes are not confirmed by Sphinx`,
      );
      return;
    }
    const unconfirmed = beyondPeer.filter((file) => !warned.has(file));
    assert.deepEqual(unconfirmed, [], 'errors on specs that pass both CI gates');
    t.diagnostic(`${agree + beyondPeer.length} of ${specs.length} agree with CI (${beyondPeer.length} by Sphinx's warnings)`);
    assert.equal(agree + beyondPeer.length, 294);
  },
);
