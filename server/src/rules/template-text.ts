import type { Block, Range, SpecDocument } from '../rst/types';
import { normaliseParagraph, startLineOf, type Template } from '../template/model';
import type { Finding, Rule, RuleContext } from './rule';
import { memoised } from '../once';

const PLACEHOLDER = '<launchpad-id or None>';
const BLUEPRINT_URL = /https?:\/\/blueprints\.launchpad\.net\/[^\s/]+\/\+spec\//;

export const templateText: Rule = {
  id: 'template-text',
  defaultSeverity: 'warning',
  description: "The template's placeholder title, example URL, placeholders or guidance left in the spec.",
  check(context) {
    const { doc, template } = context;
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
    findings.push(...guidanceFindings(context));
    return findings;
  },
};

/**
 * Guidance as the writer meets it: a section whose text is still all the template's (a spec just
 * made from the template) is one finding on its title, its text faded (`data.guidance`); a
 * paragraph of guidance left among the spec's own text is a finding of its own.
 */
function guidanceFindings({ doc, template, outline }: RuleContext): Finding[] {
  const heads = openingHeads(template);
  const guidance = doc.blocks.filter((block) => block.kind === 'paragraph' && isGuidanceParagraph(doc, block, template, heads));
  const findings: Finding[] = [];
  const covered = new Set<Block>();
  const lines = templateLines(template);
  for (const section of doc.sections) {
    const isTitle = section === outline.title;
    const end = section.children[0] ? startLineOf(section.children[0]) : section.endLine;
    // Under the spec's title, the introduction: what follows the blueprint URL.
    const start = isTitle ? afterBlueprintUrl(doc, section.underlineLine + 1, end) : section.underlineLine + 1;
    const own = guidance.filter((block) => block.startLine >= start && block.startLine < end);
    const body = bodyRange(doc, start, end);
    if (!body) continue;
    const inOwn = (line: number) => own.some((block) => line >= block.startLine && line < block.endLine);
    let allTemplate = true;
    for (let line = start; line < end && allTemplate; line++) {
      const text = doc.lines[line].text.trim();
      allTemplate = text === '' || inOwn(line) || lines.has(text);
    }
    // Template lines alone (a revisions table, say) are not enough: the section must also hold a
    // paragraph of the template's prose, one that introduces a list included.
    if (!allTemplate || (own.length === 0 && !hasTemplateProse(doc, template, start, end))) continue;
    for (const block of own) covered.add(block);
    findings.push({
      range: section.titleRange,
      message: isTitle
        ? "The introduction still holds the template's guidance."
        : `'${section.title}' still holds the template's guidance.`,
      data: {
        kind: isTitle ? 'introduction' : 'section',
        title: section.title,
        guidance: [body.start.line, body.start.character, body.end.line, body.end.character],
      },
    });
  }
  for (const block of guidance) {
    if (covered.has(block)) continue;
    const last = block.endLine - 1;
    findings.push({
      range: {
        start: { line: block.startLine, character: block.indent },
        end: { line: last, character: doc.lines[last].text.length },
      },
      message: "Template guidance left here: replace it with this spec's own text.",
      data: { kind: 'guidance' },
    });
  }
  return findings;
}

function hasTemplateProse(doc: SpecDocument, template: Template, start: number, end: number): boolean {
  return doc.blocks.some(
    (block) =>
      block.kind === 'paragraph' &&
      block.startLine >= start &&
      block.startLine < end &&
      template.guidanceParagraphs.has(
        normaliseParagraph(
          doc.lines
            .slice(block.startLine, block.endLine)
            .map((line) => line.text)
            .join(' '),
        ),
      ),
  );
}

/** The line after the first blueprint URL in `start..end`, else `start`. */
function afterBlueprintUrl(doc: SpecDocument, start: number, end: number): number {
  for (let line = start; line < end; line++) if (BLUEPRINT_URL.test(doc.lines[line].text)) return line + 1;
  return start;
}

/** From the first non-blank line to the end of the last one, in `start..end`. */
function bodyRange(doc: SpecDocument, start: number, end: number): Range | undefined {
  while (start < end && doc.lines[start].text.trim() === '') start++;
  while (end > start && doc.lines[end - 1].text.trim() === '') end--;
  if (start >= end) return undefined;
  return { start: { line: start, character: 0 }, end: { line: end - 1, character: doc.lines[end - 1].text.length } };
}

const TEMPLATE_LINES = {};

/** Every non-blank line (trimmed) of the template's guidance: bullets and samples as well as prose (kept in the template's memo). */
function templateLines(template: Template): ReadonlySet<string> {
  return memoised(template, TEMPLATE_LINES, () => {
    const set = new Set<string>();
    const add = (start: number, end: number) => {
      for (let line = start; line < end && line < template.doc.lines.length; line++) {
        const text = template.doc.lines[line].text.trim();
        if (text !== '') set.add(text);
      }
    };
    // The introduction's guidance, under the template's title, and each section's.
    const first = template.topLevel[0];
    if (template.title && first) add(template.title.underlineLine + 1, startLineOf(first.section));
    for (const section of template.sections) add(section.guidanceRange.start.line, section.guidanceRange.end.line + 1);
    return set;
  });
}

function isGuidanceParagraph(doc: SpecDocument, block: Block, template: Template, heads: OpeningHeads): boolean {
  const first = doc.lines[block.startLine].text.trim();
  const candidates = template.guidanceLines.get(first);
  if (candidates && isGuidance(doc, block, candidates, template.guidanceParagraphs)) return true;
  // The first sentences of a guidance paragraph alone (the `spec` snippet's introduction placeholder).
  // Its first word, then its first five, before the whole: normalising (or splitting) every
  // paragraph of a long spec cost several times the rest of the rule.
  if (!heads.first.has(firstWords(doc, block, 1)) || !heads.five.has(firstWords(doc, block, HEAD_WORDS))) return false;
  return template.guidanceOpenings.has(
    normaliseParagraph(
      doc.lines
        .slice(block.startLine, block.endLine)
        .map((line) => line.text)
        .join(' '),
    ),
  );
}

const HEAD_WORDS = 5;
type OpeningHeads = { readonly first: ReadonlySet<string>; readonly five: ReadonlySet<string> };
const OPENING_HEADS = {};

/** The first word and the first five words of each guidance opening (an opening has five or more; kept in the template's memo). */
function openingHeads(template: Template): OpeningHeads {
  return memoised(template, OPENING_HEADS, () => {
    const openings = [...template.guidanceOpenings];
    return {
      first: new Set(openings.map((opening) => opening.split(' ', 1)[0])),
      five: new Set(openings.map((opening) => opening.split(' ', HEAD_WORDS).join(' '))),
    };
  });
}

/** The paragraph's first `count` words, as normaliseParagraph would separate them (at `\s`). */
function firstWords(doc: SpecDocument, block: Block, count: number): string {
  let words = '';
  let found = 0;
  for (let line = block.startLine; line < block.endLine && found < count; line++) {
    const text = doc.lines[line].text;
    for (let at = 0; at < text.length && found < count;) {
      while (at < text.length && isSpace(text.charCodeAt(at))) at++;
      const start = at;
      while (at < text.length && !isSpace(text.charCodeAt(at))) at++;
      if (at > start) words += (found++ === 0 ? '' : ' ') + text.slice(start, at);
    }
  }
  return words;
}

/** RegExp's `\s`. */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

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
  return (
    asWritten ||
    paragraphs.has(
      normaliseParagraph(
        doc.lines
          .slice(block.startLine, block.endLine)
          .map((line) => line.text)
          .join(' '),
      ),
    )
  );
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
