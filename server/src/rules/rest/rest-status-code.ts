import type { Finding, Rule } from '../rule';
import { extractRest, type RestExtract, type StatusCodeRef } from './extract';
import { HTTP_STATUS, saysWhy, statusClass } from './http';

const CODE_MENTION = /(?<![\w./:-])([1-5]\d\d)(?![\w./-])/g;

/** The patterns this rule runs over spec text, for the linear-time test. */
export const STATUS_CODE_RULE_PATTERNS: readonly RegExp[] = [CODE_MENTION];

export const restStatusCode: Rule = {
  id: 'rest-status-code',
  defaultSeverity: 'warning',
  description:
    'REST API impact: a response code that is not a registered HTTP status, in the wrong list, or an error code without a reason.',
  check(context) {
    const rest = extractRest(context);
    if (!rest) return [];
    const findings: Finding[] = [];
    const seen = new Set<string>();
    let explained: ((ref: StatusCodeRef) => boolean) | undefined;
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
          message: `${ref.code} ${phrase} is listed as a normal code: list it with the error codes.`,
          data,
        });
      } else if (ref.kind === 'error' && kind < 4) {
        findings.push({
          range,
          message: `${ref.code} ${phrase} is listed as an error code: list it with the normal codes.`,
          data,
        });
      } else if (ref.field && kind >= 4 && ref.kind !== 'normal' && !ref.reason) {
        explained ??= explainedElsewhere(rest);
        if (explained(ref)) continue;
        findings.push({
          range,
          message: `Error code ${ref.code} ${phrase} has no reason: say what causes it.`,
          data,
        });
      }
    }
    return findings;
  },
};

/**
 * Whether another line of the same API's text names the code and says why ("400 is returned when
 * the name is too long"): a list of bare codes followed by a paragraph that explains them.
 */
function explainedElsewhere(rest: RestExtract): (ref: StatusCodeRef) => boolean {
  const mentions = new Map<number, number[]>();
  for (const line of rest.lines) {
    if (line.json) continue;
    CODE_MENTION.lastIndex = 0;
    const codes = new Set<number>();
    for (let match = CODE_MENTION.exec(line.text); match; match = CODE_MENTION.exec(line.text)) codes.add(Number(match[1]));
    if (codes.size === 0 || !saysWhy(line.text)) continue;
    for (const code of codes) {
      const lines = mentions.get(code) ?? [];
      lines.push(line.line);
      mentions.set(code, lines);
    }
  }
  // Blocks are in document order and do not overlap: the last one starting at or before the line.
  const blockOf = (line: number) => {
    let low = 0;
    let high = rest.blocks.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (rest.blocks[middle].startLine <= line) low = middle + 1;
      else high = middle;
    }
    const block = rest.blocks[low - 1];
    return block && line < block.endLine ? block : undefined;
  };
  return (ref) => {
    const lines = mentions.get(ref.code);
    if (!lines) return false;
    const block = blockOf(ref.line);
    const start = block?.startLine ?? rest.section.titleLine;
    const end = block?.endLine ?? rest.section.endLine;
    return lines.some((line) => line !== ref.line && line >= start && line < end);
  };
}
