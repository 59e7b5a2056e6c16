import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { SeveritySetting } from '../rules/rule';
import { NON_RULE_CODES } from '../diagnostic-codes';
import { ruleById } from '../rules';
import { DEFAULT_MAX_LINE_LENGTH, OPTIONS, type OptionValues, SEVERITY_NAMES } from '../options';

export const FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export const USAGE = `Usage: rst-specs check [options] [PATH|GLOB|-]...

Checks reStructuredText specs against their template. PATH is a spec file or a folder (every
*.rst below it that the include globs select, except templates); GLOB is a quoted pattern such as
'specs/**/*.rst'; - reads one spec from standard input. No PATH: the current folder.

Options:
  --template FILE          the template every spec follows (default: the config file's, else the
                           nearest template.rst or <release>-template.rst, else the bundled one)
  --config FILE            use this config file instead of the nearest .rst-specs.json
  --format FORMAT          text (default), json, sarif, github or junit
  --max-line-length N      the longest line allowed (default ${DEFAULT_MAX_LINE_LENGTH})
  --rule ID=SEVERITY       error, warning, information, hint or off; repeatable
  --max-warnings N         exit 1 when there are more than N warnings
  --fix                    apply all safe fixes in place, then report what remains
  --fix-dry-run            print the fixes as a unified diff instead of writing them
  --stdin-filename PATH    the path of the spec read from standard input (for its template)
  --jobs N                 check on N threads (default: from 48 specs, one per core but one, up to 4)
  -q, --quiet              report errors only
  --verbose                also say, for each spec, its template and optional sections (and
                           where they came from)
  --color, --no-color      colour the text output (default: on a terminal, unless NO_COLOR is set)
  -v, --version            print the version
  -h, --help               print this help

Exit status: 0 no errors (and warnings within --max-warnings), 1 problems found,
2 bad usage, an unreadable file, or an unusable config file or template.

Also: rst-specs move SPEC (--implemented | --release RELEASE | --abandon) and
rst-specs repropose SPEC RELEASE (rst-specs move --help).`;

/** `maxLineLength` and `rules` as options.ts declares them (their flags: --max-line-length, --rule). */
export interface CliOptions extends Partial<Pick<OptionValues, 'maxLineLength'>>, Pick<OptionValues, 'rules'> {
  readonly paths: readonly string[];
  readonly template?: string;
  readonly config?: string;
  readonly format: Format;
  readonly maxWarnings?: number;
  readonly fix: boolean;
  readonly fixDryRun: boolean;
  readonly quiet: boolean;
  /** Text format: each spec's template and optional sections too. */
  readonly verbose?: boolean;
  readonly color?: boolean;
  readonly stdinFilename?: string;
  readonly jobs?: number;
}

export type ParsedArguments =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'check'; readonly options: CliOptions }
  | { readonly kind: 'error'; readonly message: string };

