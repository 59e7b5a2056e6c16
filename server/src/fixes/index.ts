// The quick fixes by rule: what each is called and which edits it makes.
import { changeSectionLevel, changeSectionLevelOnce, resizeAdornment } from './adornment';
import { escapeStartString, renameDuplicateTarget, useSuggestedName } from './docs';
import type { TextEdit } from '../edit/text-edit';
import type { Fix, FixContext, FixDiagnostic } from './fix';
import { DOCS_BLOCK_FIXES } from './docs-block';
import { insertMissingSection } from './insert-sections';
import { moveSection, moveTitle } from './move-section';
import { reflowParagraph } from './reflow';
import { renameTitle } from './rename-title';
import { expandTab, removeTrailingWhitespace, removeZeroWidthSpace, separatorToLineBreak, useLfLineEndings, writeNone } from './whitespace';

export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The one obvious repair (VS Code applies it with "Auto Fix"). */
  readonly isPreferred: boolean;
}

interface FixEntry {
  readonly fix: Fix;
  /** The fix as a quick fix, applied on its own, when it must check more than `fix` (which fix-all runs). */
  readonly quickFix?: Fix;
  readonly title: (diagnostic: FixDiagnostic) => string | undefined;
  readonly preferred: boolean;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export const FIXES: Readonly<Record<string, FixEntry>> = {
  'missing-section': {
    fix: insertMissingSection,
    title: (d) =>
      typeof d.data?.swallowedLine === 'number'
        ? `Insert a blank line before '${text(d.data?.title)}'`
        : `Insert missing section '${text(d.data?.title)}'`,
    preferred: true,
  },
  'title-mismatch': { fix: renameTitle, title: (d) => `Rename to '${text(d.data?.expected)}'`, preferred: true },
  'title-underline': {
    fix: resizeAdornment,
    title: () => 'Make the underline match the title',
    preferred: true,
  },
  'section-level': {
    fix: changeSectionLevel,
    quickFix: changeSectionLevelOnce,
    title: (d) =>
      d.data?.expectedDepth === 1 ? `Make '${text(d.data?.title)}' a top-level section` : `Make '${text(d.data?.title)}' a subsection`,
    preferred: true,
  },
  'section-order': { fix: moveSection, title: moveTitle, preferred: false },
  'empty-section': { fix: writeNone, title: (d) => `Write "None" under '${text(d.data?.title)}'`, preferred: true },
  'trailing-whitespace': { fix: removeTrailingWhitespace, title: () => 'Remove trailing whitespace', preferred: true },
  tab: { fix: expandTab, title: () => 'Replace the tab with spaces', preferred: true },
  'carriage-return': { fix: useLfLineEndings, title: () => 'Use LF line endings', preferred: true },
  'zero-width-space': { fix: removeZeroWidthSpace, title: () => 'Remove the zero-width space', preferred: true },
  'line-separator': { fix: separatorToLineBreak, title: () => 'Replace the line separator with a line break', preferred: true },
  'line-length': { fix: reflowParagraph, title: () => 'Reflow paragraph', preferred: false },
  'rst-inline': {
    fix: escapeStartString,
    title: (d) => (d.data?.escape === true ? 'Escape the start-string with a backslash' : undefined),
    preferred: false,
  },
  'rst-directive': { fix: useSuggestedName, title: (d) => suggestionTitle(d.data?.suggestion), preferred: true },
  'rst-role': { fix: useSuggestedName, title: (d) => suggestionTitle(d.data?.suggestion), preferred: true },
  'rst-reference': {
    fix: renameDuplicateTarget,
    title: (d) => (d.message?.startsWith('Duplicate explicit target name') ? `Rename this target '${text(d.data?.name)}'` : undefined),
    preferred: false,
  },
  ...DOCS_BLOCK_FIXES,
};

function suggestionTitle(suggestion: unknown): string | undefined {
  return typeof suggestion === 'string' ? `Change to '${suggestion}'` : undefined;
}

/** The quick fix of one diagnostic, when its rule has one and it applies here. */
export function quickFixFor(spec: FixContext, diagnostic: FixDiagnostic): QuickFix | undefined {
  const entry = FIXES[diagnostic.code];
  if (!entry) return undefined;
  const title = entry.title(diagnostic);
  if (!title) return undefined;
  const edits = (entry.quickFix ?? entry.fix)(spec, diagnostic);
  return edits.length > 0 ? { title, edits, isPreferred: entry.preferred } : undefined;
}
