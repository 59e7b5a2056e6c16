// Lines as docutils splits them (Python's str.splitlines: U+001C-U+001E, NEL, U+2028 and U+2029
// end a line too), positions as editors count them, and the line-separator rule and its fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSpec } from '../../server/src/rst/parse';
import { editorPositions } from '../../server/src/rst/editor-positions';
import { fixAllText } from '../../server/src/fixes/fix-all';
import { bundledTemplate, check, checkRule, cleanSpec, lineOf, sharedRoot, docutilsAvailable } from '../helpers';
import { cliFixtures, run, scratch } from '../cli/run';

const SEPARATORS = ['\x1c', '\x1d', '\x1e', '\x85', '\u2028', '\u2029'];
const NAMES = [
  'U+001C FILE SEPARATOR',
  'U+001D GROUP SEPARATOR',
  'U+001E RECORD SEPARATOR',
  'U+0085 NEXT LINE',
  'U+2028 LINE SEPARATOR',
  'U+2029 PARAGRAPH SEPARATOR',
];
const tools = join(sharedRoot, 'rst-fixtures', 'tools');

test('a separator between a title and its underline makes the section docutils sees: no missing sections, one line-separator warning', () => {
  const clean = cleanSpec();
  const line = lineOf(clean, 'Use Cases');
  SEPARATORS.forEach((separator, index) => {
    const text = clean.replace('Use Cases\n---------\n', `Use Cases${separator}---------\n`);
    assert.deepEqual(
      check(text).map((d) => d.code),
      ['line-separator'],
      NAMES[index],
    );
    assert.deepEqual(checkRule('line-separator', text), [
      {
        code: 'line-separator',
        severity: 'warning',
        message: `${NAMES[index]}: docutils ends the line here, editors do not; use a line break.`,
        range: { start: { line, character: 9 }, end: { line: line + 1, character: 0 } },
      },
    ]);
    // The fix: the document's line break, so that docutils reads the same and editors show it.
    const doc = parseSpec(text);
    assert.equal(
      fixAllText(doc, bundledTemplate(), { maxLineLength: 79, optionalSections: ['History'], insertedSectionBody: 'none' as const }),
      clean,
    );
    // Editors see one line: the positions after the separator are on it.
    const positions = editorPositions(doc);
    assert.deepEqual(positions.toEditorRange(checkRule('line-separator', text)[0].range), {
      start: { line, character: 9 },
      end: { line, character: 10 },
    });
    assert.deepEqual(positions.toEditor({ line: line + 1, character: 3 }), { line, character: 13 });
    assert.deepEqual(positions.toEditor({ line: line + 2, character: 0 }), { line: line + 1, character: 0 });
    assert.deepEqual(positions.fromEditor({ line, character: 13 }), { line: line + 1, character: 3 });
    assert.deepEqual(positions.fromEditor({ line, character: 9 }), { line, character: 9 });
    assert.deepEqual(positions.fromEditor({ line: line + 1, character: 0 }), { line: line + 2, character: 0 });
  });
  // \v and \f do not end a line for docutils (it turns them into spaces): no section, no warning.
  const formFeed = clean.replace('Use Cases\n---------\n', 'Use Cases\f---------\n');
  assert.deepEqual(checkRule('line-separator', formFeed), []);
  assert.ok(!parseSpec(formFeed).sections.some((section) => section.title === 'Use Cases'));
});

test('line-separator: blanks before a separator go with it (not trailing-whitespace: the line goes on), CRLF documents get CRLF', () => {
  const clean = cleanSpec();
  const text = clean.replace('healthy.\n', 'healthy.  \u2028More.\n');
  assert.deepEqual(
    check(text).map((d) => d.code),
    ['line-separator'],
  );
  const fixed = fixAllText(parseSpec(text), bundledTemplate(), {
    maxLineLength: 79,
    optionalSections: ['History'],
    insertedSectionBody: 'none' as const,
  });
  assert.equal(fixed, clean.replace('healthy.\n', 'healthy.\nMore.\n'));
  const crlf = clean.replace(/\n/g, '\r\n').replace('Use Cases\r\n', 'Use Cases\u2028');
  const options = {
    maxLineLength: 79,
    optionalSections: ['History'],
    insertedSectionBody: 'none' as const,
    engine: { rules: { 'carriage-return': 'off' as const } },
  };
  assert.equal(fixAllText(parseSpec(crlf), bundledTemplate(), options), clean.replace(/\n/g, '\r\n'));
});

