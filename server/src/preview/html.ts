// HTML text and attribute escaping for the preview: every piece of the writer's text goes
// through one of these, so nothing in a spec can open a tag or end an attribute.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]) : text;
}

/** ` name="value"` with the value escaped; nothing for undefined. */
export function attr(name: string, value: string | number | undefined): string {
  return value === undefined ? '' : ` ${name}="${esc(String(value))}"`;
}

/** docutils.nodes.make_id: lower case ASCII letters, digits and hyphens, starting with a letter. */
export function makeId(text: string): string {
  const id = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\x00-\x7f]/g, '')
    .replace(/[^a-z0-9]+/g, '-');
  // `^[-0-9]+|-+$` without a regular expression (which backtracks on a long run of hyphens)
  let start = 0;
  let end = id.length;
  while (start < end && /[-0-9]/.test(id[start])) start++;
  while (end > start && id[end - 1] === '-') end--;
  return id.slice(start, end);
}

/** `title <target>` as Sphinx reads a cross-reference or a toctree entry: [title, target], title null without one. */
export function titleAndTarget(text: string): [string | null, string] {
  if (!text.endsWith('>')) return [null, text];
  const open = text.lastIndexOf('<');
  const target = text.slice(open + 1, -1);
  const title = text.slice(0, Math.max(0, open)).trimEnd();
  return open > 0 && target && !target.includes('>') && title ? [title, target] : [null, text];
}
