// Every option of rst-specs, declared once: its value type (OptionValues), default, validators, and
// how it is spelt and described in each place it can be set: the `rstSpecs.*` editor settings
// (package.json), `.rst-specs.json` (schemas/rst-specs.schema.json) and the CLI. The option types
// of config/, lsp/ and cli/ are picked from OptionValues; package.json and the schema are written
// from OPTIONS (scripts/options-manifest.ts) and a test fails when they drift. Imports nothing, so
// the client and the engine can both read it. The per-rule severities (`rules`) come from the
// rules registry: only the option itself is declared here.

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';
export const SEVERITY_NAMES: readonly SeverityName[] = ['error', 'warning', 'information', 'hint', 'off'];

/** One list of titles, or lists by release or template file name (`*` for the others): template/optional.ts picks one. */
export type OptionalSectionsSetting = readonly string[] | Readonly<Record<string, readonly string[]>>;

/** The value of each option once read (a default, a config file, a setting or a flag). */
export interface OptionValues {
  /** Check specs at all (editor only). */
  readonly enable: boolean;
  /** The template: absolute, or relative to the workspace folder (settings) or the config file (config); undefined: located. */
  readonly templatePath: string | undefined;
  /** Globs of the .rst files that are specs. */
  readonly include: readonly string[];
  /** Globs of the .rst files that are not specs. */
  readonly exclude: readonly string[];
  /** Longest allowed line, in columns (the specs repos allow 79). */
  readonly maxLineLength: number;
  /** Titles a spec may leave out. */
  readonly optionalSections: OptionalSectionsSetting;
  /** Severity per rule id; `off` turns a rule off. */
  readonly rules: Readonly<Record<string, SeverityName>>;
  /** What "Insert missing section" writes under the title: None, or the template's guidance (editor only). */
  readonly insertedSectionBody: 'none' | 'guidance';
  /** API path names with underscores that the repository already has (the config file's `rest.existingNames`). */
  readonly restExistingNames: readonly string[];
  /** Directive names the docs build knows besides docutils', Sphinx's and conf.py's extensions'. */
  readonly directives: readonly string[];
  /** Interpreted text role names the docs build knows likewise. */
  readonly roles: readonly string[];
}

export type OptionName = keyof OptionValues;

export interface OptionDeclaration<T> {
  readonly default: T;
  /** The `rstSpecs.<key>` editor setting, if the option is one. */
  readonly setting?: {
    readonly key: string;
    /** Whether a value the user set wins over `.rst-specs.json` (the client tells the server which keys were set). */
    readonly overridesConfig: boolean;
    readonly valid: (value: unknown) => value is T;
    /** What a valid value is, for "rstSpecs.x must be …; using the default". */
    readonly expected: string;
    /** The package.json entry, without `default` (written from `default`, unless the entry gives its own). */
    readonly schema?: Readonly<Record<string, unknown>>;
  };
  /** The key in `.rst-specs.json`, if the option can be set there. */
  readonly config?: {
    readonly key: string;
    /** Checks the value as the file gives it (config/parse.ts reads `template`, `rules` and `rest` itself: they say more). */
    readonly valid?: (value: unknown) => value is T;
    /** Says what a valid value is, after the key: `"maxLineLength" must be a positive whole number`. */
    readonly problem?: string;
    /** The schemas/rst-specs.schema.json entry (with `default` written from `default` when `showDefault`). */
    readonly schema?: Readonly<Record<string, unknown>>;
    readonly showDefault?: boolean;
  };
  /** The CLI flag, without `--`, if the option has one. */
  readonly flag?: string;
}

export const DEFAULT_MAX_LINE_LENGTH = 79;
export const DEFAULT_OPTIONAL_SECTIONS: readonly string[] = ['History'];
export const DEFAULT_INCLUDE: readonly string[] = ['**/specs/**/*.rst'];
export const DEFAULT_EXCLUDE: readonly string[] = ['**/index.rst', '**/README.rst'];

const NAME_PATTERN = '^[^\\s:]+(:[^\\s:]+)*$';
const nameList = (what: string) => ({
  type: 'array',
  items: { type: 'string', pattern: NAME_PATTERN },
  description: `${what} names the docs build knows besides docutils', Sphinx's and those of the extensions that doc/source/conf.py names (a custom extension's), so that rst-${what === 'Directive' ? 'directive' : 'role'} does not report them.`,
});

