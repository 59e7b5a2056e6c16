import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { validateText, type SpecDiagnostic } from '../../server/src/engine';
import { hasCorpus } from '../helpers';
import { corpusTemplate, peerOptionalSections, readManifest, type CorpusSpec } from './manifest';

const TEXT_RULES = new Set(['line-length', 'trailing-whitespace', 'carriage-return', 'zero-width-space']);
const STRUCTURE_RULES = new Set(['missing-section', 'unknown-section', 'title-mismatch', 'section-level']);

function diagnosticsOf(spec: CorpusSpec): { text: string; diagnostics: SpecDiagnostic[] } {
  const text = readFileSync(spec.file, 'utf8');
  const diagnostics = validateText(text, corpusTemplate(spec.templateFile), {
    optionalSections: peerOptionalSections(spec.release),
    fileName: basename(spec.file),
  });
  return { text, diagnostics };
}

/** The peer check's failures, as lists of titles and line numbers. */
function parseFailures(failures: readonly string[]) {
  const list = (text: string) => [...text.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((match) => match[1]);
  const parsed = {
    missing: [] as string[],
    extra: [] as string[],
    missingSubsections: [] as [string, string][],
    longLines: [] as number[],
  };
  for (const failure of failures) {
    if (failure.startsWith('Missing sections:')) parsed.missing.push(...list(failure));
    else if (failure.startsWith('Extra sections:')) parsed.extra.push(...list(failure));
    else if (failure.startsWith('line_length: lines ')) parsed.longLines.push(...failure.slice(19).split(',').map(Number));
    else {
      const match = /^Section '(.+?)' is missing subsections: (.*)$/.exec(failure);
      assert.ok(match, `unexpected peer failure: ${failure}`);
      for (const child of list(match[2])) parsed.missingSubsections.push([match[1], child]);
    }
  }
  return parsed;
}

test(
  "corpus: specs that pass their repo's checks get no error and no text-rule diagnostic",
  { skip: !hasCorpus && '../shared/corpus is absent' },
  () => {
    const failures: string[] = [];
    for (const spec of readManifest().filter((s) => s.peerPass)) {
      for (const d of diagnosticsOf(spec).diagnostics) {
        // The REST rules look where the specs repos' checks don't: their real findings on these
        // specs are pinned, and read one by one, in test/rules/rest/corpus-rest-diagnostics.json.
        // The docs-gate rules (rst-*) answer to Sphinx itself: test/rules/docs/sphinx-differential.test.ts.
        if ((d.severity === 'error' && !d.code.startsWith('rest-') && !d.code.startsWith('rst-')) || TEXT_RULES.has(d.code)) {
          failures.push(`${spec.repo}/${spec.path}:${d.range.start.line + 1}: ${d.code} ${d.message}`);
        }
      }
    }
    assert.deepEqual(failures, []);
  },
);

test(
  "corpus: specs that fail their repo's checks get one error per named problem, and the exact long lines",
  { skip: !hasCorpus && '../shared/corpus is absent' },
  () => {
    const failing = readManifest().filter((s) => !s.peerPass);
    assert.equal(failing.length, 25);
    for (const spec of failing) {
      const where = `${spec.repo}/${spec.path}`;
      const { text, diagnostics } = diagnosticsOf(spec);
      const lines = text.split('\n');
      const peer = parseFailures(spec.peerFailures);
      const structural = diagnostics.filter((d) => STRUCTURE_RULES.has(d.code));
      for (const d of structural) assert.equal(d.severity, 'error', `${where}: ${d.message}`);
      const explained = new Set<SpecDiagnostic>();
      const claim = (found: SpecDiagnostic | undefined, what: string) => {
        assert.ok(found, `${where}: no diagnostic for ${what}; got ${JSON.stringify(structural.map((d) => d.message))}`);
        explained.add(found);
      };
      for (const title of peer.extra) {
        claim(
          structural.find((d) => lines[d.range.start.line].trim() === title && d.code !== 'missing-section'),
          `extra section '${title}'`,
        );
      }
      for (const title of peer.missing) {
        claim(
          structural.find((d) => d.data?.title === title || d.data?.expected === title),
          `missing section '${title}'`,
        );
      }
      for (const [parent, child] of peer.missingSubsections) {
        const byChild = structural.find((d) => d.data?.title === child || d.data?.expected === child);
        // The peer check lists every subsection of a parent it cannot find; once the parent is
        // reported (renamed or missing), only the subsections really missing under it are reported.
        if (peer.missing.includes(parent)) {
          if (byChild) explained.add(byChild);
          continue;
        }
        claim(byChild, `subsection '${child}' of '${parent}'`);
      }
      assert.deepEqual(
        structural.filter((d) => !explained.has(d)).map((d) => d.message),
        [],
        `${where}: diagnostics the peer check does not name`,
      );
      const longLines = diagnostics.filter((d) => d.code === 'line-length').map((d) => d.range.start.line + 1);
      assert.deepEqual(longLines, peer.longLines, `${where}: line-length`);
    }
  },
);
