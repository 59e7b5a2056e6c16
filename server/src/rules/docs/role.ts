// rst-role: interpreted text with a role that neither docutils, Sphinx, the extensions of the
// spec's conf.py nor a `.. role::` of the spec defines.
import type { Finding, Rule } from '../rule';
import { docMarkup, gateMarkup } from './markup';
import { isKnown, knownNames, nearest } from './names';

export const rstRole: Rule = {
  id: 'rst-role',
  defaultSeverity: 'error',
  description: 'An interpreted text role that the docs build does not know.',
  fixes: [{ title: 'Change to the known name it nearly spells' }],
  check({ doc, options }) {
    const known = knownNames(options.docs);
    if (!known.complete) return [];
    // roles the spec defines itself: `.. role:: name` or `.. role:: name(base)`
    const defined = new Set<string>();
    for (const d of gateMarkup(doc).directives) {
      if (d.name.toLowerCase() !== 'role') continue;
      // the role's name and base are the first line of its content (docutils' Role directive)
      const line = doc.lines[d.line]?.text ?? '';
      const first = (line.slice(line.indexOf('::') + 2).trim() || doc.lines[d.line + 1]?.text.trim()) ?? '';
      const name = /^[^\s(]+/.exec(first)?.[0];
      if (name) defined.add(name.toLowerCase());
    }
    const findings: Finding[] = [];
    for (const { event, range, docLine: textLine, messageLine } of docMarkup(doc).events) {
      if (event.kind !== 'role' || isKnown(known, 'roles', event.role, defined)) continue;
      // the parser's message: a table cell's where docutils puts it (not the node's line)
      const docLine = messageLine ?? textLine;
      const suggestion = nearest(known, 'roles', event.role);
      const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
      findings.push({
        range,
        message: `Unknown interpreted text role "${event.role}".${hint}`,
        data: suggestion ? { docutilsLine: docLine + 1, name: event.role, suggestion } : { docutilsLine: docLine + 1, name: event.role },
      });
    }
    return findings;
  },
};
