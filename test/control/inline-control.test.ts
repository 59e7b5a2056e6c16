// Inline control in rST comments (`.. rst-specs: …`), checked by the engine (so the CLI and the
// language server honour it alike), at the edges of each region.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { controlComments, readControl } from '../../server/src/control';
import { CONTROL_CODES, inlineControl } from '../../server/src/engine';
import { parseSpec } from '../../server/src/rst/parse';
import { check, cleanSpec, lineOf, range, replaceLine } from '../helpers';

const PARAGRAPH = 'Add a health field to the node resource.';

/** The clean spec with `lines` in place of one paragraph; the diagnostics as `code@n`, n counted from the first of `lines`. */
function run(lines: string[], codes = ['trailing-whitespace', 'line-length', 'tab', 'control-comment']): string[] {
  const text = replaceLine(cleanSpec(), PARAGRAPH, lines.join('\n'));
  const first = lineOf(text, lines[0]);
  return check(text)
    .filter((d) => codes.includes(d.code))
    .map((d) => `${d.code}@${d.range.start.line - first}`);
}

const T = 'Text with a trailing space. ';
/** A tab and a trailing space (not at the start: an indented line after a comment continues the comment). */
const TT = 'Tab\tinside, and a trailing space. ';

test("disable … enable: off from the disable comment's line up to (not including) the enable comment's line", () => {
  assert.deepEqual(
    run([
      T, //                                                  0: before the region
      '',
      '.. rst-specs: disable=trailing-whitespace ', //        2: the comment's own line is in the region
      '',
      T, //                                                  4
      T, //                                                  5: same paragraph, still off
      '',
      '.. rst-specs: enable=trailing-whitespace ', //         7: on again from here
      '',
      T, //                                                  9
    ]),
    ['trailing-whitespace@0', 'trailing-whitespace@7', 'trailing-whitespace@9'],
  );
});

test('disable without enable lasts to the end of the file; other rules stay on', () => {
  const text = replaceLine(cleanSpec(), PARAGRAPH, ['.. rst-specs: disable=trailing-whitespace', '', T].join('\n'));
  const tail = `${text.trimEnd()}\n\nMore text. \n\tTabbed.\n`;
  assert.deepEqual(
    check(tail).map((d) => d.code),
    ['tab'],
  );
});

test('disable-next-line: the next non-blank line only', () => {
  assert.deepEqual(run([T, '', '.. rst-specs: disable-next-line=trailing-whitespace', '', T, T, '', T]), [
    'trailing-whitespace@0',
    'trailing-whitespace@5',
    'trailing-whitespace@7',
  ]);
  // No blank line between: the comment would swallow the text (rST), so the check reads what the
  // parser reads: an indented line continues the comment; the next non-blank line after it is covered.
  assert.deepEqual(run(['.. rst-specs: disable-next-line=trailing-whitespace', '', T, T]), ['trailing-whitespace@3']);
});

test('disable-next-line before a title covers the whole title (overline, title, underline)', () => {
  const text = cleanSpec().replace('Use Cases\n---------\n', '.. rst-specs: disable-next-line=title-underline\n\nUse Cases\n-----\n');
  assert.deepEqual(
    check(text).map((d) => d.code),
    [],
  );
  const bare = cleanSpec().replace('Use Cases\n---------\n', 'Use Cases\n-----\n');
  assert.deepEqual(
    check(bare).map((d) => d.code),
    ['title-underline'],
  );
});

test('disable-file: anywhere in the file, for the whole file', () => {
  const text = `${cleanSpec().trimEnd()}\n\n.. rst-specs: disable-file=trailing-whitespace,tab\n`.replace('Unit tests.', 'Unit tests. \tx');
  assert.deepEqual(
    check(text).map((d) => d.code),
    [],
  );
});

