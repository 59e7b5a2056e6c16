import type { Finding, Rule } from './rule';

export const trailingWhitespace: Rule = {
  id: 'trailing-whitespace',
  defaultSeverity: 'error',
  description: 'Spaces or tabs at the end of a line.',
  check({ doc }) {
    const findings: Finding[] = [];
    doc.lines.forEach(({ text }, line) => {
      const last = text.charCodeAt(text.length - 1);
      if (last !== 0x20 && last !== 0x09) return;
      const start = text.trimEnd().length;
      findings.push({
        range: { start: { line, character: start }, end: { line, character: text.length } },
        message: 'Trailing whitespace.',
      });
    });
    return findings;
  },
};
