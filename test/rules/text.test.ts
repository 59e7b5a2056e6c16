import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRule, cleanSpec, lineOf, range, replaceLine, titleRange } from '../helpers';

const LONG = 'This sentence is deliberately long so that it runs past the seventy-nine column limit.';

test('line-length: a long prose line is reported from the first column past the maximum', () => {
  const text = replaceLine(cleanSpec(), 'Unit tests.', LONG);
  const line = lineOf(text, LONG);
  assert.deepEqual(checkRule('line-length', text), [
    {
      code: 'line-length',
      severity: 'error',
      message: `Line is ${LONG.length} characters long; the maximum is 79.`,
      range: range(line, 79, line, LONG.length),
      data: { length: LONG.length, max: 79 },
    },
  ]);
  assert.equal(checkRule('line-length', text, { maxLineLength: 100 }).length, 0);
});

test('line-length: the exemptions of the specs repos, and no others', () => {
  const exempt = [`See https://example.org/${'a'.repeat(60)} for more.`, `  ${'x'.repeat(90)}`, 'Example::', '', `    ${LONG}`];
  assert.deepEqual(checkRule('line-length', replaceLine(cleanSpec(), 'Unit tests.', exempt.join('\n'))), []);
  const table = ['+---+', `| ${LONG} |`, '+---+'].join('\n');
  assert.equal(checkRule('line-length', replaceLine(cleanSpec(), 'Unit tests.', table)).length, 1);
  const afterCode = ['Example::', '', '    code', `${LONG}`].join('\n');
  assert.equal(checkRule('line-length', replaceLine(cleanSpec(), 'Unit tests.', afterCode)).length, 1);
  const codeLine = `${LONG} ::`;
  assert.equal(checkRule('line-length', replaceLine(cleanSpec(), 'Unit tests.', codeLine)).length, 1);
});

test('line-length: a line that starts with `..` and names an image or a figure is exempt (its path cannot be wrapped)', () => {
  const path = `/images/${'architecture-overview-'.repeat(3)}diagram.png`;
  const exempt = [`.. image:: ${path}`, `.. figure:: ${path}`, `.. |logo| image:: ${path}`, `.. image:: ${path} trailing words`];
  for (const line of exempt) assert.ok(line.length > 79);
  assert.deepEqual(checkRule('line-length', replaceLine(cleanSpec(), 'Unit tests.', exempt.join('\n\n'))), []);
  // Only at the start of the line, and only image or figure directives.
  const reported = [`   .. image:: ${path}`, `See the image:: ${path}`, `.. include:: ${path} and more words`];
  const text = replaceLine(cleanSpec(), 'Unit tests.', reported.join('\n\nText.\n\n'));
  assert.deepEqual(
    checkRule('line-length', text).map((d) => d.range.start.line),
    reported.map((line) => lineOf(text, line)),
  );
});

test('line-length: counts characters, not UTF-16 units, like the Python check', () => {
  const astral = `${'𝒳 '.repeat(39)}𝒳`;
  assert.equal([...astral].length, 79);
  assert.deepEqual(checkRule('line-length', replaceLine(cleanSpec(), 'Unit tests.', astral)), []);
  const over = `${astral} z`;
  const text = replaceLine(cleanSpec(), 'Unit tests.', over);
  const line = lineOf(text, over);
  assert.deepEqual(
    checkRule('line-length', text).map((d) => d.range),
    [range(line, 119, line, over.length)],
  );
});

test('trailing-whitespace: the trailing spaces and tabs only', () => {
  const text = replaceLine(cleanSpec(), 'Unit tests.', 'Unit tests. \t ');
  const line = lineOf(text, 'Unit tests. \t ');
  assert.deepEqual(checkRule('trailing-whitespace', text), [
    { code: 'trailing-whitespace', severity: 'error', message: 'Trailing whitespace.', range: range(line, 11, line, 14) },
  ]);
  // A line that ends in a tab passes the specs repos' check (` +$`): tab reports it, as a warning.
  const tabbed = replaceLine(cleanSpec(), 'Unit tests.', 'Unit tests. \t');
  assert.deepEqual(checkRule('trailing-whitespace', tabbed), []);
  assert.deepEqual(
    checkRule('tab', tabbed).map((d) => [d.severity, d.range]),
    [['warning', range(line, 12, line, 13)]],
  );
});

test('tab: each run of tabs', () => {
  const text = replaceLine(cleanSpec(), 'Unit tests.', '\tUnit\t\ttests.');
  const line = lineOf(text, '\tUnit\t\ttests.');
  assert.deepEqual(
    checkRule('tab', text).map((d) => [d.message, d.range]),
    [
      ['Tab character: use spaces.', range(line, 0, line, 1)],
      ['Tab character: use spaces.', range(line, 5, line, 7)],
    ],
  );
});

test('carriage-return: one diagnostic for the file, counting the lines', () => {
  const text = cleanSpec().replace(/\n/g, '\r\n');
  assert.deepEqual(checkRule('carriage-return', text), [
    {
      code: 'carriage-return',
      severity: 'warning',
      message: '113 lines end with a carriage return; the specs repos use LF line endings.',
      range: range(0, 2, 0, 2),
      data: { count: 113 },
    },
  ]);
  assert.equal(checkRule('line-length', text).length, 0);
});

test('zero-width-space: each one', () => {
  const text = replaceLine(cleanSpec(), 'Unit tests.', 'Unit\u200b tests.\u200b');
  const line = lineOf(text, 'Unit\u200b tests.\u200b');
  assert.deepEqual(
    checkRule('zero-width-space', text).map((d) => d.range),
    [range(line, 4, line, 5), range(line, 12, line, 13)],
  );
});