test('without a list, a command applies to every rule; enable=<id> then turns one back on', () => {
  assert.deepEqual(
    run(['.. rst-specs: disable', '', `${T}\tTab.`, '', '.. rst-specs: enable=tab', '', `${T}\tTab.`, '', '.. rst-specs: enable', '', T]),
    ['tab@6', 'trailing-whitespace@10'],
  );
  assert.deepEqual(run(['.. rst-specs: disable-next-line', '', TT, TT]), ['tab@3', 'trailing-whitespace@3']);
});

test("lists: commas with or without spaces, over the comment's indented lines, and a -- reason", () => {
  assert.deepEqual(run(['.. rst-specs: disable-next-line=tab, trailing-whitespace -- copied as is', '', TT]), []);
  assert.deepEqual(run(['.. rst-specs: disable-next-line=tab,', '   trailing-whitespace', '', TT]), []);
});

test('an unknown rule id or command is itself a diagnostic (control-comment), and does nothing', () => {
  const lines = ['.. rst-specs: disable-next-line=trailing-whitespac,tab', '', TT, '', '.. rst-specs: disabel=tab'];
  const text = replaceLine(cleanSpec(), PARAGRAPH, lines.join('\n'));
  const first = lineOf(text, lines[0]);
  const found = check(text).filter((d) => d.code === 'control-comment' || d.code === 'trailing-whitespace');
  assert.deepEqual(
    found.map(({ code, message, range: where, data }) => ({ code, message, range: where, data })),
    [
      {
        code: 'control-comment',
        message: "Unknown rule 'trailing-whitespac' in an rst-specs comment: did you mean 'trailing-whitespace'?",
        range: range(first, 32, first, 50),
        data: { id: 'trailing-whitespac', suggestion: 'trailing-whitespace' },
      },
      { code: 'trailing-whitespace', message: found[1].message, range: found[1].range, data: found[1].data },
      {
        code: 'control-comment',
        message: "Unknown rst-specs command 'disabel': use disable, enable, disable-next-line, disable-file, template or optional.",
        range: range(first + 4, 14, first + 4, 21),
        data: undefined,
      },
    ],
  );
  // Every id unknown: the comment does nothing (rather than turning every rule off).
  assert.deepEqual(run(['.. rst-specs: disable-next-line=nothing-like-it', '', T]), ['control-comment@0', 'trailing-whitespace@2']);
  // control-comment can be turned off like any rule.
  assert.deepEqual(
    check(text, { rules: { 'control-comment': 'off' } }).filter((d) => d.code === 'control-comment'),
    [],
  );
});

test('template= is read before the first title only; later it is a control-comment diagnostic', () => {
  const top = `.. rst-specs: template=../lite-template.rst\n\n${cleanSpec()}`;
  assert.equal(inlineControl(parseSpec(top)).templatePath, '../lite-template.rst');
  const late = replaceLine(cleanSpec(), PARAGRAPH, '.. rst-specs: template=lite.rst');
  const control = inlineControl(parseSpec(late));
  assert.equal(control.templatePath, undefined);
  assert.deepEqual(
    control.problems.map((p) => p.message),
    ["template= is read only before the spec's first title: move this comment to the top."],
  );
});

test('what is not a control comment: text in a literal block, a comment that starts on the next line, a directive', () => {
  const doc = parseSpec(
    ['Example::', '', '   .. rst-specs: disable=tab', '', '..', '   rst-specs: disable=tab', '', '.. rst-specs:: disable=tab', ''].join(
      '\n',
    ),
  );
  assert.deepEqual(controlComments(doc), []);
});

test('the codes a comment may name: every rule, and the template and binary-file diagnostics', () => {
  assert.ok(CONTROL_CODES.has('line-length') && CONTROL_CODES.has('control-comment') && CONTROL_CODES.has('template'));
  const control = readControl(parseSpec('.. rst-specs: disable-file=template\n\nTitle\n=====\n'), CONTROL_CODES);
  assert.equal(control.isSuppressed('template', 0), true);
  assert.equal(control.isSuppressed('tab', 0), false);
});
