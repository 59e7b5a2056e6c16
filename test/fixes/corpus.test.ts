// Insert-all and fix-all over the public corpus: afterwards no structural or title problem is left,
// the spec parses with the same sections (plus the inserted ones), and every original line is
// still there, in order. Lines are compared after what the fixes change on purpose: trailing
// whitespace removed, tabs expanded, zero-width spaces dropped, line breaks made LF, renamed
// titles (title-mismatch) spelt as the template spells them, and adornment lines (which
// title-underline and section-level resize or restyle) left out of the comparison.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { validateDocument } from '../../server/src/engine';
import { applyEdits } from '../../server/src/edit/text-edit';
import { fixAllEdits } from '../../server/src/fixes/fix-all';
import { quickFixFor } from '../../server/src/fixes/index';
import { insertAllMissingSections } from '../../server/src/fixes/insert-sections';
import { parseSpec } from '../../server/src/rst/parse';
import { startLineOf } from '../../server/src/template/model';
import { buildOutline } from '../../server/src/template/outline';
import type { SpecDocument } from '../../server/src/rst/types';
import { hasCorpus } from '../helpers';
import { corpusTemplate, peerOptionalSections, readManifest } from '../corpus/manifest';
import { assertNoNewDiagnostics, options } from './fix-helpers';
import { fixContext } from '../../server/src/fixes/fix';

// Inserted by insert-all, or fixed by fix-all (which renames no title and changes no level: those stay explicit).
const GONE = ['missing-section', 'title-underline', 'trailing-whitespace'];
const ADORNMENT = /^([!-/:-@[-`{-~])\1*$/;

function normalisedLines(text: string, renames: ReadonlyMap<string, string>): string[] {
  return text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\n|\r/)
    .map((line) => expandTabs(line.replace(/\u200b/g, '')).replace(/\s+$/, ''))
    .filter((line) => !ADORNMENT.test(line.trim()) || line.trim().length < 2)
    .map((line) => renames.get(line.trim()) ?? line.trim());
}

function expandTabs(line: string): string {
  let result = '';
  for (const character of line) result += character === '\t' ? ' '.repeat(8 - (result.length % 8)) : character;
  return result;
}

function isSubsequence(small: readonly string[], large: readonly string[]): string | undefined {
  let at = 0;
  for (const item of small) {
    while (at < large.length && large[at] !== item) at++;
    if (at === large.length) return item;
    at++;
  }
  return undefined;
}

const titles = (doc: SpecDocument) => doc.sections.map((section) => section.title);

test('corpus: insert all missing sections, then fix all, on every spec', { skip: !hasCorpus && '../shared/corpus is absent' }, () => {
  const specs = readManifest();
  const failures: string[] = [];
  let inserted = 0;
  let changed = 0;
  const started = performance.now();
  for (const spec of specs) {
    const where = `${spec.repo}/${spec.path}`;
    const template = corpusTemplate(spec.templateFile);
    const fix = options({ optionalSections: peerOptionalSections(spec.release) });
    const engine = { optionalSections: fix.optionalSections, fileName: basename(spec.file) };
    const text = readFileSync(spec.file, 'utf8');
    const doc = parseSpec(text);
    const before = validateDocument(doc, template, engine);

    const insertions = insertAllMissingSections(fixContext({ doc, template }, fix));
    const withSections = applyEdits(text, insertions);
    if (insertAllMissingSections(fixContext({ doc: parseSpec(withSections), template }, fix)).length > 0)
      failures.push(`${where}: insert-all is not idempotent`);
    const fixedDoc = parseSpec(withSections);
    const fixed = applyEdits(withSections, fixAllEdits(fixedDoc, template, { ...fix, engine }));
    const finalDoc = parseSpec(fixed);
    if (fixAllEdits(finalDoc, template, { ...fix, engine }).length > 0) failures.push(`${where}: fix-all is not idempotent`);
    if (fixed !== text) changed++;
    inserted += before.filter((d) => d.code === 'missing-section').length;

    const left = validateDocument(finalDoc, template, engine).filter((d) => GONE.includes(d.code));
    for (const d of left) failures.push(`${where}:${d.range.start.line + 1}: ${d.code} ${d.message}`);

    // Fix-all renames nothing: every title stays as written.
    const renames = new Map<string, string>();
    const missingTitle = isSubsequence(
      titles(doc).map((title) => renames.get(title) ?? title),
      titles(finalDoc),
    );
    if (missingTitle !== undefined) failures.push(`${where}: section '${missingTitle}' lost or out of order`);
    const added = titles(finalDoc).length - titles(doc).length;
    const templateTitles = new Set(template.sections.map((section) => section.title));
    const extra = [...titles(finalDoc)];
    for (const title of titles(doc).map((t) => renames.get(t) ?? t)) extra.splice(extra.indexOf(title), 1);
    if (extra.some((title) => !templateTitles.has(title)) || extra.length !== added) {
      failures.push(`${where}: sections added that are not the template's: ${extra.join(', ')}`);
    }
    const lost = isSubsequence(normalisedLines(text, renames), normalisedLines(fixed, renames));
    if (lost !== undefined) failures.push(`${where}: line lost or moved: ${JSON.stringify(lost)}`);
  }
  const elapsed = performance.now() - started;
  console.log(
    `corpus fixes: ${specs.length} specs, ${inserted} missing sections inserted, ${changed} specs changed, ${elapsed.toFixed(0)} ms`,
  );
  assert.deepEqual(failures, []);
});

