// rst-inline: inline markup docutils can't close ("Inline emphasis start-string without
// end-string.", ...), at the start-string itself.
import type { Finding, Rule } from '../rule';
import { docMarkup } from './markup';

export const rstInline: Rule = {
  id: 'rst-inline',
  defaultSeverity: 'error',
  description: 'Inline markup that docutils cannot read: a start-string without end-string, and the like.',
  fixes: [{ title: 'Escape the start-string with a backslash' }],
  check({ doc }) {
    const findings: Finding[] = [];
    for (const { event, range, docLine: textLine, messageLine } of docMarkup(doc).events) {
      if (event.kind !== 'problem') continue;
      const docLine = messageLine ?? textLine;
      // a lone `*` or backquote: escaping it keeps the character and drops the markup (not in a
      // table cell: one more character there would move the cell's border)
      const escape =
        messageLine === undefined && (event.construct === 'emphasis' || event.construct === 'interpreted text or phrase reference');
      findings.push({
        range,
        message: event.message,
        data: escape ? { docutilsLine: docLine + 1, escape: true } : { docutilsLine: docLine + 1 },
      });
    }
    return findings;
  },
};
