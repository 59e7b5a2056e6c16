// Control comments: rST comments that start `.. rst-specs:` and tell rst-specs what to do with the
// document they are in. Pure: reads the parsed document only. The syntax (docs/inline-control.md):
//
//   .. rst-specs: disable=line-length,tab      rules off from here to a matching enable (or the end)
//   .. rst-specs: enable=line-length           rules on again
//   .. rst-specs: disable-next-line=tab        rules off on the next non-blank line
//   .. rst-specs: disable-file=template-text   rules off in the whole file
//   .. rst-specs: template=../my-template.rst  (a spec, before its first title) the template it follows
//   .. rst-specs: optional                     (a template, under a section title) the section is optional
//
// `disable`, `enable`, `disable-next-line` and `disable-file` without `=` apply to every rule. Rule
// lists may go on over the comment's indented lines; ` -- ` starts a free-text reason.
import type { Range, SpecDocument } from '../rst/types';

export type ControlCommand = 'disable' | 'enable' | 'disable-next-line' | 'disable-file' | 'template' | 'optional';

export const CONTROL_COMMANDS: readonly ControlCommand[] = [
  'disable',
  'enable',
  'disable-next-line',
  'disable-file',
  'template',
  'optional',
];

const RULE_COMMANDS: ReadonlySet<string> = new Set(['disable', 'enable', 'disable-next-line', 'disable-file']);

export interface ControlId {
  readonly id: string;
  readonly range: Range;
}

export interface ControlComment {
  /** The line of `.. rst-specs:`. */
  readonly line: number;
  /** Exclusive: the line after the comment (its indented continuation lines included). */
  readonly endLine: number;
  /** Undefined when the word after `rst-specs:` is not a command (see `commandText`). */
  readonly command: ControlCommand | undefined;
  readonly commandText: string;
  readonly commandRange: Range;
  /** The rule ids named (empty: every rule), for the rule commands. */
  readonly ids: readonly ControlId[];
  /** The value after `=` for `template` (trimmed), undefined when there is none. */
  readonly value: string | undefined;
  readonly valueRange: Range | undefined;
}

/** `.. rst-specs:` at the start of a comment's first line (after its indentation). */
export const CONTROL_PREFIX = /^(\s*\.\.\s+rst-specs:)/;

/** Every control comment in the document, in order. Comments inside literal blocks are text, not comments. */
export function controlComments(doc: SpecDocument): ControlComment[] {
  const comments: ControlComment[] = [];
  for (const block of doc.blocks) {
    if (block.kind !== 'comment') continue;
    const first = doc.lines[block.startLine]?.text ?? '';
    const prefix = CONTROL_PREFIX.exec(first);
    if (!prefix) continue;
    comments.push(readComment(doc, block.startLine, Math.max(block.endLine, block.startLine + 1), prefix[1].length));
  }
  return comments;
}

function readComment(doc: SpecDocument, line: number, endLine: number, start: number): ControlComment {
  const text = withoutReason(doc.lines[line].text);
  const commandMatch = /^\s*([^\s=]*)/.exec(text.slice(start))!;
  const commandStart = start + commandMatch[0].length - commandMatch[1].length;
  const commandText = commandMatch[1];
  const commandEnd = commandStart + commandText.length;
  const command = (CONTROL_COMMANDS as readonly string[]).includes(commandText) ? (commandText as ControlCommand) : undefined;
  const rest = text.slice(commandEnd);
  const equals = /^\s*=/.exec(rest);
  const base = {
    line,
    endLine,
    command,
    commandText,
    commandRange: rangeOn(line, commandStart, commandEnd),
  };
  if (!equals) return { ...base, ids: [], value: undefined, valueRange: undefined };
  const valueStart = commandEnd + equals[0].length;
  if (command !== undefined && !RULE_COMMANDS.has(command)) {
    // A single value (a path), on the first line.
    const raw = text.slice(valueStart);
    const value = raw.trim();
    const from = valueStart + raw.length - raw.trimStart().length;
    return { ...base, ids: [], value, valueRange: rangeOn(line, from, from + value.length) };
  }
  const ids: ControlId[] = [];
  const collect = (lineNumber: number, lineText: string, from: number) => {
    for (const match of lineText.slice(from).matchAll(/[^\s,]+/g)) {
      const character = from + match.index!;
      ids.push({ id: match[0], range: rangeOn(lineNumber, character, character + match[0].length) });
    }
  };
  collect(line, text, valueStart);
  for (let next = line + 1; next < endLine && next < doc.lines.length; next++) {
    collect(next, withoutReason(doc.lines[next].text), 0);
  }
  return { ...base, ids, value: undefined, valueRange: undefined };
}

/** The text without a ` -- reason` at its end. */
function withoutReason(text: string): string {
  const reason = /(^|\s)--(\s|$)/.exec(text);
  return reason ? text.slice(0, reason.index) : text;
}

function rangeOn(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** Whether a command takes a list of rule ids. */
export function takesRuleIds(command: ControlCommand | undefined): boolean {
  return command !== undefined && RULE_COMMANDS.has(command);
}