/** In the order of `.rst-specs.json`'s keys (the schema and the "known:" list of a config problem follow it). */
export const OPTIONS: { readonly [K in OptionName]: OptionDeclaration<OptionValues[K]> } = {
  enable: {
    default: true,
    setting: {
      key: 'enable',
      overridesConfig: false,
      valid: isBoolean,
      expected: 'true or false',
      schema: { type: 'boolean', description: 'Check reStructuredText specs against their template.', scope: 'resource', order: 1 },
    },
  },
  templatePath: {
    default: undefined,
    setting: {
      key: 'templatePath',
      overridesConfig: true,
      valid: isString,
      expected: 'a path',
      schema: {
        type: 'string',
        default: '',
        scope: 'resource',
        markdownDescription:
          "The template specs follow: an absolute path, or relative to the workspace folder. When set, it overrides the `template` of `.rst-specs.json`; a spec's own `.. rst-specs: template=` comment overrides it. Empty: the config file's, else the nearest `template.rst` or `<release>-template.rst`, else the bundled Senlin template.",
        order: 2,
      },
    },
    config: {
      key: 'template',
      schema: {
        type: 'string',
        minLength: 1,
        description:
          'The template the specs follow: a path relative to this file, or absolute. Default: the nearest template.rst or <release>-template.rst, else the bundled Senlin template.',
      },
    },
    flag: 'template',
  },
  include: {
    default: DEFAULT_INCLUDE,
    setting: {
      key: 'include',
      overridesConfig: true,
      valid: isStringArray,
      expected: 'a list of globs',
      schema: {
        type: 'array',
        items: { type: 'string' },
        scope: 'resource',
        markdownDescription:
          'Globs (relative to the workspace folder) of the `.rst` files that are specs. Templates are never checked as specs.',
        order: 3,
      },
    },
    config: {
      key: 'include',
      valid: isGlobList,
      problem: 'must be a list of globs (non-empty strings)',
      showDefault: true,
      schema: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description:
          'Globs (relative to this file) of the .rst files that are specs, used when a folder is checked. Templates are never checked as specs.',
      },
    },
  },
  exclude: {
    default: DEFAULT_EXCLUDE,
    setting: {
      key: 'exclude',
      overridesConfig: true,
      valid: isStringArray,
      expected: 'a list of globs',
      schema: {
        type: 'array',
        items: { type: 'string' },
        scope: 'resource',
        markdownDescription: 'Globs of `.rst` files that are not specs.',
        order: 4,
      },
    },
    config: {
      key: 'exclude',
      valid: isGlobList,
      problem: 'must be a list of globs (non-empty strings)',
      showDefault: true,
      schema: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'Globs (relative to this file) of .rst files that are not specs.',
      },
    },
  },
  maxLineLength: {
    default: DEFAULT_MAX_LINE_LENGTH,
    setting: {
      key: 'maxLineLength',
      overridesConfig: true,
      valid: isPositiveInteger,
      expected: 'a positive whole number',
      schema: {
        type: 'integer',
        minimum: 1,
        description: 'The longest line allowed, in characters (the specs repos allow 79).',
        scope: 'resource',
        order: 6,
      },
    },
    config: {
      key: 'maxLineLength',
      valid: isPositiveInteger,
      problem: 'must be a positive whole number',
      showDefault: true,
      schema: { type: 'integer', minimum: 1, description: 'The longest line allowed, in characters (the specs repos allow 79).' },
    },
    flag: 'max-line-length',
  },
  // Its schema entries list every rule: they are written from the rules registry.
  rules: {
    default: {},
    setting: {
      key: 'rules',
      overridesConfig: true,
      valid: isObject as (value: unknown) => value is OptionValues['rules'],
      expected: 'an object of rule ids to severities',
    },
    config: { key: 'rules' },
    flag: 'rule',
  },
  optionalSections: {
    default: DEFAULT_OPTIONAL_SECTIONS,
    setting: {
      key: 'optionalSections',
      overridesConfig: true,
      valid: isOptionalSectionsSetting,
      expected: 'a list of section titles, or an object of such lists by release or template file',
      schema: {
        type: 'array',
        items: { type: 'string' },
        markdownDescription:
          'Template section titles that a spec may leave out. Overrides `optionalSections` of `.rst-specs.json` when set. Lists by release folder or template file name (e.g. `{"*": ["History", "Feature Liaison"], "queens": ["History", "Upgrade impact"]}`) belong in `.rst-specs.json`, next to the specs they apply to. A template can also mark a section optional with `.. rst-specs: optional` under its title. Unset here and in `.rst-specs.json`: what the repo\'s `tests/test_titles.py` makes optional, else `History`.',
        scope: 'resource',
        order: 5,
      },
    },
    config: {
      key: 'optionalSections',
      valid: isOptionalSectionsSetting,
      problem:
        'must be a list of section titles, or an object of such lists by release or template file name, like { "*": ["History"], "queens": ["History", "Upgrade impact"] }',
      showDefault: true,
      schema: {
        description:
          'Template section titles that a spec may leave out: one list, or lists by release folder or template file name, the most specific applying ("*" for the others), e.g. { "*": ["History", "Feature Liaison"], "queens": ["History", "Upgrade impact"] }. Default: what the repo\'s tests/test_titles.py makes optional, else ["History"].',
        oneOf: [
          { type: 'array', items: { type: 'string' } },
          {
            type: 'object',
            additionalProperties: { type: 'array', items: { type: 'string' } },
            defaultSnippets: [{ body: { '*': ['History'], '${1:release}': ['History', '$2'] } }],
          },
        ],
      },
    },
  },
  restExistingNames: {
    default: [],
    config: {
      key: 'rest',
      schema: {
        type: 'object',
        description: 'REST API advice (the rest-* rules).',
        additionalProperties: false,
        properties: {
          existingNames: {
            type: 'array',
            items: { type: 'string', minLength: 1, pattern: '^[^/]+$' },
            uniqueItems: true,
            description:
              'URL path names with underscores that the repository\'s API already has (e.g. "audit_template"): rest-url does not ask for hyphens in them. Names used in the REST API sections of the repository\'s other specs count without being listed.',
          },
        },
      },
    },
  },
  directives: {
    default: [],
    config: {
      key: 'directives',
      valid: isNameList,
      problem: 'must be a list of directive names, like ["my-directive"]',
      schema: nameList('Directive'),
    },
  },
  roles: {
    default: [],
    config: {
      key: 'roles',
      valid: isNameList,
      problem: 'must be a list of role names, like ["bug"]',
      schema: nameList('Interpreted text role'),
    },
  },
  insertedSectionBody: {
    default: 'none',
    setting: {
      key: 'insertedSectionBody',
      overridesConfig: false,
      valid: (value: unknown): value is 'none' | 'guidance' => value === 'none' || value === 'guidance',
      expected: "'none' or 'guidance'",
      schema: {
        type: 'string',
        enum: ['none', 'guidance'],
        scope: 'resource',
        markdownDescription: 'What *Insert Missing Sections* writes under the inserted title.',
        markdownEnumDescriptions: [
          'Write `None` under an inserted section.',
          'Write the template guidance under an inserted section (`template-text` then flags it until rewritten).',
        ],
        order: 8,
      },
    },
  },
};

