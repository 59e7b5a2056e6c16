import { editorLineBreak } from '../rst/lines';
import type { Finding, Rule } from './rule';

const NAMES: Readonly<Record<string, string>> = {
  '\x1c': 'U+001C FILE SEPARATOR',
  '\x1d': 'U+001D GROUP SEPARATOR',
  '\x1e': 'U+001E RECORD SEPARATOR',
  '\x85': 'U+0085 NEXT LINE',
  '\u2028': 'U+2028 LINE SEPARATOR',
  '\u2029': 'U+2029 PARAGRAPH SEPARATOR',
};

/**
 * A line that ends at a separator docutils splits lines at (Python's str.splitlines) but editors
 * and the repos' line checks don't: the structure docutils reads is not the one the writer sees.
 */
export const lineSeparator: Rule = {
  id: 'line-separator',
  defaultSeverity: 'warning',
  description: 'A line separator (U+2028, U+2029, NEL, U+001C-U+001E) that ends a line for docutils but not in editors.',
  fixes: [{ title: 'Replace the line separator with a line break', fixAll: 'characters' }],
  check({ doc }) {
    const findings: Finding[] = [];
    doc.lines.forEach(({ text, eol }, line) => {
      if (eol === '' || editorLineBreak(eol) !== '') return;
      findings.push({
        range: { start: { line, character: text.length }, end: { line: line + 1, character: 0 } },
        message: `${NAMES[eol]}: docutils ends the line here, editors do not; use a line break.`,
      });
    });
    return findings;
  },
};
