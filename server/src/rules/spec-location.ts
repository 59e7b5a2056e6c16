import type { Rule } from './rule';
import { misplacementMessage } from '../repo/layout';

/** A spec saved where the repo's directory test (nova-specs tests/test_directories.py) fails CI. */
export const specLocation: Rule = {
  id: 'spec-location',
  defaultSeverity: 'error',
  description: "A spec in a release folder other than approved/ or implemented/, which the repo's directory test rejects.",
  check({ doc, options }) {
    const problem = options.misplacement;
    if (!problem) return [];
    const firstLine = doc.lines[0]?.text ?? '';
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine.length } },
        message: misplacementMessage(problem),
        data: { target: problem.target, release: problem.release },
      },
    ];
  },
};
