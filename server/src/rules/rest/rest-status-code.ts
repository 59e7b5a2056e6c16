import type { Finding, Rule } from '../rule';
import { extractRest } from './extract';
import { HTTP_STATUS, statusClass } from './http';

export const restStatusCode: Rule = {
  id: 'rest-status-code',
  defaultSeverity: 'warning',
  description: 'REST API impact: a response code that is not a registered HTTP status, in the wrong list, or an error code without a reason.',
  check(context) {
    const rest = extractRest(context);
    if (!rest) return [];
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const ref of rest.codes) {
      const where = `${ref.line}:${ref.character}`;
      if (seen.has(where)) continue;
      seen.add(where);
      const range = { start: { line: ref.line, character: ref.character }, end: { line: ref.line, character: ref.character + 3 } };
      const phrase = HTTP_STATUS.get(ref.code);
      const kind = statusClass(ref.code);
      const data = { code: ref.code, kind: ref.kind ?? null };
      if (!phrase) {
        findings.push({ range, message: `${ref.code} is not a registered HTTP status code.`, data });
      } else if (ref.kind === 'normal' && kind > 3) {
        findings.push({
          range,
          message: `${ref.code} ${phrase} is listed as a normal response code: normal codes are 1xx-3xx; list it with the error codes.`,
          data,
        });
      } else if (ref.kind === 'error' && kind < 4) {
        findings.push({
          range,
          message: `${ref.code} ${phrase} is listed as an error response code: error codes are 4xx-5xx; list it with the normal codes.`,
          data,
        });
      } else if (ref.field && kind >= 4 && ref.kind !== 'normal' && !ref.reason) {
        findings.push({
          range,
          message: `Error code ${ref.code} ${phrase} has no reason: the template asks for a description of what causes each error code.`,
          data,
        });
      }
    }
    return findings;
  },
};