test(
  'corpus: sections taken out of real specs are inserted back at their place, with no new problem',
  { skip: !hasCorpus && '../shared/corpus is absent' },
  () => {
    const failures: string[] = [];
    let removed = 0;
    for (const spec of readManifest()) {
      const where = `${spec.repo}/${spec.path}`;
      const template = corpusTemplate(spec.templateFile);
      const fix = options({ optionalSections: peerOptionalSections(spec.release) });
      const engine = { optionalSections: fix.optionalSections, fileName: basename(spec.file) };
      const original = readFileSync(spec.file, 'utf8');
      const doc = parseSpec(original);
      const outline = buildOutline(doc, template, fix.optionalSections);
      // Every second top-level template section, and every third subsection of the others.
      const drop = new Set<number>();
      const exact = (section: SpecDocument['sections'][number]) => outline.matchOf(section)?.kind === 'exact';
      const dropped = new Set<SpecDocument['sections'][number]>();
      const take = (section: SpecDocument['sections'][number]) => {
        dropped.add(section);
        for (let line = startLineOf(section); line < Math.min(section.endLine, doc.lines.length - 1); line++) drop.add(line);
        removed++;
      };
      outline.topLevel.filter(exact).forEach((section, index) => {
        if (index % 2 === 1) take(section);
        else section.children.filter(exact).forEach((child, childIndex) => childIndex % 3 === 2 && take(child));
      });
      const lines = original.split('\n');
      const text = lines.filter((_, line) => !drop.has(line)).join('\n');
      const withSections = applyEdits(text, insertAllMissingSections(fixContext({ doc: parseSpec(text), template }, fix)));
      const before = validateDocument(doc, template, engine);
      // Taking a section out can change how its neighbours match (an unknown subsection becomes
      // top-level): what the cut spec already had is not the insertion's doing.
      const cut = validateDocument(parseSpec(text), template, engine).filter((d) => d.code !== 'missing-section');
      const after = validateDocument(parseSpec(withSections), template, engine);
      try {
        assert.deepEqual(
          after.filter((d) => d.code === 'missing-section').map((d) => d.message),
          [],
        );
        assertNoNewDiagnostics([...before, ...cut], after);
        // Where the original was in template order, the template sections are back in the same order.
        // (Sections the original lacked are inserted too; a cut that made a neighbour stand in for the
        // section taken out, by title-mismatch, is not comparable.)
        const renamedByCut = cut.some((d) => d.code === 'title-mismatch' && !before.some((b) => b.message === d.message));
        if (!before.some((d) => d.code === 'section-order') && !renamedByCut) {
          const optional = new Set(fix.optionalSections);
          const templateTitles = new Set(template.sections.map((section) => section.title));
          const gone = (section: SpecDocument['sections'][number]): boolean =>
            (dropped.has(section) || (!!section.parent && gone(section.parent))) && optional.has(section.title);
          const lostWithParent = (section: SpecDocument['sections'][number]) =>
            !!section.parent && dropped.has(section.parent) && outline.matchOf(section)?.kind !== 'exact';
          const expected = doc.sections
            .filter((section) => templateTitles.has(section.title) && !gone(section) && !lostWithParent(section))
            .map((section) => section.title);
          const result = parseSpec(withSections)
            .sections.map((section) => section.title)
            .filter((title) => templateTitles.has(title));
          assert.equal(isSubsequence(expected, result), undefined, `template sections in another order: ${result.join(', ')}`);
        }
      } catch (error) {
        failures.push(
          `${where}: ${process.env.VERBOSE ? (error as Error).message : (error as Error).message.split('\n').slice(0, 8).join(' ')}`,
        );
      }
    }
    console.log(`corpus round trip: ${removed} sections taken out and inserted back`);
    assert.deepEqual(failures, []);
  },
);

