import { editorLineBreak } from '../rst/lines';
import type { Finding, Rule } from './rule';

export const trailingWhitespace: Rule = {
  id: 'trailing-whitespace',
  defaultSeverity: 'warning',
  description: 'Spaces or tabs at the end of a line.',
  check({ doc }) {
    const findings: Finding[] = [];
    doc.lines.forEach(({ text, eol }, line) => {
      const last = text.charCodeAt(text.length - 1);
      if (last !== 0x20 && last !== 0x09) return;
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