const names = Object.keys(OPTIONS) as OptionName[];

/** The editor settings that a `.rst-specs.json` also holds: a value the user set wins over the file's. */
export const CONFIG_SETTING_KEYS = names.filter((name) => OPTIONS[name].setting?.overridesConfig) as readonly ConfigSettingName[];
export type ConfigSettingName = 'templatePath' | 'include' | 'exclude' | 'maxLineLength' | 'optionalSections' | 'rules';

/** The keys of `.rst-specs.json`, in order. */
export const CONFIG_KEYS: readonly string[] = names.flatMap((name) => OPTIONS[name].config?.key ?? []);

/** The editor settings that mirror config keys, as read (lsp/settings.ts adds the editor-only ones). */
export type EditorSettings = Pick<OptionValues, ConfigSettingName>;

/** Values that win over the config file: command-line options, or the editor settings the user set. */
export type OptionOverrides = Partial<EditorSettings>;

/** The settings section of `rstSpecs.<key>` in package.json, as written from OPTIONS (all but `rules`, which the registry writes). */
export function settingsManifest(): Record<string, Record<string, unknown>> {
  const entries: Record<string, Record<string, unknown>> = {};
  for (const name of names) {
    const setting = OPTIONS[name].setting;
    if (!setting?.schema) continue;
    entries[`rstSpecs.${setting.key}`] = withDefault(setting.schema, OPTIONS[name].default);
  }
  return entries;
}

/** The schema entries of the config keys, as written from OPTIONS (all but `rules`, which the registry writes). */
export function configSchemaProperties(): Record<string, Record<string, unknown>> {
  const entries: Record<string, Record<string, unknown>> = {};
  for (const name of names) {
    const config = OPTIONS[name].config;
    if (!config?.schema) continue;
    entries[config.key] = config.showDefault ? withDefault(config.schema, OPTIONS[name].default) : { ...config.schema };
  }
  return entries;
}

/** The entry with `default` before its description (unless it gives its own, as an empty path does). */
function withDefault(schema: Readonly<Record<string, unknown>>, value: unknown): Record<string, unknown> {
  if ('default' in schema) return { ...schema };
  const entry: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema)) {
    if (!('default' in entry) && ['description', 'markdownDescription', 'scope'].includes(key)) entry.default = value;
    entry[key] = field;
  }
  return entry;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isString(v: unknown): v is string {
  return typeof v === 'string';
}
function isBoolean(v: unknown): v is boolean {
  return typeof v === 'boolean';
}
function isPositiveInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0;
}
function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every(isString);
}
function isGlobList(v: unknown): v is string[] {
  return isStringArray(v) && v.every((glob) => glob.trim() !== '');
}
function isNameList(v: unknown): v is string[] {
  return isStringArray(v) && v.every((name) => new RegExp(NAME_PATTERN).test(name));
}

/** Whether a value read from settings is a list of titles or an object of such lists. */
export function isOptionalSectionsSetting(value: unknown): value is OptionalSectionsSetting {
  if (isStringArray(value)) return true;
  return isObject(value) && Object.values(value).every(isStringArray);
}
