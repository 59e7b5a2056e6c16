// Patching the rendered body in place (no flicker, the scroll position and the images kept): the
// new tree is compared with the shown one and only what differs is changed.

function sameKind(a: Node, b: Node): boolean {
  return a.nodeType === b.nodeType && a.nodeName === b.nodeName;
}

function syncAttributes(shown: Element, next: Element): void {
  for (const { name } of Array.from(shown.attributes)) if (!next.hasAttribute(name)) shown.removeAttribute(name);
  for (const { name, value } of Array.from(next.attributes)) if (shown.getAttribute(name) !== value) shown.setAttribute(name, value);
}

/** Makes `shown`'s children equal to `next`'s, reusing the equal ones at both ends and recursing into the changed middle. */
export function morphChildren(shown: Node, next: Node): void {
  const oldKids = Array.from(shown.childNodes);
  const newKids = Array.from(next.childNodes);
  let start = 0;
  while (start < oldKids.length && start < newKids.length && oldKids[start].isEqualNode(newKids[start])) start++;
  let oldEnd = oldKids.length;
  let newEnd = newKids.length;
  while (oldEnd > start && newEnd > start && oldKids[oldEnd - 1].isEqualNode(newKids[newEnd - 1])) {
    oldEnd--;
    newEnd--;
  }
  const anchor = oldKids[oldEnd] ?? null;
  const paired = Math.min(oldEnd - start, newEnd - start);
  for (let i = 0; i < paired; i++) {
    const before = oldKids[start + i];
    const after = newKids[start + i];
    if (!sameKind(before, after)) shown.replaceChild(after, before);
    else if (before.nodeType === Node.ELEMENT_NODE) {
      syncAttributes(before as Element, after as Element);
      morphChildren(before, after);
    } else if (before.nodeValue !== after.nodeValue) before.nodeValue = after.nodeValue;
  }
  for (let i = start + paired; i < oldEnd; i++) shown.removeChild(oldKids[i]);
  for (let i = start + paired; i < newEnd; i++) shown.insertBefore(newKids[i], anchor);
}
