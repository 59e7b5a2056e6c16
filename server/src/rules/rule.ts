import type { Range, SpecDocument } from '../rst/types';
import type { Template } from '../template/model';
import type { Outline } from '../template/outline';
import type { InlineControl } from '../control';
import type { ExistingApiNames } from './rest/api-names';
import type { Misplacement } from '../repo/layout';
import type { DocsPlace } from '../docs/load';
import type { DocsSetup } from './docs/names';
import type { RestExtract } from './rest/extract';
import type { OptionValues } from '../options';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/** The options a rule reads: `options.ts`'s values, resolved for the spec, and what the analysis found out about it. */
export interface RuleOptions extends Pick<OptionValues, 'maxLineLength'> {
  /** Template titles that a spec may leave out (the setting resolved for the spec's release). */
  readonly optionalSections: readonly string[];
  /** The spec's file name (no folder), when it has one; untitled documents have none. */
  readonly fileName?: string;
  /** API path names with underscores that the config file lists as existing (`rest.existingNames`). */
  readonly restExistingNames?: readonly string[];
  /** The names the repository's other specs use in their REST API sections; undefined: not known (no repository). */
  readonly existingApiNames?: ExistingApiNames;
  /** Where the repo's directory test would reject the spec's file, when it would (repo/layout.ts). */
  readonly misplacement?: Misplacement;
  /** The spec's place in its Sphinx docs tree, looked up when a rule first asks (docs/load.ts). */
  readonly docsPlace?: () => DocsPlace | undefined;
  /** What the spec's docs tree (conf.py, `.rst-specs.json`) says about directive and role names. */
  readonly docs?: DocsSetup;
}

export interface RuleContext {
  readonly doc: SpecDocument;
  readonly template: Template;
  readonly options: RuleOptions;
  /** The spec's sections matched against the template's, computed once per validation. */
  readonly outline: Outline;
  /** The spec's `.. rst-specs:` control comments, read once per validation. */
  readonly control?: InlineControl;
  /** The REST API impact extract, built when a rule first asks (rules/rest/extract.ts); the analysis keeps it for the features. */
  readonly rest?: () => RestExtract | undefined;
}

/** What a quick fix needs to repair a finding, so that no fix re-parses or guesses. */
export type FindingData = Readonly<Record<string, string | number | boolean | null | readonly string[] | readonly number[]>>;

export interface Finding {
  readonly range: Range;
  readonly message: string;
  readonly data?: FindingData;
}

/**
 * What fix-all may do with a fix (undefined: a quick fix only). It also orders fix-all's edits
 * when two touch the same text: `lines` first (adornments, a blank line), then `characters` (within
 * a line), then `line-endings` (one fix for the whole file); within each, the registry's order.
 */
export type FixAllScope = 'lines' | 'characters' | 'line-endings';

/** A quick fix a rule offers, as its page and the rule tables name it; the code is `FIXES[rule.id]` (fixes/index.ts). */
export interface RuleFix {
  /** What the quick fix does, in a few words. */
  readonly title: string;
  /** Set when fix-all (on save, `--fix`) applies it: it cannot add, remove or change the writer's content. */
  readonly fixAll?: FixAllScope;
}

export interface Rule {
  /** Stable id: the diagnostic code, the config key and the doc page name (`docs/rules/<id>.md`). */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line, for the rule tables, the settings, the schema and SARIF. */
  readonly description: string;
  /** Its quick fixes, if any. */
  readonly fixes?: readonly RuleFix[];
  check(context: RuleContext): Finding[];
}
