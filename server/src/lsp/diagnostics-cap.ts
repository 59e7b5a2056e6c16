// At most MAX_DIAGNOSTICS diagnostics per document go to the editor, then one that says how many
// more there are. A spec with a problem on each of its 150,000 lines made each keystroke publish
// 38 MB, which the server serialised and the editor parsed and drew, for a list nobody reads; the
// CLI reports them all, and fix-all fixes them all (it works on the engine's full list).
import type { SpecDiagnostic } from '../engine';

export const MAX_DIAGNOSTICS = 1000;
export const TOO_MANY_CODE = 'too-many-problems';

const RANK: Record<SpecDiagnostic['severity'], number> = { error: 0, warning: 1, information: 2, hint: 3 };
const number = (count: number) => count.toLocaleString('en-US');

/**
 * The diagnostics the editor gets: all of them when there are at most `max`; else the `max` most
 * severe (in document order within a severity, shown in document order), then one at the start of
 * the document, as severe as the most severe one left out, that counts the others by rule.
 */
export function capDiagnostics(diagnostics: readonly SpecDiagnostic[], max = MAX_DIAGNOSTICS): readonly SpecDiagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  // The rank that fills the cap: everything more severe is kept, and the first of that rank.
  const counts = [0, 0, 0, 0];
  for (const diagnostic of diagnostics) counts[RANK[diagnostic.severity]]++;
  let cutRank = 0;
  let room = max;
  while (counts[cutRank] <= room) room -= counts[cutRank++];
  const kept: SpecDiagnostic[] = [];
  const hiddenByCode = new Map<string, number>();
  let worst = 3;
  for (const diagnostic of diagnostics) {
    const rank = RANK[diagnostic.severity];
    if (rank < cutRank || (rank === cutRank && room-- > 0)) {
      kept.push(diagnostic);
      continue;
    }
    worst = Math.min(worst, rank);
    hiddenByCode.set(diagnostic.code, (hiddenByCode.get(diagnostic.code) ?? 0) + 1);
  }
  const hidden = diagnostics.length - kept.length;
  const byCode = [...hiddenByCode].sort((a, b) => b[1] - a[1]);
  const listed = byCode.slice(0, 3).map(([code, count]) => `${number(count)} ${code}`);
  if (byCode.length > 3) listed.push('others');
  const severity = (Object.keys(RANK) as SpecDiagnostic['severity'][])[worst];
  return [
    {
      code: TOO_MANY_CODE,
      severity,
      message: `${number(diagnostics.length)} problems: the ${number(kept.length)} most severe are shown, ${number(hidden)} more are not (${listed.join(', ')}). Fix-all fixes them all where it can; rst-specs check lists them all.`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    },
    ...kept,
  ];
}
