// Which template sections a spec may leave out: a list for every spec, or lists by release or by
// template file, e.g. nova's { "*": ["History", "Feature Liaison"], "queens": ["History", "Upgrade impact"] }.
// Sections the template itself marks optional (`.. rst-specs: optional`) come on top (model.ts).

export type OptionalSectionsSetting = readonly string[] | Readonly<Record<string, readonly string[]>>;

export const DEFAULT_OPTIONAL: readonly string[] = ['History'];

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

/** Whether a value is a valid setting: a list of titles, or an object of such lists. */
export function isOptionalSectionsSetting(value: unknown): value is OptionalSectionsSetting {
  const isTitles = (list: unknown) => Array.isArray(list) && list.every((title) => typeof title === 'string');
  if (isTitles(value)) return true;
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(isTitles);
}
