// Fixture specs for the feature tests, parsed, with the template they follow.
import { parseSpec } from '../../server/src/rst/parse';
import { validateDocument } from '../../server/src/engine';
import type { Template } from '../../server/src/template/model';
import { bundledTemplate, fixture } from '../helpers';

/** A small spec from the bundled template: REST API method block, unknown section, History table. */
export const nodeHealth = (): string => fixture('features/node-health.rst');

export function specFrom(text: string, template: Template = bundledTemplate()) {
  const doc = parseSpec(text);
  return { doc, spec: { doc, template }, diagnostics: validateDocument(doc, template) };
}

/** The text with `content` inserted as line `line` (0-based). */
export function withLine(text: string, line: number, content: string): string {
  const lines = text.split('\n');
  lines.splice(line, 0, content);
  return lines.join('\n');
}
