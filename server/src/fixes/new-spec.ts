// "New spec from template": the template's text with the title and the blueprint URL filled in
// and everything else (the guidance included) kept.
import type { Template } from '../template/model';
import { applyEdits, type TextEdit } from '../edit/text-edit';
import { retitle } from './rename-title';
import { controlComments } from '../control/parse';

/** Lowercase letters and digits, words joined by single hyphens: the launchpad blueprint names specs use. */
export const BLUEPRINT_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isBlueprintName(name: string): boolean {
  return BLUEPRINT_NAME.test(name);
}

/** `cluster-health-check` → `Cluster health check`. */
export function titleFromName(name: string): string {
  const words = name.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function newSpecText(template: Template, name: string, title = titleFromName(name)): string {
  const doc = template.doc;
  const edits: TextEdit[] = [];
  if (template.title) edits.push(...retitle(doc, template.title, title));
  const url = template.exampleBlueprintUrl;
  if (url) {
    const filled = url.replace(/\/\+spec\/[\w.-]+$/, `/+spec/${name}`);
    const line = doc.lines.findIndex((source) => source.text.includes(url));
    if (line >= 0) {
      const character = doc.lines[line].text.indexOf(url);
      edits.push({
        range: { start: { line, character }, end: { line, character: character + url.length } },
        newText: filled,
      });
    }
  }
  // `.. rst-specs: optional` marks are about the template, not text for the spec.
  for (const marker of controlComments(doc).filter((comment) => comment.command === 'optional')) {
    let end = marker.endLine;
    while (end < doc.lines.length - 1 && doc.lines[end].text.trim() === '') end++;
    edits.push({ range: { start: { line: marker.line, character: 0 }, end: { line: end, character: 0 } }, newText: '' });
  }
  return applyEdits(doc.text, edits);
}
