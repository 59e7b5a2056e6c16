// Property tests: random rST-like documents and random mutations of the corpus specs, each run
// through the parser, the rules, every quick fix, fix-all and the features (invariants.ts).
// RST_SPECS_SEED replays a run; RST_SPECS_LONG=1 runs many more.
import { test } from 'node:test';
import fc from 'fast-check';
import { bundledTemplate } from '../helpers';
import { corpusTemplate, peerOptionalSections } from '../corpus/manifest';
import { runs, SEED, replayHint } from './config';
import { corpusSpecs, mutate, mutation, rstDocument } from './generators';
import { checkText } from './invariants';

const position = fc.record({
  line: fc.oneof(fc.integer({ min: 0, max: 150 }), fc.constantFrom(-1, 100_000)),
  character: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(-1, 1_000_000)),
});

function assertProperty<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void, numRuns: number): void {
  const result = fc.check(fc.property(arbitrary, predicate), { seed: SEED, numRuns });
  if (result.failed) {
    const counterexample = JSON.stringify(result.counterexample?.[0])?.slice(0, 2000);
    throw new Error(
      `${replayHint()} (fast-check path ${result.counterexample ? result.counterexamplePath : '?'})\n` +
        `counterexample (${result.numShrinks} shrinks): ${counterexample}\n${(result.errorInstance as Error)?.stack ?? result.error}`,
    );
  }
}

test(`random rST-like documents (seed ${SEED})`, { timeout: 600_000 }, () => {
  const template = bundledTemplate();
  assertProperty(
    fc.tuple(rstDocument, fc.array(position, { maxLength: 6 })),
    ([text, positions]) => {
      checkText(text, template, { positions });
    },
    runs(200, 5_000),
  );
});

test(`random mutations of the corpus specs (seed ${SEED})`, { timeout: 600_000, skip: corpusSpecs().length === 0 && 'no corpus' }, () => {
  const specs = corpusSpecs();
  assertProperty(
    fc.tuple(
      fc.integer({ min: 0, max: specs.length - 1 }),
      fc.array(mutation, { minLength: 1, maxLength: 6 }),
      fc.array(position, { maxLength: 4 }),
    ),
    ([index, mutations, positions]) => {
      const { spec, text } = specs[index];
      const optionalSections = peerOptionalSections(spec.release);
      checkText(mutate(text, mutations), corpusTemplate(spec.templateFile), {
        fix: { maxLineLength: 79, optionalSections, insertedSectionBody: index % 2 ? 'guidance' : 'none' },
        positions,
      });
    },
    runs(60, 3_000),
  );
});
