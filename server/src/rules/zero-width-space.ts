import type { Finding, Rule } from './rule';

export const zeroWidthSpace: Rule = {
  id: 'zero-width-space',
  defaultSeverity: 'error',
  description: 'An invisible zero-width space (U+200B), which the specs repos reject.',
  fixes: [{ title: 'Remove the zero-width space', fixAll: 'characters' }],
  check({ doc }) {
    const findings: Finding[] = [];
    if (!doc.text.includes('\u200b')) return findings;
    doc.lines.forEach(({ text }, line) => {
      for (let index = text.indexOf('\u200b'); index >= 0; index = text.indexOf('\u200b', index + 1)) {
        findings.push({
          range: { start: { line, character: index }, end: { line, character: index + 1 } },
          message: 'Zero-width space (U+200B).',
        });
      }
    });
    return findings;
  },
};
