import type { Section } from '../rst/types';
import type { SectionMatch } from '../template/outline';
import type { Finding, Rule } from './rule';

const IN_PLACE = new Set(['exact', 'near', 'renamed', 'replaced']);

export const sectionOrder: Rule = {
  id: 'section-order',
  defaultSeverity: 'warning',
  description: 'Template sections present but not in template order.',
  fixes: [{ title: 'Move the section into template order' }],
  check({ outline }) {
    const inPlace = (sections: readonly Section[]) =>
      sections
        .map((section) => outline.matchOf(section))
        .filter((match): match is SectionMatch => !!match?.template && IN_PLACE.has(match.kind));
    const groups = [inPlace(outline.topLevel), ...outline.topLevel.map((section) => inPlace(section.children))];
    return groups.flatMap(findingsForGroup);
  },
};

function findingsForGroup(group: readonly SectionMatch[]): Finding[] {
  const keep = longestIncreasingRun(group.map((match) => match.template!.index));
  const ordered = group.filter((_, position) => keep.has(position));
  const findings: Finding[] = [];
  group.forEach((match, position) => {
    if (keep.has(position)) return;
    const index = match.template!.index;
    const before = ordered.filter((other) => other.template!.index < index).at(-1);
    const after = ordered.find((other) => other.template!.index > index);
    const where = before ? `after '${before.section.title}'` : `before '${after!.section.title}'`;
    findings.push({
      range: match.section.titleRange,
      message: `Section '${match.section.title}' is out of template order: it belongs ${where}.`,
      data: {
        title: match.section.title,
        afterTitle: before?.section.title ?? null,
        beforeTitle: before ? null : (after?.section.title ?? null),
      },
    });
  });
  return findings;
}

/** Positions of one longest strictly increasing subsequence (O(n log n)). */
function longestIncreasingRun(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array(values.length).fill(-1);
  values.forEach((value, position) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (values[tails[middle]] < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[position] = tails[low - 1];
    tails[low] = position;
  });
  const kept = new Set<number>();
  for (let position = tails.at(-1) ?? -1; position >= 0; position = previous[position]) kept.add(position);
  return kept;
}
