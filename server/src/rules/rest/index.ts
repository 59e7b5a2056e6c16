import type { Rule } from '../rule';
import { restFieldCase } from './rest-field-case';
import { restIncomplete } from './rest-incomplete';
import { restJson } from './rest-json';
import { restMethod } from './rest-method';
import { restStatusCode } from './rest-status-code';
import { restUrl } from './rest-url';

/** The REST API impact rules, in the order their diagnostics are listed for one line. */
export const restRules: readonly Rule[] = [restMethod, restUrl, restStatusCode, restJson, restFieldCase, restIncomplete];

export { restFieldCase, restIncomplete, restJson, restMethod, restStatusCode, restUrl };
