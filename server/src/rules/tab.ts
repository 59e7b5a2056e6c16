import type { Finding, Rule } from './rule';

const TABS = /\t+/g;

export const tab: Rule = {
  id: 'tab',
  defaultSeverity: 'warning',
  description: 'A tab character: docutils expands it to 8-column tab stops, which rarely matches what the author sees.',
  fixes: [{ title: 'Replace the tab with spaces', fixAll: 'characters' }],
  check({ doc }) {
    const findings: Finding[] = [];
    if (!doc.text.includes('\t')) return findings; // one search of the text, not one per line
    doc.lines.forEach(({ text }, line) => {
      if (!text.includes('\t')) return;
      for (const match of text.matchAll(TABS)) {
        findings.push({
          range: { start: { line, character: match.index }, end: { line, character: match.index + match[0].length } },
          message: 'Tab character: use spaces.',
        });
      }
    });
    return findings;
  },
};