test('empty-section: no text and no subsections; a comment is not text', () => {
  const text = cleanSpec().replace('Dependencies\n============\n\nNone\n', 'Dependencies\n============\n\n.. TODO\n');
  const line = lineOf(text, 'Dependencies');
  assert.deepEqual(checkRule('empty-section', text), [
    {
      code: 'empty-section',
      severity: 'warning',
      message: 'Section \'Dependencies\' is empty: if there is nothing to say, write "None".',
      range: range(line, 0, line, 12),
      data: { title: 'Dependencies', insertLine: line + 2 },
    },
  ]);
});

test('template-text: placeholder title, example URL, launchpad placeholder, verbatim guidance', () => {
  let text = cleanSpec()
    .replace(
      '=============================\nClean spec for the test suite\n=============================',
      '==========================================\nExample Spec - The title of your blueprint\n==========================================',
    )
    .replace('https://blueprints.launchpad.net/senlin/+spec/clean-spec', 'https://blueprints.launchpad.net/senlin/+spec/example')
    .replace('  jdoe', '  <launchpad-id or None>');
  text = replaceLine(
    text,
    'Unit tests.',
    'What use cases does this address?\nWhat are the impacts on actors (developer, end user, deployer etc.)?',
  );
  const found = checkRule('template-text', text).map((d) => [d.range.start.line, d.message]);
  assert.deepEqual(found, [
    [7, "The template's placeholder title 'Example Spec - The title of your blueprint' is still here: write the spec's title."],
    [10, "The template's example blueprint URL is still here: use this spec's blueprint URL."],
    [lineOf(text, '  <launchpad-id or None>'), "Placeholder '<launchpad-id or None>' left in: write a launchpad id, or None."],
    [lineOf(text, 'Testing'), "'Testing' still holds the template's guidance."],
  ]);
});

test('template-text: a section that holds only guidance is one finding on its title, the guidance range in its data', () => {
  const guidance = 'What use cases does this address?\nWhat are the impacts on actors (developer, end user, deployer etc.)?';
  const text = replaceLine(cleanSpec(), 'Unit tests.', guidance);
  const line = lineOf(text, 'What use cases does this address?');
  assert.deepEqual(checkRule('template-text', text), [
    {
      code: 'template-text',
      severity: 'warning',
      message: "'Testing' still holds the template's guidance.",
      range: titleRange(text, 'Testing'),
      data: { kind: 'section', title: 'Testing', guidance: [line, 0, line + 1, 68] },
    },
  ]);
});

test("template-text: a paragraph of guidance among the spec's own text is a finding of its own", () => {
  const guidance = 'What use cases does this address?\nWhat are the impacts on actors (developer, end user, deployer etc.)?';
  const text = replaceLine(cleanSpec(), 'Unit tests.', `Unit tests.\n\n${guidance}`);
  const line = lineOf(text, 'What use cases does this address?');
  assert.deepEqual(checkRule('template-text', text), [
    {
      code: 'template-text',
      severity: 'warning',
      message: "Template guidance left here: replace it with this spec's own text.",
      range: range(line, 0, line + 1, 68),
      data: { kind: 'guidance' },
    },
  ]);
});

test("template-text: the `spec` snippet's introduction placeholder (the first sentence of the template's) is guidance", () => {
  const intro = 'This spec follows the template exactly, so that each test can break one\nthing and see one diagnostic.';
  const text = cleanSpec().replace(intro, 'Introduction paragraph -- why are we doing anything?');
  const line = lineOf(text, 'Introduction paragraph -- why are we doing anything?');
  assert.deepEqual(checkRule('template-text', text), [
    {
      code: 'template-text',
      severity: 'warning',
      message: "The introduction still holds the template's guidance.",
      range: titleRange(text, 'Clean spec for the test suite'),
      data: { kind: 'introduction', title: 'Clean spec for the test suite', guidance: [line, 0, line, 52] },
    },
  ]);
  // Words of one's own after the same opening: not the template's.
  assert.deepEqual(
    checkRule('template-text', cleanSpec().replace(intro, 'Introduction paragraph -- why are we doing anything? Because nodes fail.')),
    [],
  );
});

test('blueprint-url: missing URL, and a file name that differs from the blueprint', () => {
  const text = cleanSpec();
  assert.deepEqual(checkRule('blueprint-url', text, { fileName: 'clean-spec.rst' }), []);
  assert.deepEqual(checkRule('blueprint-url', text, { fileName: 'other.rst' }), [
    {
      code: 'blueprint-url',
      severity: 'warning',
      message: "The file name 'other.rst' doesn't match the blueprint 'clean-spec': name the file 'clean-spec.rst'.",
      range: range(10, 0, 10, 56),
      data: { blueprint: 'clean-spec', fileName: 'other.rst' },
    },
  ]);
  const withoutUrl = replaceLine(text, 'https://blueprints.launchpad.net/senlin/+spec/clean-spec', 'No URL yet.');
  assert.deepEqual(
    checkRule('blueprint-url', withoutUrl).map((d) => [d.range, d.message]),
    [[range(7, 0, 7, 29), 'No blueprint URL before the first section: add its launchpad URL.']],
  );
});

test('rule severities can be changed and rules turned off', () => {
  const text = replaceLine(cleanSpec(), 'Unit tests.', 'Unit tests. ');
  assert.equal(checkRule('trailing-whitespace', text, { rules: { 'trailing-whitespace': 'off' } }).length, 0);
  assert.equal(checkRule('trailing-whitespace', text, { rules: { 'trailing-whitespace': 'error' } })[0].severity, 'error');
});
