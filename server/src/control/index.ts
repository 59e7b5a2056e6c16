// Inline control of a spec's checks: which diagnostics the control comments turn off, the template a
// spec names, the sections a template marks optional, and the comments' own mistakes. Pure.
import type { Range, Section, SpecDocument } from '../rst/types';
import { CONTROL_COMMANDS, type ControlComment, controlComments, takesRuleIds } from './parse';
import { closestWord } from '../text/edit-distance';

export { CONTROL_COMMANDS, CONTROL_PREFIX, type ControlCommand, type ControlComment, controlComments } from './parse';

export interface ControlProblem {
  readonly range: Range;
  readonly message: string;
  readonly data?: Readonly<Record<string, string>>;
}

export interface InlineControl {
  readonly comments: readonly ControlComment[];
  /** Mistakes in the control comments: an unknown command or rule id, a misplaced `template=`. */
  readonly problems: readonly ControlProblem[];
  /** `template=` before the first title, as written (relative to the spec's folder, or absolute). */
  readonly templatePath: string | undefined;
  /** Whether a diagnostic of `code` that starts on `line` is turned off. */
  isSuppressed(code: string, line: number): boolean;
}

/** A rule-state change at a line: what is off from that line on. */
interface RegionState {
  readonly line: number;
  /** Every rule off (but those in `except`). */
  readonly all: boolean;
  readonly except: ReadonlySet<string>;
  readonly ids: ReadonlySet<string>;
}

const EMPTY: ReadonlySet<string> = new Set();

/**
 * Reads the control comments of `doc`. `knownCodes` are the diagnostic codes a comment may name;
 * `isTemplate` says whether the document is a template (where `optional` belongs and `template=` does not).
 */
export function readControl(doc: SpecDocument, knownCodes: ReadonlySet<string>, isTemplate = false): InlineControl {
  const comments = controlComments(doc);
  const problems: ControlProblem[] = [];
  const firstTitleLine = firstSectionLine(doc);
  const states: RegionState[] = [];
  const fileOff = new Set<string>();
  let fileAll = false;
  const nextLineOff = new Map<number, { all: boolean; ids: Set<string> }>();
  let templatePath: string | undefined;
  let state: RegionState = { line: 0, all: false, except: EMPTY, ids: EMPTY };

  for (const comment of comments) {
    if (comment.command === undefined) {
      problems.push({
        range:
          comment.commandRange.start.character === comment.commandRange.end.character ? lineRange(doc, comment.line) : comment.commandRange,
        message: comment.commandText
          ? `Unknown rst-specs command '${comment.commandText}': use ${CONTROL_COMMANDS.slice(0, -1).join(', ')} or ${CONTROL_COMMANDS.at(-1)}.`
          : 'An rst-specs comment without a command: write e.g. `.. rst-specs: disable-next-line=line-length`.',
      });
      continue;
    }
    const ids: string[] = [];
    if (takesRuleIds(comment.command)) {
      for (const { id, range } of comment.ids) {
        if (knownCodes.has(id)) ids.push(id);
        else {
          const suggestion = closestWord(id, [...knownCodes]);
          problems.push({
            range,
            message: `Unknown rule '${id}' in an rst-specs comment${suggestion ? `: did you mean '${suggestion}'?` : '.'}`,
            data: { id, ...(suggestion ? { suggestion } : {}) },
          });
        }
      }
      // Every id named was unknown: the comment does nothing (rather than everything).
      if (comment.ids.length > 0 && ids.length === 0) continue;
    }
    const all = takesRuleIds(comment.command) && comment.ids.length === 0;
    switch (comment.command) {
      case 'disable':
      case 'enable': {
        state = nextState(state, comment.line, comment.command === 'disable', all, ids);
        states.push(state);
        break;
      }
      case 'disable-file':
        if (all) fileAll = true;
        for (const id of ids) fileOff.add(id);
        break;
      case 'disable-next-line': {
        for (const line of nextLineOf(doc, comment.endLine)) {
          const entry = nextLineOff.get(line) ?? { all: false, ids: new Set<string>() };
          entry.all ||= all;
          for (const id of ids) entry.ids.add(id);
          nextLineOff.set(line, entry);
        }
        break;
      }
      case 'template':
        if (isTemplate) break;
        if (!comment.value) {
          problems.push({
            range: comment.commandRange,
            message: 'template= needs a path: `.. rst-specs: template=../spec-lite-template.rst`.',
          });
        } else if (firstTitleLine !== undefined && comment.line > firstTitleLine) {
          problems.push({
            range: comment.valueRange ?? comment.commandRange,
            message: "template= is read only before the spec's first title: move this comment to the top.",
          });
        } else templatePath ??= comment.value;
        break;
      case 'optional':
        break;
    }
  }

  const stateAt = (line: number): RegionState | undefined => {
    let found: RegionState | undefined;
    for (const candidate of states) {
      if (candidate.line > line) break;
      found = candidate;
    }
    return found;
  };
  return {
    comments,
    problems,
    templatePath,
    isSuppressed(code, line) {
      if (fileAll || fileOff.has(code)) return true;
      const next = nextLineOff.get(line);
      if (next && (next.all || next.ids.has(code))) return true;
      const region = stateAt(line);
      return !!region && ((region.all && !region.except.has(code)) || region.ids.has(code));
    },
  };
}

function nextState(state: RegionState, line: number, disable: boolean, all: boolean, ids: readonly string[]): RegionState {
  if (all) return { line, all: disable, except: EMPTY, ids: EMPTY };
  const except = new Set(state.except);
  const off = new Set(state.ids);
  for (const id of ids) {
    if (disable) {
      except.delete(id);
      if (!state.all) off.add(id);
    } else {
      off.delete(id);
      if (state.all) except.add(id);
    }
  }
  return { line, all: state.all, except, ids: off };
}

/**
 * The lines `disable-next-line` covers: the first non-blank line from `from` on and, when that line
 * belongs to a section title (overline, title or underline), the title's other lines too.
 */
export function nextLineOf(doc: SpecDocument, from: number): number[] {
  let line = from;
  while (line < doc.lines.length && doc.lines[line].text.trim() === '') line++;
  if (line >= doc.lines.length) return [];
  const section = doc.sections.find((candidate) => titleLines(candidate).includes(line));
  return section ? titleLines(section) : [line];
}

function titleLines(section: Section): number[] {
  const lines = section.overlineLine >= 0 ? [section.overlineLine] : [];
  return [...lines, section.titleLine, section.underlineLine];
}

function firstSectionLine(doc: SpecDocument): number | undefined {
  const first = doc.sections[0];
  return first ? (first.overlineLine >= 0 ? first.overlineLine : first.titleLine) : undefined;
}

function lineRange(doc: SpecDocument, line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: doc.lines[line]?.text.length ?? 0 } };
}
