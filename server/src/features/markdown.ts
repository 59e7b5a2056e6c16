// reStructuredText guidance → Markdown for hovers and completion documentation: paragraphs,
// bullet and enumerated lists (nested), literal blocks and directives as fenced code, definition
// lists, ``literal`` → `code`, `text <url>`_ and bare URLs → links. Also the bullet tree of a
// guidance text, which the REST API and History features read the template's rules from.
import { docutilsLine } from '../rst/lines';

const BULLET = /^(\s*)([-*+\u2022])( +|$)(.*)$/;
const ENUMERATED = /^(\s*)(\d+[.)]|#[.)]|\(\d+\))( +|$)(.*)$/;
const DIRECTIVE = /^(\s*)\.\.\s+([\w:.+-]+)::(.*)$/;
const EXPLICIT = /^(\s*)\.\.(\s|$)/;

export interface BulletItem {
  /** The marker as written (`*`, `-`, `1.`). */
  readonly marker: string;
  readonly markerIndent: number;
  readonly contentIndent: number;
  /** Index of the marker line in the input lines. */
  readonly startLine: number;
  /** Exclusive; trailing blank lines not included. */
  readonly endLine: number;
  /** The item's first paragraph, whitespace-normalised. */
  readonly text: string;
  readonly children: readonly BulletItem[];
}

