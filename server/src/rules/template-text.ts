import type { Block, Range, SpecDocument } from '../rst/types';
import { normaliseParagraph } from '../template/model';
import type { Finding, Rule } from './rule';

const PLACEHOLDER = '<launchpad-id or None>';

export const templateText: Rule = {
  id: 'template-text',
  defaultSeverity: 'warning',
  description: "The template's placeholder title, example URL, placeholders or guidance left in the spec.",
  check({ doc, template }) {
    const findings: Finding[] = [];
    const templateTitle = template.title?.title;
    for (const section of doc.sections) {
      if (templateTitle && section.title === templateTitle) {
        findings.push({
          range: section.titleRange,
          message: `The template's placeholder title '${templateTitle}' is still here: write the spec's title.`,
          data: { kind: 'title' },
        });
      }
    }
    const exampleUrl = template.exampleBlueprintUrl;
    if (exampleUrl) {
      for (const { line, character } of occurrences(doc, exampleUrl)) {
        if (continuesUrl(doc.lines[line].text, character + exampleUrl.length)) continue;
        findings.push({
          range: span(line, character, exampleUrl.length),
          message: `The template's example blueprint URL is still here: use this spec's blueprint URL.`,
          data: { kind: 'url' },
        });
      }
    }
    for (const { line, character } of occurrences(doc, PLACEHOLDER)) {
      findings.push({
        range: span(line, character, PLACEHOLDER.length),
        message: `Placeholder '${PLACEHOLDER}' left in: write a launchpad id, or None.`,
        data: { kind: 'placeholder' },
      });
    }
    for (const block of doc.blocks) {
      if (block.kind !== 'paragraph') continue;
      const candidates = template.guidanceLines.get(doc.lines[block.startLine].text.trim());
      if (!candidates || !isGuidance(doc, block, candidates, template.guidanceParagraphs)) continue;
      const last = block.endLine - 1;
      findings.push({
        range: {
          start: { line: block.startLine, character: block.indent },
          end: { line: last, character: doc.lines[last].text.length },
        },
        message: "Template guidance left in the spec: replace it with this spec's own text.",
        data: { kind: 'guidance' },
      });
    }
    return findings;
  },
};

/**
 * Whether a paragraph is template guidance: as the template wrote it (line for line), or rewrapped
 * (whitespace-normalised); not a paragraph that ends with a colon (it introduces the spec's own text).
 */
function isGuidance(doc: SpecDocument, block: Block, candidates: readonly (readonly string[])[], paragraphs: ReadonlySet<string>): boolean {
  if (doc.lines[block.endLine - 1].text.trimEnd().endsWith(':')) return false;
  const lineCount = block.endLine - block.startLine;
  const asWritten = candidates.some(
    (lines) => lines.length === lineCount && lines.every((text, index) => doc.lines[block.startLine + index].text.trim() === text),
  );
  return asWritten || paragraphs.has(normaliseParagraph(doc.lines.slice(block.startLine, block.endLine).map((line) => line.text).join(' ')));
}

/** Whether a URL goes on past `end` (`.../+spec/example-policy`), a sentence's full stop aside. */
function continuesUrl(text: string, end: number): boolean {
  const next = text.charAt(end);
  return /[\w-]/.test(next) || (next === '.' && /[\w-]/.test(text.charAt(end + 1)));
}

/** Where `needle` (one line's worth of text) occurs in the document, as line and character. */
function* occurrences(doc: SpecDocument, needle: string): Generator<{ line: number; character: number }> {
  let line = 0;
  for (let index = doc.text.indexOf(needle); index >= 0; index = doc.text.indexOf(needle, index + needle.length)) {
    while (line + 1 < doc.lines.length && doc.lines[line + 1].offset <= index) line++;
    yield { line, character: index - doc.lines[line].offset };
  }
}

function span(line: number, character: number, length: number): Range {
  return { start: { line, character }, end: { line, character: character + length } };
}
