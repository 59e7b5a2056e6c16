// Shared by the REST API impact rule tests: a small spec around a REST API impact body, and the
// diagnostics of one rest-* rule in the same shape as test/helpers.ts `checkRule` gives.
import { parseSpec } from '../../../server/src/rst/parse';
import { ruleById } from '../../../server/src/rules';
import { restRules } from '../../../server/src/rules/rest';
import type { Rule } from '../../../server/src/rules/rule';
import { buildOutline } from '../../../server/src/template/outline';
import { bundledTemplate, checkRule } from '../../helpers';

export { lineOf } from '../../helpers';

const HEAD = `==============================
Cluster policies for the tests
==============================

https://blueprints.launchpad.net/senlin/+spec/cluster-policies

Problem description
===================

Clusters need policies.

Proposed change
===============

Attach policies to clusters.

REST API impact
---------------

`;

const TAIL = `
Security impact
---------------

None
`;

/** A spec whose REST API impact section holds `body`. */
export function spec(body: string): string {
  return HEAD + body.replace(/^\n/, '') + TAIL;
}

/**
 * The diagnostics of one rest-* rule: through the engine once the rule is registered in
 * `server/src/rules/index.ts`, else by running the rule the way the engine does.
 */
export function restCheck(code: string, text: string) {
  if (ruleById.has(code)) return checkRule(code, text);
  const rule = restRules.find((candidate) => candidate.id === code) as Rule;
  const template = bundledTemplate();
  const doc = parseSpec(text);
  const options = { maxLineLength: 79, optionalSections: ['History'] };
  const context = { doc, template, options, outline: buildOutline(doc, template, options.optionalSections) };
  return rule
    .check(context)
    .map(({ message, range, data }) => ({ code, severity: rule.defaultSeverity, message, range, ...(data ? { data } : {}) }))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** A range on one line. */
export function at(line: number, start: number, end: number) {
  return { start: { line, character: start }, end: { line, character: end } };
}
