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
    const definitions = labelDefinitions(
      doc.lines.map((line) => line.text),
      prose,
    );
    const own = new Set(definitions.map((definition) => definition.label));
    const ownTitled = new Set(definitions.filter((definition) => definition.titled).map((definition) => definition.label));
    const findings: Finding[] = [];
    for (const reference of references) {
      if (reference.role === 'ref') {
        const target = reference.target;
        if (!own.has(target) && !place.tree.hasLabel(target, place.docname)) {
          findings.push({ range: reference.range, message: `undefined label: ${pythonRepr(target)}`, data: { role: 'ref', target } });
        } else if (!reference.explicitTitle && !ownTitled.has(target) && !place.tree.hasTitledLabel(target, place.docname)) {
          // The label stands before a paragraph or a list: Sphinx has no title to show.
          const message = `Failed to create a cross reference. A title or caption not found: ${pythonRepr(target)}`;
          findings.push({ range: reference.range, message, data: { role: 'ref', target } });
        }
      } else {
        const docname = resolveDocname(place.docname, reference.target);
        if (docname !== undefined && (docname === place.docname || place.tree.hasDocument(docname))) continue;
        findings.push({
          range: reference.range,
          message: `unknown document: ${pythonRepr(reference.target)}`,
          data: { role: 'doc', target: reference.target },
        });
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