function listMarker(line: string): { indent: number; marker: string; content: number; text: string } | undefined {
  const match = BULLET.exec(line) ?? ENUMERATED.exec(line);
  if (!match) return undefined;
  return { indent: match[1].length, marker: match[2], content: match[1].length + match[2].length + match[3].length, text: match[4] };
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const isBlank = (line: string) => line.trim() === '';

/** The bullet (and enumerated) list items of a text, nested as rST nests them. */
export function bulletTree(rawLines: readonly string[]): BulletItem[] {
  const lines = rawLines.map(docutilsLine);
  const parse = (start: number, end: number, indent: number): BulletItem[] => {
    const items: BulletItem[] = [];
    let line = start;
    while (line < end) {
      const marker = isBlank(lines[line]) ? undefined : listMarker(lines[line]);
      if (!marker || marker.indent < indent) {
        line++;
        continue;
      }
      let itemEnd = line + 1;
      while (itemEnd < end && (isBlank(lines[itemEnd]) || indentOf(lines[itemEnd]) >= marker.content)) itemEnd++;
      let last = itemEnd;
      while (last > line + 1 && isBlank(lines[last - 1])) last--;
      let textEnd = line + 1;
      while (textEnd < last && !isBlank(lines[textEnd]) && !listMarker(lines[textEnd])) textEnd++;
      const text = [marker.text, ...lines.slice(line + 1, textEnd)]
        .map((part) => part.trim())
        .join(' ')
        .trim();
      items.push({
        marker: marker.marker,
        markerIndent: marker.indent,
        contentIndent: marker.content,
        startLine: line,
        endLine: last,
        text,
        children: parse(line + 1, last, marker.content),
      });
      line = itemEnd;
    }
    return items;
  };
  return parse(0, lines.length, 0);
}

type OutputKind = 'none' | 'para' | 'item' | 'code';

interface Level {
  readonly markerIndent: number;
  readonly contentIndent: number;
  /** Column of the item's content in the Markdown output. */
  readonly mdContent: number;
  readonly mdMarker: string;
}

/** Converts reStructuredText lines (as the template writes its guidance) to Markdown. */
export function rstToMarkdown(rawLines: readonly string[]): string {
  const lines = rawLines.map((line) => docutilsLine(line).trimEnd());
  const out: string[] = [];
  const stack: Level[] = [];
  let blank = false;
  let last = 'none' as OutputKind;
  let lastIndent = 0;
  /** The indentation a literal block must exceed, after a paragraph ending in `::`. */
  let literalAfter: number | undefined;

  const emit = (text: string, kind: OutputKind, indent: number, tight = false) => {
    if (blank && out.length > 0 && !tight) out.push('');
    blank = false;
    out.push(text);
    last = kind;
    lastIndent = indent;
  };
  const prefix = () => ' '.repeat(stack.at(-1)?.mdContent ?? 0);
  /** Lines from `start` while blank or indented more than `base`, as a fenced code block. */
  const fence = (start: number, base: number, language: string, dedent: number): number => {
    let end = start + 1;
    while (end < lines.length && (isBlank(lines[end]) || indentOf(lines[end]) > base)) end++;
    while (end > start + 1 && isBlank(lines[end - 1])) end--;
    const indent = prefix();
    emit(`${indent}\`\`\`${language}`, 'code', base);
    for (const line of lines.slice(start, end)) out.push(isBlank(line) ? '' : indent + line.slice(dedent));
    out.push(`${indent}\`\`\``);
    return end - 1;
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (isBlank(line)) {
      blank = true;
      continue;
    }
    const indent = indentOf(line);
    const marker = listMarker(line);
    if (marker) {
      while (stack.length > 0 && stack.at(-1)!.markerIndent > indent) stack.pop();
    } else {
      while (stack.length > 0 && stack.at(-1)!.contentIndent > indent) stack.pop();
    }
    const base = literalAfter;
    literalAfter = undefined;
    if (base !== undefined && blank && indent > base) {
      let end = index;
      while (end < lines.length && (isBlank(lines[end]) || indentOf(lines[end]) > base)) end++;
      const dedent = Math.min(
        ...lines
          .slice(index, end)
          .filter((text) => !isBlank(text))
          .map(indentOf),
      );
      index = fence(index, base, '', dedent);
      continue;
    }
    const directive = DIRECTIVE.exec(line);
    if (directive?.[2] === 'list-table') {
      let end = index + 1;
      while (end < lines.length && (isBlank(lines[end]) || indentOf(lines[end]) > indent)) end++;
      const table = listTable(directive[3].trim(), lines.slice(index + 1, end));
      emit(prefix() + table[0], 'code', indent);
      for (const row of table.slice(1)) out.push(row === '' ? '' : prefix() + row);
      index = end - 1;
      continue;
    }
    if (directive) {
      index = fence(index, indent, 'rst', indent);
      continue;
    }
    if (EXPLICIT.test(line)) {
      // A comment or a hyperlink target: nothing to show.
      while (index + 1 < lines.length && (isBlank(lines[index + 1]) || indentOf(lines[index + 1]) > indent)) index++;
      continue;
    }
    if (marker) {
      const mdMarker = /\d|#/.test(marker.marker) ? '1.' : '-';
      const sibling = stack.at(-1)?.markerIndent === indent ? stack.pop() : undefined;
      // Items of one list, or a list nested in an item, need no blank line between them.
      const tight = sibling ? sibling.mdMarker === mdMarker : stack.length > 0;
      const mdIndent = stack.at(-1)?.mdContent ?? 0;
      stack.push({ markerIndent: indent, contentIndent: marker.content, mdContent: mdIndent + mdMarker.length + 1, mdMarker });
      emit(`${' '.repeat(mdIndent)}${mdMarker} ${convertLine(marker.text)}`, 'item', indent, tight);
      if (marker.text.endsWith('::')) literalAfter = marker.content - 1;
      continue;
    }
    const text = line.trim();
    if (stack.length > 0) {
      emit(prefix() + convertLine(text), 'para', indent);
    } else if (indent > 0 && !blank && last === 'para' && indent > lastIndent) {
      // A definition list item: the term, a line break, the definition.
      out[out.length - 1] += '\\';
      emit(convertLine(text), 'para', indent);
    } else if (indent > 0 && blank) {
      emit(`> ${convertLine(text)}`, 'para', indent);
    } else {
      emit(convertLine(text), 'para', indent);
    }
    if (text.endsWith('::')) literalAfter = indent;
  }
  return out.join('\n');
}

/** A list-table directive's title and body as a Markdown table (its first row the header). */
function listTable(title: string, body: readonly string[]): string[] {
  const rows: string[][] = [];
  let cellIndent = -1;
  for (const line of body) {
    if (isBlank(line) || /^\s*:[\w-]+:/.test(line)) continue;
    const row = /^(\s*)\*\s+-(\s+)(.*)$/.exec(line);
    const cell = row ? undefined : /^(\s*)-(\s+)(.*)$/.exec(line);
    if (row) {
      rows.push([row[3].trim()]);
      cellIndent = row[1].length + line.slice(row[1].length).indexOf('-');
    } else if (cell && rows.length > 0 && cell[1].length === cellIndent) rows.at(-1)!.push(cell[3].trim());
    else if (rows.length > 0) {
      const current = rows.at(-1)!;
      current[current.length - 1] += ` ${line.trim()}`;
    }
  }
  if (rows.length === 0) return [inlineMarkdown(title)];
  const columns = Math.max(...rows.map((row) => row.length));
  const format = (row: readonly string[]) =>
    `| ${Array.from({ length: columns }, (_, index) => inlineMarkdown(row[index] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`;
  const table = [format(rows[0]), `|${' --- |'.repeat(columns)}`, ...rows.slice(1).map(format)];
  return title ? [`*${inlineMarkdown(title)}*`, '', ...table] : table;
}

/** One line of rST text as Markdown (the `::` that opens a literal block becomes `:`). */
function convertLine(text: string): string {
  let line = text;
  if (line === '::') return '';
  if (line.endsWith(' ::')) line = line.slice(0, -3);
  else if (line.endsWith('::')) line = line.slice(0, -1);
  const converted = inlineMarkdown(line);
  return /^(#|\d+[.)]\s|[-+*]\s|>)/.test(converted) ? `\\${converted}` : converted;
}

// Linear on long lines: the link text takes everything up to `<` (trimmed below) rather than a lazy
// run before `\s*<`, and a role name is at most 64 characters whose colons stand between name characters,
// as in docutils (so a run of `:` fails at once instead of trying 64 lengths at every colon).
const INLINE =
  /``(.+?)``|`([^`<]*)<([^>`]+)>`__?|:(?:[\w+.-]|:(?=[\w+.-])){1,64}:`([^`]+)`|`([^`]+)`__?|`([^`]+)`|(\*\*[^*]+\*\*|\*[^*\s][^*]*\*)|(https?:\/\/[^\s<>`]+)|</g;

