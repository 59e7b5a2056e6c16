// The docs gate's inline and name rules: what `sphinx-build -W` rejects in a spec's inline
// markup, references, footnotes, directives and roles.
import type { Rule } from '../rule';
import { rstDirective } from './directive';
import { rstFootnote } from './footnote';
import { rstInline } from './inline';
import { rstReference } from './reference';
import { rstRole } from './role';

export const docsRules: readonly Rule[] = [rstInline, rstReference, rstFootnote, rstDirective, rstRole];
