import type { Range, SpecDocument } from '../rst/types';
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
    // Most specs hold neither string: one search of the whole text saves a search of every line.
    const searchUrl = !!exampleUrl && doc.text.includes(exampleUrl);
    const searchPlaceholder = doc.text.includes(PLACEHOLDER);
    if (searchUrl || searchPlaceholder) {
      doc.lines.forEach(({ text }, line) => {
        if (searchUrl) {
          for (const character of occurrences(text, exampleUrl)) {
            if (continuesUrl(text, character + exampleUrl.length)) continue;
            findings.push({
              range: span(line, character, exampleUrl.length),
              message: `The template's example blueprint URL is still here: use this spec's blueprint URL.`,
              data: { kind: 'url' },
            });
          }
        }
        if (!searchPlaceholder) return;
        for (const character of occurrences(text, PLACEHOLDER)) {
          findings.push({
            range: span(line, character, PLACEHOLDER.length),
            message: `Placeholder '${PLACEHOLDER}' left in: write a launchpad id, or None.`,
            data: { kind: 'placeholder' },
          });
        }
      });
    }
    for (const block of doc.blocks) {
      if (block.kind !== 'paragraph' || !template.guidanceFirstLines.has(doc.lines[block.startLine].text.trim())) continue;
      const paragraph = paragraphText(doc.lines, block.startLine, block.endLine);
      if (paragraph.endsWith(':') || !template.guidanceParagraphs.has(paragraph)) continue;
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

/** The paragraph's lines as normaliseParagraph gives them, without the regular expression when trimming is enough. */
function paragraphText(lines: SpecDocument['lines'], start: number, end: number): string {
  let joined = '';
  for (let line = start; line < end; line++) joined += (line > start ? ' ' : '') + lines[line].text.trim();
  return joined.includes('  ') || /[^\S ]/.test(joined) ? normaliseParagraph(joined) : joined;
}

/** Whether a URL goes on past `end` (`.../+spec/example-policy`), a sentence's full stop aside. */
function continuesUrl(text: string, end: number): boolean {
  const next = text.charAt(end);
  return /[\w-]/.test(next) || (next === '.' && /[\w-]/.test(text.charAt(end + 1)));
}

function* occurrences(text: string, needle: string): Generator<number> {
  for (let index = text.indexOf(needle); index >= 0; index = text.indexOf(needle, index + needle.length)) yield index;
}

function span(line: number, character: number, length: number): Range {
  return { start: { line, character }, end: { line, character: character + length } };
}
