// The diagnostic codes that are not rules (analyze.ts reports them), at the bottom of the layers:
// the configuration, the settings and the CLI's arguments accept them beside the rule ids.

export const TEMPLATE_PROBLEM_CODE = 'template';
export const BINARY_FILE_CODE = 'binary-file';
export const ENCODING_CODE = 'encoding';

/** Diagnostic codes that are not rules but can still be given a severity or turned off. */
export const NON_RULE_CODES: ReadonlySet<string> = new Set([TEMPLATE_PROBLEM_CODE, BINARY_FILE_CODE, ENCODING_CODE]);
