import type { Rule } from './rule';
import { blueprintUrl } from './blueprint-url';
import { carriageReturn } from './carriage-return';
import { controlComment } from './control-comment';
import { emptySection } from './empty-section';
import { lineLength } from './line-length';
import { lineSeparator } from './line-separator';
import { missingSection } from './missing-section';
import { sectionLevel } from './section-level';
import { sectionOrder } from './section-order';
import { specLocation } from './spec-location';
import { crossReference } from './cross-reference';
import { tab } from './tab';
import { templateText } from './template-text';
import { titleMismatch } from './title-mismatch';
import { titleUnderline } from './title-underline';
import { trailingWhitespace } from './trailing-whitespace';
import { unknownSection } from './unknown-section';
import { restRules } from './rest';
import { docsRules } from './docs';
import { blockRules } from './docs/block-rules';
import { zeroWidthSpace } from './zero-width-space';

/** Every rule, in the order their diagnostics are listed for one line. */
export const allRules: readonly Rule[] = [
  missingSection,
  unknownSection,
  titleMismatch,
  sectionLevel,
  sectionOrder,
  titleUnderline,
  emptySection,
  templateText,
  blueprintUrl,
  lineLength,
  trailingWhitespace,
  tab,
  carriageReturn,
  zeroWidthSpace,
  lineSeparator,
  specLocation,
  crossReference,
  ...restRules,
  ...docsRules,
  ...blockRules,
  controlComment,
];

export const ruleById: ReadonlyMap<string, Rule> = new Map(allRules.map((rule) => [rule.id, rule]));