test('differential: random documents with separators for some line breaks have the sections docutils finds', (t) => {
  if (!existsSync(join(tools, 'random_docs.py'))) return t.skip(`no ${tools} (../shared is missing)`);
  if (!docutilsAvailable()) return t.skip('python3 with docutils is not available (apt-get install python3-docutils)');
  const dir = mkdtempSync(join(tmpdir(), 'rst-specs-separators-'));
  try {
    execFileSync('python3', [join(tools, 'random_docs.py'), '7', '80', '0.6', dir]);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const files = readdirSync(dir)
      .filter((name) => name.endsWith('.rst'))
      .sort()
      .map((name) => join(dir, name));
    for (const file of files) {
      // A fifth of the line breaks become separators, some text gets \v or \f.
      const text = readFileSync(file, 'utf8').replace(/\n/g, () =>
        random() < 0.2 ? SEPARATORS[Math.floor(random() * SEPARATORS.length)] : random() < 0.02 ? '\f\n' : '\n',
      );
      writeFileSync(file, text);
    }
    const output = execFileSync('python3', [join(tools, 'docutils_sections.py'), ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const expected: { file: string; sections: { line: number; level: number; title: string; style: string }[] }[] = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.equal(expected.length, files.length);
    let separated = 0;
    for (const want of expected) {
      const doc = parseSpec(readFileSync(want.file, 'utf8'));
      if (doc.lines.some((line) => SEPARATORS.includes(line.eol))) separated++;
      const sections = doc.sections.map((s) => ({ line: s.titleLine + 1, level: s.level, title: s.title, style: s.style }));
      assert.deepEqual(sections, want.sections, want.file);
    }
    assert.ok(separated > files.length / 2, `only ${separated} documents got a separator`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CLI: line:column on the lines editors show; --fix writes a line break and renames nothing', () => {
  const { dir, cleanup } = scratch('specs');
  try {
    const clean = readFileSync(join(cliFixtures, 'specs', 'clean.rst'), 'utf8');
    const text = clean.replace('healthy.\n', 'healthy.\u2028\n').replace('Use Cases\n---------\n', 'Use Cases\u2028---------\n');
    writeFileSync(join(dir, 'clean.rst'), text);
    const line = lineOf(clean, 'Use Cases');
    assert.deepEqual(run(['check', 'clean.rst'], { cwd: dir }), {
      code: 0,
      stdout: `clean.rst:${lineOf(clean, 'Operators cannot tell which nodes are healthy.') + 1}:47: warning line-separator U+2028 LINE SEPARATOR: docutils ends the line here, editors do not; use a line break.
clean.rst:${line + 1}:10: warning line-separator U+2028 LINE SEPARATOR: docutils ends the line here, editors do not; use a line break.

0 errors, 2 warnings in 1 file (1 checked)
`,
      stderr: '',
    });
    assert.equal(run(['check', '--fix', 'clean.rst'], { cwd: dir }).code, 0);
    assert.equal(readFileSync(join(dir, 'clean.rst'), 'utf8'), clean.replace('healthy.\n', 'healthy.\n\n'));
  } finally {
    cleanup();
  }
});

test("line-length counts a line as the repos' tests split it (at \\n only): the parts a separator joins are one line", () => {
  const clean = cleanSpec();
  const part = 'Operators cannot tell which nodes are healthy, said they';
  const text = clean.replace('Unit tests.\n', `Unit tests.\n\n${part}\u2028${part}.\n`);
  const line = lineOf(clean, 'Unit tests.') + 2;
  // len(line) in test_titles.py: both parts and the separator.
  const length = 2 * part.length + 2;
  assert.deepEqual(checkRule('line-length', text), [
    {
      code: 'line-length',
      severity: 'error',
      message: `Line is ${length} characters long; the maximum is 79.`,
      range: { start: { line: line + 1, character: 79 - part.length - 1 }, end: { line: line + 1, character: part.length + 1 } },
      data: { length, max: 79 },
    },
  ]);
  // In the editor: one line, from column 79 to its end.
  const doc = parseSpec(text);
  assert.deepEqual(editorPositions(doc).toEditorRange(checkRule('line-length', text)[0].range), {
    start: { line, character: 79 },
    end: { line, character: length },
  });
});
