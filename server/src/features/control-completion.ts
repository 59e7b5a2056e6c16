// Completion inside `.. rst-specs:` control comments: the commands, then the rule ids (those not
// named yet in the comment), each with its one-line description.
import type { Position, SpecDocument } from '../rst/types';
import { CONTROL_COMMANDS } from '../control';
import type { CompletionEntry } from './completion';

export interface RuleInfo {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity?: string;
}

const COMMAND_HELP: Readonly<Record<string, string>> = {
  disable: 'Turn rules off from here to a matching `enable` (or the end of the file). No list: every rule.',
  enable: 'Turn rules on again after `disable`. No list: every rule.',
  'disable-next-line': 'Turn rules off on the next non-blank line (a section title: its whole title). No list: every rule.',
  'disable-file': 'Turn rules off in the whole file. No list: every rule.',
  template: 'The template this spec follows, relative to its folder (before the first title).',
  optional: 'In a template, under a section title: specs may leave this section out.',
};

const RULE_LIST = /^(\s*\.\.\s+rst-specs:\s*)(disable|enable|disable-next-line|disable-file)\s*=\s*((?:[^\s,]+\s*,\s*)*)([\w-]*)$/;
const COMMAND = /^(\s*\.\.\s+rst-specs:\s*)([\w-]*)$/;

/** The completions at `position` when it is in a control comment's first line; undefined elsewhere. */
export function controlCompletions(doc: SpecDocument, position: Position, rules: readonly RuleInfo[]): CompletionEntry[] | undefined {
  const source = doc.lines[position.line];
  if (!source || doc.literalLines.has(position.line)) return undefined;
  const before = source.text.slice(0, position.character);
  const range = (from: number) => ({ start: { line: position.line, character: from }, end: position });
  const list = RULE_LIST.exec(before);
  if (list) {
    const named = new Set(list[3].split(',').map((id) => id.trim()));
    const from = position.character - list[4].length;
    return rules
      .map((rule, index) => ({ rule, index }))
      .filter(({ rule }) => !named.has(rule.id))
      .map(({ rule, index }) => ({
        label: rule.id,
        kind: 'rule' as const,
        detail: rule.defaultSeverity ? `rule (default: ${rule.defaultSeverity})` : 'diagnostic code',
        documentation: rule.description,
        sortText: String(index).padStart(3, '0'),
        range: range(from),
        newText: rule.id,
      }));
  }
  const command = COMMAND.exec(before);
  if (!command) return /^\s*\.\.\s+rst-specs:/.test(before) ? [] : undefined;
  const from = position.character - command[2].length;
  const after = source.text.slice(position.character);
  return CONTROL_COMMANDS.map((name, index) => {
    const takesValue = name !== 'optional' && !after.startsWith('=');
    return {
      label: name,
      kind: 'keyword' as const,
      documentation: COMMAND_HELP[name],
      sortText: String(index),
      range: range(from),
      newText: takesValue ? `${name}=` : name,
    };
  });
}
