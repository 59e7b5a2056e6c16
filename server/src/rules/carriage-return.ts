import type { Rule } from './rule';

export const carriageReturn: Rule = {
  id: 'carriage-return',
  defaultSeverity: 'warning',
  // A warning, not an error: the specs repos' tests read specs with Python 3's universal newlines,
  // so no carriage return reaches their check (nova-specs merged a CRLF spec), nor Sphinx.
  description: 'Carriage returns (CRLF or CR line endings), which the specs repos ask to avoid.',
  fixes: [{ title: 'Use LF line endings', fixAll: 'line-endings' }],
  check({ doc }) {
    if (!doc.text.includes('\r')) return []; // one search of the text, not a test per line
    const lines = doc.lines.filter((line) => line.eol === '\r\n' || line.eol === '\r');
    if (lines.length === 0) return [];
    const first = doc.lines.indexOf(lines[0]);
    const end = lines[0].text.length;
    const count = lines.length === 1 ? 'One line ends' : `${lines.length} lines end`;
    return [
      {
        range: { start: { line: first, character: end }, end: { line: first, character: end } },
        message: `${count} with a carriage return; the specs repos use LF line endings.`,
        data: { count: lines.length },
      },
    ];
  },
};
