import type { Rule } from './rule';

/** Mistakes in `.. rst-specs:` control comments (read once per check by the engine, see control/). */
export const controlComment: Rule = {
  id: 'control-comment',
  defaultSeverity: 'warning',
  description: 'An rst-specs control comment with an unknown command or rule id, or a misplaced template=.',
  check({ control }) {
    return (control?.problems ?? []).map((problem) => ({ range: problem.range, message: problem.message, data: problem.data }));
  },
};
