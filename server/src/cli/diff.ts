// A unified diff of two texts by lines (Myers' algorithm: text/diff.ts), as `diff -u` and `git apply` read it.
import { editScript } from '../text/diff';

/** Lines with their endings kept, so a CRLF file's diff shows (and applies) its CRs. */
function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
}

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string };

/** The shortest edit script from `a` to `b`, as a list of kept, removed and added lines. */
function editLines(a: readonly string[], b: readonly string[]): Op[] {
  let x = 0;
  let y = 0;
  return editScript(a, b).map((kind) => {
    if (kind === '+') return { kind, line: b[y++] };
    if (kind === ' ') y++;
    return { kind, line: a[x++] };
  });
}

/** `--- a/<name>` / `+++ b/<name>` and hunks with `context` lines around each change; '' when equal. */
export function unifiedDiff(name: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const ops = editLines(splitLines(before), splitLines(after));
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

const C_ESCAPES: Readonly<Record<number, string>> = {
  7: '\\a',
  8: '\\b',
  9: '\\t',
  10: '\\n',
  11: '\\v',
  12: '\\f',
  13: '\\r',
  34: '\\"',
  92: '\\\\',
};

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
