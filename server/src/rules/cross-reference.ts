import type { Finding, Rule } from './rule';
import { pythonRepr, proseLines, labelDefinitions, roleReferences } from '../docs/references';

/**
 * `:ref:` labels and `:doc:` documents that the docs job (Sphinx) cannot resolve, looked up in the
 * docs tree the spec is built in (docs/tree.ts), with Sphinx 5.3's words.
 */
export const crossReference: Rule = {
  id: 'rst-cross-reference',
  defaultSeverity: 'error',
  description: "A :ref: label or :doc: document that the spec's Sphinx docs tree does not have.",
  check({ doc, options }) {
    if (!doc.text.includes(':ref:`') && !doc.text.includes(':doc:`')) return [];
    const place = options.docsPlace?.();
    if (!place || place.tree.resolvesElsewhere) return [];
    const prose = proseLines(doc);
    const references = roleReferences(doc, prose);
    if (references.length === 0) return [];
    const own = new Set(labelDefinitions(doc.lines.map((line) => line.text), prose).map((definition) => definition.label));
    const findings: Finding[] = [];
    for (const reference of references) {
      if (reference.role === 'ref') {
        if (own.has(reference.target) || place.tree.hasLabel(reference.target, place.docname)) continue;
        findings.push({ range: reference.range, message: `undefined label: ${pythonRepr(reference.target)}`, data: { role: 'ref', target: reference.target } });
      } else {
        const docname = resolveDocname(place.docname, reference.target);
        if (docname !== undefined && (docname === place.docname || place.tree.hasDocument(docname))) continue;
        findings.push({ range: reference.range, message: `unknown document: ${pythonRepr(reference.target)}`, data: { role: 'doc', target: reference.target } });
      }
    }
    return findings;
  },
};

/** Sphinx's docname_join: `/x` from the root, else relative to the referring document's folder. */
export function resolveDocname(from: string, target: string): string | undefined {
  const written = target.endsWith('.rst') ? target.slice(0, -4) : target;
  const parts = written.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const part of written.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}
