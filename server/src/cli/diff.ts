// A unified diff of two texts by lines (Myers' algorithm), as `diff -u` and `git apply` read it.

/** Lines with their endings kept, so a CRLF file's diff shows (and applies) its CRs. */
function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
}

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string };

/** The shortest edit script from `a` to `b`, as a list of kept, removed and added lines. */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const x0 = a.slice(start, endA);
  const y0 = b.slice(start, endB);
  const n = x0.length;
  const m = y0.length;
  const max = n + m;
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
  const middle: Op[] = [];
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
      y--;
      middle.push({ kind: ' ', line: x0[--x] });
    }
    if (d > 0) {
      if (down) middle.push({ kind: '+', line: y0[--y] });
      else middle.push({ kind: '-', line: x0[--x] });
    }
  }
  middle.reverse();
  return [
    ...a.slice(0, start).map((line) => ({ kind: ' ' as const, line })),
    ...middle,
    ...a.slice(endA).map((line) => ({ kind: ' ' as const, line })),
  ];
}

/** `--- a/<name>` / `+++ b/<name>` and hunks with `context` lines around each change; '' when equal. */
export function unifiedDiff(name: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const ops = editScript(splitLines(before), splitLines(after));
  let output = `--- ${diffName('a/', name)}\n+++ ${diffName('b/', name)}\n`;
  let index = 0;
  while (index < ops.length) {
    while (index < ops.length && ops[index].kind === ' ') index++;
    if (index >= ops.length) break;
    const first = Math.max(0, index - context);
    let last = index;
    // Extend the hunk while the next change is within 2 * context kept lines.
    for (let scan = index; scan < ops.length; scan++) {
      if (ops[scan].kind !== ' ') last = scan;
      else if (scan - last > 2 * context) break;
    }
    const end = Math.min(ops.length, last + context + 1);
    let oldStart = 1;
    let newStart = 1;
    for (let before = 0; before < first; before++) {
      if (ops[before].kind !== '+') oldStart++;
      if (ops[before].kind !== '-') newStart++;
    }
    const hunk = ops.slice(first, end);
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    output += `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n`;
    for (const op of hunk) {
      output += op.kind + op.line;
      if (!op.line.endsWith('\n')) output += '\n\\ No newline at end of file\n';
    }
    index = end;
  }
  return output;
}

const C_ESCAPES: Readonly<Record<number, string>> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 34: '\\"', 92: '\\\\' };

/**
 * A file name in a `---`/`+++` line as git writes it, which `patch` and `git apply` read back: in
 * double quotes with C escapes (other bytes in octal, UTF-8 included) when it has a control
 * character, a quote, a backslash or a byte above ASCII; else as it is, followed by a tab when it
 * has a space (the tab ends the name: without it, patch stops the name at the space).
 */
export function diffName(prefix: string, name: string): string {
  const bytes = Buffer.from(prefix + name, 'utf8');
  if (!bytes.some((byte) => byte < 0x20 || byte === 0x22 || byte === 0x5c || byte >= 0x7f)) {
    return name.includes(' ') ? `${prefix}${name}\t` : prefix + name;
  }
  let quoted = '"';
  for (const byte of bytes) {
    quoted += C_ESCAPES[byte] ?? (byte < 0x20 || byte >= 0x7f ? `\\${byte.toString(8).padStart(3, '0')}` : String.fromCharCode(byte));
  }
  return `${quoted}"`;
}

function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}
