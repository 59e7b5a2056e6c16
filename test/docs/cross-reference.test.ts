// rst-cross-reference: `:ref:` labels and `:doc:` documents resolved in the spec's docs tree, with
// Sphinx 5.3's words; compared with a real Sphinx build where Debian's python3-sphinx is installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Analyzer } from '../../server/src/analyze';
import { pythonRepr, roleReferences } from '../../server/src/docs/references';
import { parseSpec } from '../../server/src/rst/parse';
import { resolveDocname } from '../../server/src/rules/cross-reference';
import { DocsTree } from '../../server/src/docs/tree';
import { DocsTrees, nodeDocsFiles } from '../../server/src/docs/load';
import { sharedRoot } from '../helpers';

const PYTHON = '/usr/bin/python3';
const hasSphinx = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import sphinx'], { encoding: 'utf8' }).status === 0;
const novaSpecs = join(sharedRoot, 'repos', 'nova-specs');

function writeTree(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  }
}

const crossReferences = (filePath: string, workspaceFolder?: string, text = readFileSync(filePath, 'utf8')) =>
  new Analyzer(undefined, undefined, new DocsTrees())
    .analyze({ text, filePath, workspaceFolder })
    .diagnostics.filter((d) => d.code === 'rst-cross-reference')
    .map((d) => ({ line: d.range.start.line + 1, character: d.range.start.character, end: d.range.end.character, message: d.message }));

const SPEC = [
  'Spec',
  '====',
  '',
  'See :ref:`Missing-Label` and :ref:`known label` and',
  ':ref:`title <other_Missing>` and :doc:`../nowhere` and :doc:`/sub/b` and',
  ":doc:`b` and :ref:`x <in-readme>` and :ref:`it's`, :doc:`Title <zz>`,",
  ':ref:`!nolink`, :ref:`own-label`, :ref:`priority`, ``:ref:`literal```, :ref:`para-label`',
  'and :ref:`titled <para-label>`.',
  '',
  '.. _own-label:',
  '',
  'Section',
  '-------',
  '',
  'Text::',
  '',
  '   :ref:`in-a-literal-block`',
  '',
  '..  :ref:`in-a-comment`',
  '',
].join('\n');

/** A repo laid out like nova-specs: doc/source with conf.py, specs linked in from specs/<release>/approved. */
function repo(root: string, link: (target: string, at: string) => void): string {
  writeTree(root, {
    'tox.ini': '',
    'README.rst': 'Readme\n======\n\n.. _in-readme:\n\nText.\n',
    'doc/source/conf.py': "extensions = []\nmaster_doc = 'index'\n",
    'doc/source/index.rst':
      'Index\n=====\n\n.. toctree::\n   :glob:\n\n   readme\n   sub/*\n   specs/*/approved/*\n   priorities/*\n\n.. _Known Label:\n\nKnown\n-----\n\nText.\n',
    'doc/source/readme.rst': '.. include:: ../../README.rst\n',
    'doc/source/sub/b.rst': 'B\n=\n\n.. _para-label:\n\nText.\n',
    'priorities/p.rst': '.. _priority:\n\nPriorities\n==========\n\nText.\n',
    'specs/pike/approved/spec.rst': SPEC,
  });
  mkdirSync(join(root, 'doc/source/specs/pike'), { recursive: true });
  link('../../../../specs/pike/approved', join(root, 'doc/source/specs/pike/approved'));
  link('../../priorities', join(root, 'doc/source/priorities'));
  return join(root, 'specs/pike/approved/spec.rst');
}

const EXPECTED = [
  { line: 4, character: 10, end: 23, message: "undefined label: 'missing-label'" },
  { line: 5, character: 13, end: 26, message: "undefined label: 'other_missing'" },
  { line: 5, character: 39, end: 49, message: "unknown document: '../nowhere'" },
  { line: 6, character: 6, end: 7, message: "unknown document: 'b'" },
  { line: 6, character: 44, end: 48, message: 'undefined label: "it\'s"' },
  { line: 6, character: 64, end: 66, message: "unknown document: 'zz'" },
  { line: 7, character: 77, end: 87, message: "Failed to create a cross reference. A title or caption not found: 'para-label'" },
];

