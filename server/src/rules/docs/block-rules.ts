import type { Rule } from '../rule';
import { rstStructure, rstTable, rstTitle } from './block';
import { rstCodeLexing } from './code-lexing';

/** The docs gate's block-level rules (what docutils and Sphinx reject about the spec's blocks). */
export const blockRules: readonly Rule[] = [rstTitle, rstStructure, rstTable, rstCodeLexing];

export { rstCodeLexing, rstStructure, rstTable, rstTitle };
