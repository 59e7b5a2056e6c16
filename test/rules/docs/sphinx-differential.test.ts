// The block layer of the docs gate against Sphinx itself (Debian's python3-sphinx: Sphinx 5.3,
// docutils 0.19, Pygments 2.14), through ../shared/rst-fixtures/tools/sphinx_gate.py, which
// builds each spec as the specs repos' docs job does and prints Sphinx's warnings:
// - generated documents full of block mistakes (block-docs.ts) and every corpus spec: the
//   messages of rst-structure, rst-title, rst-table and rst-code-lexing (and title-underline's,
//   for the too-short adornments docutils warns about) are Sphinx's, message by message, on the
//   line Sphinx reports;
// Sphinx's answers are computed once per test run, in a temporary folder removed afterwards.
// Skipped when /usr/bin/python3 has no Sphinx (apt-get install python3-sphinx) or ../shared is missing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateText } from '../../../server/src/engine';
import { parseSpec } from '../../../server/src/rst/parse';
import { blockRules } from '../../../server/src/rules/docs/block-rules';
import { kindOf } from '../../../server/src/rules/docs/block';
import { TABLE_DIRECTIVE_MESSAGE } from '../../../server/src/rules/docs/table-directives';
import { bundledTemplate, corpusRoot, hasCorpus, sharedRoot } from '../../helpers';
import { blockDocs } from './block-docs';

const PYTHON = '/usr/bin/python3';
const GATE = join(sharedRoot, 'rst-fixtures', 'tools', 'sphinx_gate.py');
const OURS = new Set([...blockRules.map((rule) => rule.id), 'title-underline']);
const GENERATED = 120;

function sphinxAvailable(): boolean {
  if (!existsSync(PYTHON) || !existsSync(GATE)) return false;
  try {
    execFileSync(PYTHON, ['-c', 'import sphinx, docutils, pygments'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const skip = !hasCorpus
  ? '../shared is missing'
  : !sphinxAvailable()
    ? 'no Sphinx for /usr/bin/python3 (apt-get install python3-sphinx)'
    : false;

interface Warning {
  line: number | null;
  message: string;
  where: string;
}
let dir = '';
const sphinx = new Map<string, string[]>();

/** A Sphinx warning in this layer's words: "message@line", or undefined for another layer's. */
function sphinxKey(w: Warning): string | undefined {
  const [first, second = ''] = w.message.split('\n');
  const ours =
    kindOf(first) !== undefined ||
    TABLE_DIRECTIVE_MESSAGE.test(first) ||
    /^Error in "(csv|list)-table" directive:$/.test(first) ||
    /^Could not lex literal_block as "(json(-object)?|python3?|py3?|javascript|js|bash|console|xml)"\./i.test(first) ||
    /^Pygments lexer name '.*' is not known$/.test(first) ||
    first === 'Title underline too short.' ||
    first === 'Title overline too short.';
  if (!ours || w.where !== 'spec') return undefined;
  // docutils words some on more lines (up to the block's text, after a blank line)
  const detail = w.message.split('\n\n')[0].split('\n').slice(1).join(' ');
  const text =
    first.startsWith('Malformed table.') && second
      ? `${first} ${second}`
      : /^Error (in|with CSV data in) "/.test(first)
        ? `${first} ${detail}`
        : first;
  return `${text}@${w.line}`;
}

function ourKeys(text: string): string[] {
  const doc = parseSpec(text);
  const keys: string[] = [];
  for (const d of validateText(text, bundledTemplate())) {
    // rst-directive's option values of the table directives (this layer's tables)
    if (!OURS.has(d.code) && !(d.code === 'rst-directive' && /^Error in "(csv|list)-table" directive:/.test(d.message))) continue;
    if (d.code !== 'title-underline') {
      keys.push(`${d.message}@${d.data?.docutilsLine}`);
      continue;
    }
    // title-underline reports on the underline; docutils on the overline of an overlined title
    const section = doc.sections.find((s) => s.underlineLine === d.range.start.line);
    assert.ok(section, `title-underline away from a title: ${JSON.stringify(d)}`);
    if (section.overlineLine >= 0) keys.push(`Title overline too short.@${section.overlineLine + 1}`);
    else keys.push(`Title underline too short.@${section.underlineLine + 1}`);
  }
  return [...new Set(keys)].sort();
}

/** Set to a folder to keep Sphinx's answers there between runs while working on the rules. */
const KEEP = process.env.RST_SPECS_SPHINX_DIR;

before(() => {
  if (skip) return;
  dir = KEEP ?? mkdtempSync(join(tmpdir(), 'rst-specs-sphinx-'));
  const generated = join(dir, 'specs', 'generated');
  mkdirSync(generated, { recursive: true });
  const files = blockDocs(16, GENERATED).map((text, index) => {
    const file = join(generated, `doc${String(index).padStart(4, '0')}.rst`);
    writeFileSync(file, text);
    return file;
  });
  const out = join(dir, 'sphinx.json');
  if (!KEEP || !existsSync(out)) {
    execFileSync(PYTHON, [GATE, '-j', '2', '-o', out, '--manifest', join(corpusRoot, 'MANIFEST.tsv'), ...files], { stdio: 'ignore' });
  }
  const result = JSON.parse(readFileSync(out, 'utf8')) as { files: { path: string; warnings: Warning[] }[] };
  for (const file of result.files) {
    const keys = new Set(file.warnings.map(sphinxKey).filter((key): key is string => key !== undefined));
    // docutils warns again each time it re-reads a title (when a section ends), and gives a short
    // underline under an unexpected title a warning of its own: one diagnostic each here
    for (const key of [...keys]) {
      const [text, line] = key.split('@');
      if (text === 'Title underline too short.' && keys.has(`Unexpected section title.@${line}`)) keys.delete(key);
    }
    sphinx.set(file.path, [...keys].sort());
  }
});

after(() => {
  if (dir && !KEEP) rmSync(dir, { recursive: true, force: true });
});

function compare(files: string[], label: string): void {
  const differences: string[] = [];
  let warned = 0;
  for (const file of files) {
    const want = sphinx.get(file);
    assert.ok(want, `Sphinx said nothing about ${file}`);
    if (want.length) warned++;
    const got = ourKeys(readFileSync(file, 'utf8'));
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      differences.push(`${file}\n  Sphinx:    ${JSON.stringify(want)}\n  rst-specs: ${JSON.stringify(got)}`);
    }
  }
  assert.deepEqual(differences, [], `${label}: ${differences.length} of ${files.length} differ`);
  assert.ok(warned > 0 || label === 'corpus', `${label}: no document had a warning of this layer`);
}

test('generated documents with block mistakes: the same messages on the same lines as Sphinx', { skip }, () => {
  const generated = join(dir, 'specs', 'generated');
  compare(
    readdirSync(generated)
      .sort()
      .map((name) => join(generated, name)),
    'generated',
  );
});

test('every corpus spec: the same messages on the same lines as Sphinx (none where Sphinx builds clean)', { skip }, () => {
  const manifest = readFileSync(join(corpusRoot, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1);
  const files = manifest.map((row) => {
    const [repo, path] = row.split('\t');
    return join(corpusRoot, repo, path);
  });
  assert.equal(files.length, 294);
  compare(files, 'corpus');
});
