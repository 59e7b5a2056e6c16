// docutils' Transitions transform (docutils/transforms/misc.py), run after the parse: where a
// transition may not stand. A transition that ends a section moves after it; one that ends the
// whole document cannot.
import type { Doc } from './doc';

export function transitionMessages(doc: Doc): void {
  for (const t of doc.transitions) {
    const line = t.line;
    if (t.index === 0) {
      doc.messages.push({ line, level: 3, text: 'Document or section may not begin with a transition.' });
    } else if (t.previous === 'transition') {
      const text = 'At least one body element must separate transitions; adjacent transitions are not allowed.';
      doc.messages.push({ line, level: 3, text });
    }
    // the last child of a section that is the last child of ... the document
    let node = t.node;
    let index = t.index;
    while (index === node.count - 1) {
      if (!node.up) {
        doc.messages.push({ line, level: 3, text: 'Document may not end with a transition.' });
        break;
      }
      index = node.index;
      node = node.up;
    }
  }
}
