import type { Rule } from '../rule';
import { extractRest } from './extract';

export const restJson: Rule = {
  id: 'rest-json',
  defaultSeverity: 'warning',
  description: 'REST API impact: a JSON sample or schema that does not parse (or, for a Python dict, unbalanced brackets or quotes).',
  check(context) {
    const rest = extractRest(context);
    if (!rest) return [];
    return rest.samples.flatMap(({ segment }) => {
      const problem = segment.problem;
      if (!problem) return [];
      return [
        {
          range: {
            start: { line: problem.line, character: problem.character },
            end: { line: problem.line, character: problem.character + problem.length },
          },
          message: problem.message,
          data: { mode: segment.mode },
        },
      ];
    });
  },
};
