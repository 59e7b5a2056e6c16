// Myers' diff of two lists of lines: the one line matcher behind fix-all's edits (fixes/diff.ts)
// and the CLI's unified diffs (cli/diff.ts).

/** A step of an edit script: keep a line of both lists, remove one of the first, add one of the second. */
export type DiffStep = ' ' | '-' | '+';

/**
 * The shortest edit script from `a` to `b` (Myers, O((N+M)·D)), in order. Lists more than
 * `maxEditDistance` edits apart keep only their common prefix and suffix; the middle is removed,
 * then added.
 */
export function editScript(a: readonly string[], b: readonly string[], maxEditDistance = Infinity): DiffStep[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middle = myers(a.slice(start, endA), b.slice(start, endB), maxEditDistance);
  const kept = (count: number): DiffStep[] => new Array<DiffStep>(count).fill(' ');
  return [...kept(start), ...middle, ...kept(a.length - endA)];
}

/** Index pairs of a longest common subsequence of two string lists (editScript's kept lines). */
export function matchLines(a: readonly string[], b: readonly string[], maxEditDistance = Infinity): [number, number][] {
  const pairs: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const step of editScript(a, b, maxEditDistance)) {
    if (step === ' ') pairs.push([x, y]);
    if (step !== '+') x++;
    if (step !== '-') y++;
  }
  return pairs;
}

function myers(x0: readonly string[], y0: readonly string[], maxEditDistance: number): DiffStep[] {
  const n = x0.length;
  const m = y0.length;
  const max = Math.min(n + m, maxEditDistance);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = n === 0 && m === 0;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && x0[x] === y0[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  if (!found) return [...new Array<DiffStep>(n).fill('-'), ...new Array<DiffStep>(m).fill('+')];
  const steps: DiffStep[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const previous = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && previous[offset + k - 1] < previous[offset + k + 1]);
    const prevK = down ? k + 1 : k - 1;
    const prevX = previous[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      steps.push(' ');
    }
    if (d > 0) {
      if (down) y--;
      else x--;
      steps.push(down ? '+' : '-');
    }
  }
  return steps.reverse();
}
