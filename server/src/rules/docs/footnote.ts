// rst-footnote: a footnote that nothing in the spec refers to. Sphinx warns (its
// UnreferencedFootnotesDetector), so the docs job, `sphinx-build -W`, fails. As Sphinx decides,
// before docutils numbers anything: a numbered footnote (`.. [1]`) needs a `[1]_`; an auto-numbered
// one (`.. [#]`, `.. [#label]`) needs any auto-numbered reference (`[#]_`, `[#label]_`) in the
// spec. Symbol footnotes (`.. [*]`) are not checked by Sphinx, nor here.
import type { Finding, Rule } from '../rule';
import { docMarkup } from './markup';

export const rstFootnote: Rule = {
  id: 'rst-footnote',
  defaultSeverity: 'error',
  description: 'A footnote that nothing in the spec refers to ("Footnote [1] is not referenced.", which fails sphinx-build -W).',
  check({ doc }) {
    const footnotes = doc.markup.explicit.filter((e) => e.kind === 'footnote' && e.name !== '*');
    if (footnotes.length === 0) return [];
    const numbered = new Set<string>();
    let autoReferenced = false;
    for (const { event } of docMarkup(doc).events) {
      if (event.kind !== 'footnote' || event.citation) continue;
      if (event.label.startsWith('#')) autoReferenced = true;
      else numbered.add(event.label);
    }
    // A number defined twice is docutils' own error (rst-reference); Sphinx skips such footnotes.
    const counts = new Map<string, number>();
    for (const { name } of footnotes) counts.set(name, (counts.get(name) ?? 0) + 1);
    const findings: Finding[] = [];
    for (const { name, line } of footnotes) {
      const auto = name.startsWith('#');
      if (auto ? autoReferenced : numbered.has(name) || counts.get(name)! > 1) continue;
      const text = doc.lines[line]?.text ?? '';
      const start = text.indexOf(`[${name}]`);
      if (start < 0) continue;
      findings.push({
        range: { start: { line, character: start }, end: { line, character: start + name.length + 2 } },
        message: `Footnote [${auto ? '#' : name}] is not referenced.`,
        data: { docutilsLine: line + 1 },
      });
    }
    return findings;
  },
};
