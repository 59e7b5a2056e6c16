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
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[-0-9]+|-+$/g, '');
  return id;
}
