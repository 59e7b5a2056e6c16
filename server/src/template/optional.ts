// Which template sections a spec may leave out: a list for every spec, or lists by release or by
// template file, e.g. nova's { "*": ["History", "Feature Liaison"], "queens": ["History", "Upgrade impact"] }.
// Sections the template itself marks optional (`.. rst-specs: optional`) come on top (model.ts).

import { DEFAULT_OPTIONAL_SECTIONS, type OptionalSectionsSetting } from '../options';

export { isOptionalSectionsSetting, type OptionalSectionsSetting } from '../options';

const DEFAULT_OPTIONAL = DEFAULT_OPTIONAL_SECTIONS;

/** Where a spec stands: its release folder (see `releaseOf`) and the path of its template. */
export interface SpecPlace {
  readonly release?: string;
  readonly templatePath?: string;
}

/**
 * The list that applies to a spec. For an object, the most specific key wins alone: the template's
 * file name (`queens-template.rst`), else the release (`queens`), else `*`, else the default.
 */
export function resolveOptionalSections(setting: OptionalSectionsSetting | undefined, place: SpecPlace = {}): readonly string[] {
  if (setting === undefined) return DEFAULT_OPTIONAL;
  if (isList(setting)) return setting;
  const templateName = place.templatePath?.split(/[\\/]/).pop();
  for (const key of [templateName, place.release, '*']) {
    if (key !== undefined && Object.prototype.hasOwnProperty.call(setting, key)) return setting[key];
  }
  return DEFAULT_OPTIONAL;
}

function isList(setting: OptionalSectionsSetting): setting is readonly string[] {
  return Array.isArray(setting);
}