test(
  'corpus: every reflow and every move, applied alone, keeps the words and brings no new problem',
  { skip: !hasCorpus && '../shared/corpus is absent' },
  () => {
    const failures: string[] = [];
    const counts = { reflowed: 0, notReflowed: 0, moved: 0 };
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    const sortedLines = (text: string) =>
      text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .sort();
    for (const spec of readManifest()) {
      const where = `${spec.repo}/${spec.path}`;
      const template = corpusTemplate(spec.templateFile);
      const fix = options({ optionalSections: peerOptionalSections(spec.release) });
      const engine = { optionalSections: fix.optionalSections, fileName: basename(spec.file) };
      const text = readFileSync(spec.file, 'utf8');
      const doc = parseSpec(text);
      const before = validateDocument(doc, template, engine);
      for (const diagnostic of before) {
        if (diagnostic.code !== 'line-length' && diagnostic.code !== 'section-order') continue;
        const quickFix = quickFixFor(fixContext({ doc, template }, fix), diagnostic);
        if (!quickFix) {
          if (diagnostic.code === 'line-length') counts.notReflowed++;
          else failures.push(`${where}: no move for ${diagnostic.message}`);
          continue;
        }
        const result = applyEdits(text, quickFix.edits);
        const after = validateDocument(parseSpec(result), template, engine);
        const label = `${where}:${diagnostic.range.start.line + 1} ${quickFix.title}`;
        try {
          assertNoNewDiagnostics(before, after, diagnostic);
          if (diagnostic.code === 'line-length') {
            counts.reflowed++;
            assert.deepEqual(words(result), words(text), 'words changed');
          } else {
            counts.moved++;
            assert.deepEqual(sortedLines(result), sortedLines(text), 'lines changed');
          }
        } catch (error) {
          failures.push(`${label}: ${(error as Error).message.split('\n').slice(0, 6).join(' ')}`);
        }
      }
    }
    console.log(
      `corpus reflow/move: ${counts.reflowed} paragraphs reflowed, ${counts.notReflowed} long lines without a safe reflow, ${counts.moved} sections moved`,
    );
    assert.deepEqual(failures, []);
  },
);

test(
  'corpus: paragraphs joined into one long line are reflowed with their words, markup and neighbours intact',
  { skip: !hasCorpus && '../shared/corpus is absent' },
  () => {
    const failures: string[] = [];
    let reflowed = 0;
    let withoutFix = 0;
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    for (const spec of readManifest()) {
      const template = corpusTemplate(spec.templateFile);
      const fix = options({ optionalSections: peerOptionalSections(spec.release) });
      const engine = { optionalSections: fix.optionalSections, fileName: basename(spec.file) };
      const text = readFileSync(spec.file, 'utf8');
      const lines = text.split('\n');
      // The first three paragraphs of two lines or more in each spec.
      const paragraphs = parseSpec(text)
        .blocks.filter((block) => block.kind === 'paragraph' && block.endLine - block.startLine > 1)
        .slice(0, 3);
      for (const block of paragraphs) {
        const joined = [lines[block.startLine], ...lines.slice(block.startLine + 1, block.endLine).map((line) => line.trim())].join(' ');
        const long = [...lines.slice(0, block.startLine), joined, ...lines.slice(block.endLine)].join('\n');
        const doc = parseSpec(long);
        const before = validateDocument(doc, template, engine);
        const diagnostic = before.find((d) => d.code === 'line-length' && d.range.start.line === block.startLine);
        if (!diagnostic) continue;
        const quickFix = quickFixFor(fixContext({ doc, template }, fix), diagnostic);
        if (!quickFix) {
          withoutFix++;
          continue;
        }
        const result = applyEdits(long, quickFix.edits);
        try {
          assertNoNewDiagnostics(before, validateDocument(parseSpec(result), template, engine), diagnostic);
          assert.deepEqual(words(result), words(long), 'words changed');
          reflowed++;
        } catch (error) {
          failures.push(`${spec.repo}/${spec.path}:${block.startLine + 1}: ${(error as Error).message.split('\n').slice(0, 6).join(' ')}`);
        }
      }
    }
    console.log(`corpus reflow of joined paragraphs: ${reflowed} reflowed, ${withoutFix} without a safe reflow`);
    assert.ok(reflowed > 500);
    assert.deepEqual(failures, []);
  },
);
