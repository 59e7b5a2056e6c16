import type { Finding, Rule } from '../rule';
import { type Api, extractRest, type MethodBlock } from './extract';
import type { ScopeLine } from './status-codes';

const CODE_NUMBER = /(?<![\w./:-])[1-5]\d\d(?![\w./-])/;
const CODE_WORDS = /\b(?:response|status|error|return)\s+codes?\b/i;
const BODY_WORDS = /\b(?:body|bodies|payload|schema|json|responses?)\b/i;
const POLICY_WORDS = /\b(?:polic(?:y|ies)|roles?|rbac|admin\w*|permissions?)\b/i;

/** The patterns this rule runs over spec text, for the linear-time test. */
export const INCOMPLETE_PATTERNS: readonly RegExp[] = [CODE_NUMBER, CODE_WORDS, BODY_WORDS, POLICY_WORDS];

const REQUEST_BODY = new Set(['POST', 'PUT', 'PATCH']);
const RESPONSE_BODY = new Set(['GET', 'POST', 'PUT', 'PATCH']);

interface Coverage {
  codes: boolean;
  body: boolean;
  policy: boolean;
}

export const restIncomplete: Rule = {
  id: 'rest-incomplete',
  defaultSeverity: 'information',
  description: 'REST API impact: a method and URL with no response codes, no request or response body and no policy.',
  check(context) {
    const rest = extractRest(context);
    if (!rest) return [];
    // Keys listed together (an old/new pair, a list of endpoints) share what any of them has.
    const parent = new Map<string, string>();
    const find = (key: string): string => {
      let root = key;
      while (parent.get(root) !== root) root = parent.get(root)!;
      return root;
    };
    const first: Api[] = [];
    for (const block of rest.blocks) {
      for (const api of block.apis) {
        if (!parent.has(api.key)) {
          parent.set(api.key, api.key);
          first.push(api);
        }
        parent.set(find(api.key), find(block.apis[0].key));
      }
    }
    const coverage = new Map<string, Coverage>();
    for (const block of rest.blocks) {
      const root = find(block.apis[0].key);
      const sum = coverage.get(root) ?? { codes: false, body: false, policy: false };
      const covered = coverageOf(block);
      coverage.set(root, { codes: sum.codes || covered.codes, body: sum.body || covered.body, policy: sum.policy || covered.policy });
    }
    const classSize = new Map<string, number>();
    for (const api of first) classSize.set(find(api.key), (classSize.get(find(api.key)) ?? 0) + 1);
    const findings: Finding[] = [];
    const reported = new Set<string>();
    for (const api of first) {
      const root = find(api.key);
      const covered = coverage.get(root)!;
      if (reported.has(root) || covered.codes || covered.body || covered.policy) continue;
      reported.add(root);
      findings.push(findingFor(api, classSize.get(root)! - 1));
    }
    return findings;
  },
};

function coverageOf(block: MethodBlock): Coverage {
  const lines: ScopeLine[] = [...block.preamble, ...block.lines];
  const text = lines.filter((line) => !line.json).map((line) => line.text);
  return {
    codes: text.some((line) => CODE_NUMBER.test(line) || CODE_WORDS.test(line)),
    body: lines.some((line) => line.json) || text.some((line) => BODY_WORDS.test(line)),
    policy: text.some((line) => POLICY_WORDS.test(line)),
  };
}

function findingFor(api: Api, others: number): Finding {
  const method = api.method.text.toUpperCase();
  const name = `${method} ${api.url.text}`;
  const body = REQUEST_BODY.has(method) ? 'request or response body' : RESPONSE_BODY.has(method) ? 'response body' : undefined;
  const missing = body ? `no response codes, no ${body} and no policy` : 'no response codes and no policy';
  const sameLine = api.method.line === api.url.line;
  return {
    range: {
      start: { line: api.method.line, character: api.method.start },
      end: { line: api.method.line, character: sameLine ? Math.max(api.url.end, api.method.end) : api.method.end },
    },
    message: `'${name}'${others > 0 ? ` (and ${others} more)` : ''} has ${missing}.`,
    data: {
      method,
      url: api.url.text,
      listedWith: others,
      missing: body ? ['response codes', 'body', 'policy'] : ['response codes', 'policy'],
    },
  };
}
