// What the CLI prints for people (text report, messages on stderr) quotes titles and file names
// from the specs. Their control characters are shown, not sent: an escape sequence would drive the
// terminal, a carriage return overwrite the line, a line break inside a file name start a line of
// its own (in CI, `::error::...` is a workflow command), and bidirectional overrides reorder it.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** The text with each control character written as `\t`, `\n`, `\r`, `\xNN` or `\uNNNN`. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

/** A message of several lines (the continuation lines indented by two spaces): each line escaped. */
export function escapeMessage(message: string): string {
  return message
    .split(/\n(?= {2})/)
    .map(escapeControls)
    .join('\n');
}