/** The options as `node:util` parseArgs reads them; each value is checked below, in the order given. */
const FLAGS = {
  [OPTIONS.templatePath.flag!]: { type: 'string' },
  config: { type: 'string' },
  format: { type: 'string', short: 'f' },
  [OPTIONS.maxLineLength.flag!]: { type: 'string' },
  [OPTIONS.rules.flag!]: { type: 'string', multiple: true },
  'max-warnings': { type: 'string' },
  'stdin-filename': { type: 'string' },
  jobs: { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const SEVERITIES: ReadonlySet<string> = new Set(SEVERITY_NAMES);

export function parseArguments(args: readonly string[]): ParsedArguments {
  // Not strict: an unknown option or a missing value gets this CLI's own message below, not parseArgs's.
  const { tokens } = parseArgs({ args: [...args], options: FLAGS, strict: false, allowPositionals: true, tokens: true });
  // Only options count: after `--`, `-h` is a file name.
  const options = tokens.filter((token) => token.kind === 'option');
  if (options.some((token) => token.name === 'help')) return { kind: 'help' };
  if (options.some((token) => token.name === 'version')) return { kind: 'version' };
  const [command] = args;
  if (command === undefined) return { kind: 'error', message: 'no command given (did you mean rst-specs check?)' };
  if (command !== 'check') {
    return {
      kind: 'error',
      message: command.startsWith('-') ? `the command comes first: rst-specs check ${args.join(' ')}` : `unknown command '${command}'`,
    };
  }
  const paths: string[] = [];
  const rules: Record<string, SeveritySetting> = {};
  let template: string | undefined;
  let config: string | undefined;
  let format: Format = 'text';
  let maxLineLength: number | undefined;
  let maxWarnings: number | undefined;
  let fix = false;
  let fixDryRun = false;
  let quiet = false;
  let verbose = false;
  let color: boolean | undefined;
  let stdinFilename: string | undefined;
  let jobs: number | undefined;
  for (const token of tokens.slice(1)) {
    if (token.kind === 'positional') {
      paths.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    const flag = token.rawName;
    if (!Object.hasOwn(FLAGS, token.name)) return { kind: 'error', message: `unknown option '${flag}'` };
    if (FLAGS[token.name].type === 'boolean') {
      if (token.value !== undefined) return { kind: 'error', message: `${flag} takes no value` };
      if (token.name === 'fix') fix = true;
      else if (token.name === 'fix-dry-run') fixDryRun = true;
      else if (token.name === 'quiet') quiet = true;
      else if (token.name === 'verbose') verbose = true;
      else if (token.name === 'color') color = true;
      else if (token.name === 'no-color') color = false;
      continue;
    }
    const value = token.value;
    // `--template=` (empty, as a shell gives an unset variable) is a missing value too; so is a next option.
    if (value === undefined || value === '' || (!token.inlineValue && value.startsWith('--')))
      return { kind: 'error', message: `${flag} needs a value` };
    switch (token.name) {
      case 'template':
        template = value;
        break;
      case 'config':
        config = value;
        break;
      case 'stdin-filename':
        stdinFilename = value;
        break;
      case 'format':
        if (!(FORMATS as readonly string[]).includes(value)) {
          return { kind: 'error', message: `--format must be one of ${FORMATS.join(', ')}, not '${value}'` };
        }
        format = value as Format;
        break;
      case 'max-line-length': {
        const number = wholeNumber(value);
        if (!OPTIONS.maxLineLength.setting!.valid(number)) {
          return { kind: 'error', message: `--max-line-length must be ${OPTIONS.maxLineLength.setting!.expected}, not '${value}'` };
        }
        maxLineLength = number;
        break;
      }
      case 'jobs': {
        const number = wholeNumber(value);
        if (number === undefined || number < 1) return { kind: 'error', message: `--jobs must be a positive whole number, not '${value}'` };
        jobs = number;
        break;
      }
      case 'max-warnings': {
        const number = wholeNumber(value);
        if (number === undefined) return { kind: 'error', message: `--max-warnings must be a whole number (0 or more), not '${value}'` };
        maxWarnings = number;
        break;
      }
      case 'rule': {
        const at = value.indexOf('=');
        const id = at < 0 ? value : value.slice(0, at);
        const severity = at < 0 ? '' : value.slice(at + 1);
        if (at < 0) return { kind: 'error', message: `--rule takes ID=SEVERITY, like --rule line-length=off, not '${value}'` };
        if (!ruleById.has(id) && !NON_RULE_CODES.has(id)) {
          return { kind: 'error', message: `--rule: unknown rule '${id}' (rules: ${[...ruleById.keys(), ...NON_RULE_CODES].join(', ')})` };
        }
        if (!SEVERITIES.has(severity)) {
          return {
            kind: 'error',
            message: `--rule ${id}: the severity must be error, warning, information, hint or off, not '${severity}'`,
          };
        }
        rules[id] = severity as SeveritySetting;
        break;
      }
    }
  }
  if (fix && fixDryRun) return { kind: 'error', message: '--fix and --fix-dry-run cannot be used together' };
  if (fixDryRun && format !== 'text' && format !== 'github') {
    return { kind: 'error', message: `--fix-dry-run prints a diff, which a ${format} report cannot hold: use --format text` };
  }
  if (paths.filter((path) => path === '-').length > 1) return { kind: 'error', message: "'-' (standard input) can be given once" };
  if (fix && paths.includes('-'))
    return { kind: 'error', message: '--fix cannot write to standard input: use --fix-dry-run to see the fixes' };
  if (stdinFilename !== undefined && !paths.includes('-')) return { kind: 'error', message: "--stdin-filename needs '-' among the paths" };
  return {
    kind: 'check',
    options: {
      paths,
      template,
      config,
      format,
      maxLineLength,
      rules,
      maxWarnings,
      fix,
      fixDryRun,
      quiet,
      ...(verbose ? { verbose } : {}),
      color,
      stdinFilename,
      jobs,
    },
  };
}

function wholeNumber(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : undefined;
}