/** rST inline markup → Markdown: literals, links, roles, bare URLs; `<` escaped. */
export function inlineMarkdown(text: string): string {
  let result = '';
  let position = 0;
  for (const match of text.matchAll(INLINE)) {
    result += text.slice(position, match.index);
    position = match.index! + match[0].length;
    const [whole, literal, linkText, linkTarget, role, reference, interpreted, emphasis, url] = match;
    if (literal !== undefined) result += code(literal);
    else if (linkTarget !== undefined) {
      const target = linkTarget.trim();
      result += /^(https?|ftp|mailto):/.test(target)
        ? `[${linkText.trim() || target}](${target.replace(/\)/g, '%29').replace(/ /g, '%20')})`
        : linkText.trim() || target;
    } else if (role !== undefined) result += code(role);
    else if (reference !== undefined) result += reference;
    else if (interpreted !== undefined) result += `*${interpreted}*`;
    else if (emphasis !== undefined) result += emphasis;
    else if (url !== undefined) {
      const clean = trimUrl(url);
      result += `<${clean}>`;
      position = match.index! + clean.length;
    } else result += whole === '<' ? '\\<' : whole;
  }
  return result + text.slice(position);
}

function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** A URL found in running text, without the punctuation that ends its sentence. */
export function trimUrl(url: string): string {
  // Trimmed by hand and the brackets counted once: /[...]+$/ and a count per loop were quadratic on long runs.
  let clean = withoutTrailing(url, `.,;:!?'"*`);
  let open = count(clean, '(');
  let close = count(clean, ')');
  for (; clean.endsWith(')') && open < close; close--) clean = withoutTrailing(clean.slice(0, -1), `.,;:!?'"`);
  open = count(clean, '[');
  close = count(clean, ']');
  for (; clean.endsWith(']') && open < close; close--) clean = clean.slice(0, -1);
  return clean;
}

function withoutTrailing(text: string, characters: string): string {
  let end = text.length;
  while (end > 0 && characters.includes(text[end - 1])) end--;
  return end === text.length ? text : text.slice(0, end);
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

/** Markdown as a block quote. */
export function quote(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}
