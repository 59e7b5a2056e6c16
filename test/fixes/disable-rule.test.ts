// "Disable <rule> for this line" and "… for this file": the comment goes where it turns off the
// diagnostic without changing how the document renders (no paragraph, list or literal block split).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateText, type SpecDiagnostic } from '../../server/src/engine';
import { disableRuleFixes } from '../../server/src/fixes/disable-rule';
import { applyEdits } from '../../server/src/edit/text-edit';
import { parseSpec } from '../../server/src/rst/parse';
import { bundledTemplate, cleanSpec, replaceLine } from '../helpers';

const PARAGRAPH = 'Add a health field to the node resource.';
const T = 'Text with a trailing space. ';

const diagnosticsOf = (text: string) => validateText(text, bundledTemplate());
/** Block kinds and sections: what must not change when a control comment is added (comments aside). */
const structure = (text: string) => {
  const doc = parseSpec(text);
  return {
    sections: doc.sections.map((s) => s.title),
    blocks: doc.blocks.filter((b) => b.kind !== 'comment').map((b) => `${b.kind}:${b.endLine - b.startLine}`),
    messages: doc.messages.map((m) => m.text),
  };
};

/** Applies one of the disable fixes of the first diagnostic of `code` and checks it did its job. */
function disable(text: string, code: string, which: 'line' | 'file' = 'line'): { title: string; result: string } {
  const diagnostic = diagnosticsOf(text).find((d) => d.code === code) as SpecDiagnostic;
  assert.ok(diagnostic, `no ${code} diagnostic`);
  const fixes = disableRuleFixes(parseSpec(text), diagnostic);
  const fix = which === 'line' ? fixes[0] : fixes[fixes.length - 1];
  assert.ok(fix, `no fix for ${code}`);
  const result = applyEdits(text, fix.edits);
  const before = diagnosticsOf(text).filter(
    (d) => d !== diagnostic && !(d.code === code && d.range.start.line === diagnostic.range.start.line),
  );
  const after = diagnosticsOf(result);
  assert.equal(
    after.filter((d) => d.code === code).length,
    diagnosticsOf(text).filter((d) => d.code === code).length -
      (which === 'file' ? diagnosticsOf(text).filter((d) => d.code === code).length : 1),
  );
  assert.deepEqual(
    after.map((d) => d.code).filter((c) => c !== code),
    before.map((d) => d.code).filter((c) => c !== code),
  );
  assert.deepEqual(structure(result), structure(text));
  return { title: fix.title, result };
}

test('a diagnostic on the first line of a paragraph: disable-next-line above it', () => {
  const text = replaceLine(cleanSpec(), PARAGRAPH, T);
  const { title, result } = disable(text, 'trailing-whitespace');
  assert.equal(title, 'Disable trailing-whitespace for this line');
  assert.ok(result.includes(`===============\n\n.. rst-specs: disable-next-line=trailing-whitespace\n\n${T}\n`), result);
});

test('a diagnostic inside a paragraph: the paragraph is wrapped in disable … enable', () => {
  const text = replaceLine(cleanSpec(), PARAGRAPH, `First line.\n${T}\nLast line.`);
  const { title, result } = disable(text, 'trailing-whitespace');
  const first = text.split('\n').indexOf('First line.') + 1;
  assert.equal(title, `Disable trailing-whitespace for this block (lines ${first}–${first + 2})`);
  assert.ok(
    result.includes(
      `.. rst-specs: disable=trailing-whitespace\n\nFirst line.\n${T}\nLast line.\n\n.. rst-specs: enable=trailing-whitespace\n\n`,
    ),
    result,
  );
});

test('a diagnostic in a list item: the whole list is wrapped', () => {
  const text = replaceLine(cleanSpec(), PARAGRAPH, `* one\n* ${T}\n* three`);
  const { result } = disable(text, 'trailing-whitespace');
  assert.ok(
    result.includes(`.. rst-specs: disable=trailing-whitespace\n\n* one\n* ${T}\n* three\n\n.. rst-specs: enable=trailing-whitespace\n`),
    result,
  );
});

test('a diagnostic in a literal block: the wrap takes in the paragraph that introduces it', () => {
  const text = replaceLine(cleanSpec(), PARAGRAPH, `For example::\n\n    code(${'x'.repeat(10)}) \n    more`);
  const { result } = disable(text, 'trailing-whitespace');
  assert.ok(result.includes('.. rst-specs: disable=trailing-whitespace\n\nFor example::\n\n    code('), result);
  assert.ok(result.includes('    more\n\n.. rst-specs: enable=trailing-whitespace\n'), result);
});

test('a title: disable-next-line above it covers the title and its underline', () => {
  const text = cleanSpec().replace('Use Cases\n---------\n', 'Use Cases\n-----\n');
  const { result } = disable(text, 'title-underline');
  assert.ok(result.includes('.. rst-specs: disable-next-line=title-underline\n\nUse Cases\n-----\n'), result);
});

test('a second rule on the same line joins the comment that is there', () => {
  const text = replaceLine(cleanSpec(), PARAGRAPH, `.. rst-specs: disable-next-line=tab\n\nTab\there. `);
  const { result } = disable(text, 'trailing-whitespace');
  assert.ok(result.includes('.. rst-specs: disable-next-line=tab,trailing-whitespace\n\nTab\there. '), result);
  assert.deepEqual(
    disableRuleFixes(parseSpec(result), { code: 'tab', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } })
      .length,
    2,
  );
});

test('the last paragraph of the file: enable goes at the end', () => {
  const text = `${cleanSpec().trimEnd()}\n\nLast words.\n${T}\n`;
  const { result } = disable(text, 'trailing-whitespace');
  assert.ok(
    result.endsWith(`.. rst-specs: disable=trailing-whitespace\n\nLast words.\n${T}\n\n.. rst-specs: enable=trailing-whitespace\n`),
    result,
  );
  const unterminated = `${cleanSpec().trimEnd()}\n\nLast words.\n${T}`;
  assert.ok(disable(unterminated, 'trailing-whitespace').result.endsWith(`${T}\n\n.. rst-specs: enable=trailing-whitespace\n`));
});

test('for this file: before the document title (after the license comment), or added to the comment there is', () => {
  const text = replaceLine(cleanSpec(), PARAGRAPH, `${T}\n\nAgain. `);
  const { title, result } = disable(text, 'trailing-whitespace', 'file');
  assert.equal(title, 'Disable trailing-whitespace for this file');
  assert.ok(
    result.includes('legalcode\n\n.. rst-specs: disable-file=trailing-whitespace\n\n=============================\nClean spec'),
    result,
  );
  const both = disable(replaceLine(result, 'Unit tests.', 'Unit\ttests.'), 'tab', 'file').result;
  assert.ok(both.includes('.. rst-specs: disable-file=trailing-whitespace,tab\n'), both);
});

test('no comment can turn off binary-file', () => {
  assert.deepEqual(
    disableRuleFixes(parseSpec('x'), { code: 'binary-file', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }),
    [],
  );
});