test('references: roles, explicit titles, suppressed ones, and none in literals or comments', () => {
  const references = roleReferences(parseSpec(SPEC));
  assert.deepEqual(
    references.map((reference) => `${reference.role}:${reference.target}`),
    [
      'ref:missing-label',
      'ref:known label',
      'ref:other_missing',
      'doc:../nowhere',
      'doc:/sub/b',
      'doc:b',
      'ref:in-readme',
      "ref:it's",
      'doc:zz',
      'ref:own-label',
      'ref:priority',
      'ref:para-label',
      'ref:para-label',
    ],
  );
  assert.equal(pythonRepr("it's"), '"it\'s"');
  assert.equal(pythonRepr('a\'b"c'), "'a\\'b\"c'");
  assert.equal(resolveDocname('specs/pike/approved/x', '../implemented/y'), 'specs/pike/implemented/y');
  assert.equal(resolveDocname('specs/pike/approved/x', '/specs/kilo/a'), 'specs/kilo/a');
  assert.equal(resolveDocname('x', '../../y'), undefined);
});

test('resolved in the docs tree through real symbolic links: labels of every document and included file', () => {
  const root = mkdtempSync(join(tmpdir(), 'rst-specs-xref-'));
  try {
    const spec = repo(root, (target, at) => symlinkSync(target, at));
    assert.deepEqual(crossReferences(spec), EXPECTED);
    assert.deepEqual(crossReferences(spec, root), EXPECTED, 'the same with a workspace folder');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('resolved through links that git checked out as files (core.symlinks=false), as in ../shared/repos/nova-specs', () => {
  const root = mkdtempSync(join(tmpdir(), 'rst-specs-xref-'));
  try {
    const spec = repo(root, (target, at) => writeFileSync(at, target));
    assert.deepEqual(crossReferences(spec), EXPECTED);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('nothing where the tree cannot say: no conf.py, a spec outside the tree, intersphinx or autosectionlabel', () => {
  const root = mkdtempSync(join(tmpdir(), 'rst-specs-xref-'));
  try {
    const spec = repo(root, (target, at) => symlinkSync(target, at));
    writeTree(root, { 'specs/queens/approved/other.rst': SPEC });
    assert.deepEqual(crossReferences(join(root, 'specs/queens/approved/other.rst')), [], 'not linked into the tree');
    writeFileSync(join(root, 'doc/source/conf.py'), "extensions = ['sphinx.ext.intersphinx']\n");
    assert.deepEqual(crossReferences(spec), []);
    rmSync(join(root, 'doc/source/conf.py'));
    assert.deepEqual(crossReferences(spec), []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the editor text counts: a label added to the spec resolves at once', () => {
  const root = mkdtempSync(join(tmpdir(), 'rst-specs-xref-'));
  try {
    const spec = repo(root, (target, at) => symlinkSync(target, at));
    const text = `${SPEC}\n.. _missing-label:\n\nMore\n----\n\nText.\n`;
    assert.deepEqual(crossReferences(spec, root, text), EXPECTED.slice(1));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('Sphinx 5.3 reports the same references with the same words', { skip: !hasSphinx && 'no /usr/bin/python3 with Sphinx' }, () => {
  const root = mkdtempSync(join(tmpdir(), 'rst-specs-xref-'));
  try {
    const spec = repo(root, (target, at) => symlinkSync(target, at));
    const build = spawnSync(
      PYTHON,
      ['-m', 'sphinx', '-q', '-b', 'html', '-d', join(root, 'doctrees'), join(root, 'doc/source'), join(root, 'html')],
      { encoding: 'utf8' },
    );
    const warnings = build.stderr
      .replace(/\x1b\[[0-9;]*m/g, '')
      .split('\n')
      .filter((line) => /undefined label|unknown document|Failed to create a cross reference/.test(line))
      .map((line) => line.replace(/^.*?WARNING: /, ''));
    assert.deepEqual(
      warnings,
      EXPECTED.map((expected) => expected.message),
    );
    assert.ok(existsSync(spec));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test(
  'nova-specs: no rst-cross-reference on its 813 specs (its docs job passes), on a temporary copy',
  { skip: !existsSync(novaSpecs) && 'no ../shared/repos/nova-specs' },
  () => {
    const root = mkdtempSync(join(tmpdir(), 'rst-specs-nova-'));
    try {
      const copy = join(root, 'nova-specs');
      cpSync(novaSpecs, copy, { recursive: true });
      const analyzer = new Analyzer(undefined, undefined, new DocsTrees());
      let specs = 0;
      let references = 0;
      const found: string[] = [];
      for (const release of readdirSync(join(copy, 'specs'))) {
        for (const state of ['approved', 'implemented']) {
          const folder = join(copy, 'specs', release, state);
          if (!existsSync(folder)) continue;
          for (const name of readdirSync(folder).filter((file) => file.endsWith('.rst'))) {
            specs++;
            const text = readFileSync(join(folder, name), 'utf8');
            const count = roleReferences(parseSpec(text)).length;
            references += count;
            // The rule looks at nothing else (it returns at once without a role): the others need no check.
            if (count === 0) continue;
            const analysis = analyzer.analyze({ text, filePath: join(folder, name), workspaceFolder: copy });
            for (const d of analysis.diagnostics)
              if (d.code === 'rst-cross-reference') found.push(`${release}/${state}/${name}: ${d.message}`);
          }
        }
      }
      assert.equal(specs, 813);
      assert.equal(references, 27, 'the :ref: and :doc: references of its specs (most of its 60 are in the templates)');
      assert.deepEqual(found, []);
      // A wrong one is found: the tree was read.
      const spec = join(copy, 'specs/2024.1/implemented', readdirSync(join(copy, 'specs/2024.1/implemented'))[0]);
      const text = `${readFileSync(spec, 'utf8')}\nSee :ref:\`feature-liaisons\` and :ref:\`no-such-label\`.\n`;
      assert.deepEqual(
        analyzer
          .analyze({ text, filePath: spec, workspaceFolder: copy })
          .diagnostics.filter((d) => d.code === 'rst-cross-reference')
          .map((d) => d.message),
        ["undefined label: 'no-such-label'"],
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
);

test('the tree read ahead in slices gives what the synchronous read gives, pausing between slices', async () => {
  const root = mkdtempSync(join(tmpdir(), 'rst-specs-xref-'));
  try {
    const spec = repo(root, (target, at) => symlinkSync(target, at));
    const eager = new DocsTree(join(root, 'doc/source'), nodeDocsFiles);
    const sliced = new DocsTree(join(root, 'doc/source'), nodeDocsFiles);
    let pauses = 0;
    await sliced.warm(async () => void pauses++, 0);
    assert.ok(pauses > 5, `${pauses} pauses`);
    assert.deepEqual([...sliced.allDocuments()].sort(), [...eager.allDocuments()].sort());
    assert.deepEqual([...sliced.labels()].sort(), [...eager.labels()].sort());
    assert.equal(sliced.docnameOf(spec), 'specs/pike/approved/spec');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("conf.py's exclude_patterns: excluded documents are not built (a spec there is not checked, a :doc: to one is unknown); an unreadable one stops the check", () => {
  const root = mkdtempSync(join(tmpdir(), 'rst-specs-xref-'));
  try {
    const spec = repo(root, (target, at) => symlinkSync(target, at));
    writeTree(root, {
      'doc/source/drafts/d.rst': 'D\n=\n',
      'specs/pike/approved/second.rst': 'S\n=\n\n:doc:`/drafts/d` and :doc:`/sub/b`.\n',
    });
    const second = join(root, 'specs/pike/approved/second.rst');
    assert.deepEqual(crossReferences(second), []);
    writeFileSync(join(root, 'doc/source/conf.py'), "extensions = []\nexclude_patterns = ['drafts', 'specs/*/approved/spec.rst']\n");
    assert.deepEqual(crossReferences(spec), [], 'the spec is excluded: Sphinx does not build it');
    assert.deepEqual(
      crossReferences(second).map((d) => d.message),
      ["unknown document: '/drafts/d'"],
    );
    writeFileSync(join(root, 'doc/source/conf.py'), "exclude_patterns = ['_build']\nexclude_patterns += EXTRA\n");
    assert.deepEqual(crossReferences(second), [], 'exclude_patterns computed: not known, not checked');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
