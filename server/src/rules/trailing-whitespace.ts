import { editorLineBreak } from '../rst/lines';
import type { Finding, Rule } from './rule';

export const trailingWhitespace: Rule = {
  id: 'trailing-whitespace',
  defaultSeverity: 'error',
  description: 'Spaces at the end of a line (with any tabs among them).',
  fixes: [{ title: 'Remove the trailing whitespace', fixAll: 'characters' }],
  check({ doc }) {
    const findings: Finding[] = [];
    doc.lines.forEach(({ text, eol }, line) => {
      // As the specs repos' check (` +$`): a line that ends in a space. One that ends in a tab
      // passes it, and is tab's to report.
      if (text.charCodeAt(text.length - 1) !== 0x20) return;
      // Before a line separator the line goes on for editors and the repos' tests (line-separator's fix takes these blanks).
      if (eol !== '' && editorLineBreak(eol) === '') return;
      const start = text.trimEnd().length;
      findings.push({
        range: { start: { line, character: start }, end: { line, character: text.length } },
        message: 'Trailing whitespace.',
      });
    });
    return findings;
  },
};
