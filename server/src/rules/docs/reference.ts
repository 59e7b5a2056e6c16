// rst-reference: references within the spec that docutils (and Sphinx) cannot resolve: unknown
// or ambiguous target names, duplicate explicit targets, anonymous references and targets that
// don't pair up, footnote and citation references without their footnote or citation, and
// undefined substitutions. Names are matched as docutils does (case and whitespace folded).
import type { Range } from '../../rst/types';
import { normalizeName, scanInline } from '../../rst/inline/scan';
import type { Finding, Rule } from '../rule';
import { docMarkup, gateMarkup } from './markup';

/** Substitutions Sphinx defines for every document (DefaultSubstitutions). */
const SPHINX_SUBSTITUTIONS = ['version', 'release', 'today'];

interface Target {
  /** null: more than one target has the name (docutils' `nameids[name] = None`). */
  unique: boolean;
  explicit: boolean;
  uri: string | null;
}

/** An indirect target (`.. _a: b_`, or the `a` of `` `a <b_>`_ ``) as IndirectHyperlinks resolves it. */
interface IndirectTarget {
  readonly name: string;
  readonly refname: string;
  readonly explicit: boolean;
  readonly range: Range;
  /** docutils' line (1-based). */
  readonly line: number;
  resolved: boolean;
  /** Being resolved further up the chain (docutils' `multiply_indirect`). */
  multiply: boolean;
}

interface Definition {
  readonly line: number;
  readonly name: string;
  readonly explicit: boolean;
  readonly uri: string | null;
  readonly range: Range;
}

export const rstReference: Rule = {
  id: 'rst-reference',
  defaultSeverity: 'error',
  description: 'A reference to a target, footnote, citation or substitution that the spec does not define.',
  fixes: [{ title: 'Rename a duplicate target' }],
  check({ doc, options }) {
    const events = docMarkup(doc).events;
    // conf.py's rst_prolog and rst_epilog (null: ones we can't read, which may define any)
    const fromConf = options.docs?.unknown ? null : options.docs?.substitutions;
    const findings: Finding[] = [];
    const lineRange = (line: number): Range => {
      const text = doc.lines[line]?.text ?? '';
      const start = text.length - text.trimStart().length;
      return { start: { line, character: start }, end: { line, character: text.length } };
    };

    // every name a target gives, in document order (section titles: implicit targets)
    const definitions: Definition[] = [];
    for (const section of doc.sections) {
      const name = normalizeName(scanInline(section.title).plain);
      definitions.push({ line: section.titleLine, name, explicit: false, uri: null, range: section.titleRange });
    }
    let anonymousTargets = 0;
    let autoFootnotes = 0;
    const autoLabels = new Set<string>();
    let symbolFootnotes = 0;
    const citations = new Set<string>();
    const substitutions = new Set<string>([...SPHINX_SUBSTITUTIONS, ...(fromConf ?? [])]);
    for (const e of gateMarkup(doc).explicit) {
      if (e.kind === 'anonymous') anonymousTargets++;
      else if (e.kind === 'substitution') substitutions.add(e.name.split(/\s+/).join(' '));
      else if (e.kind === 'footnote' && e.name === '#') autoFootnotes++;
      else if (e.kind === 'footnote' && e.name.startsWith('#') && !autoLabels.has(normalizeName(e.name.slice(1)))) {
        autoLabels.add(normalizeName(e.name.slice(1)));
        definitions.push({ line: e.line, name: normalizeName(e.name.slice(1)), explicit: true, uri: null, range: lineRange(e.line) });
      } else if (e.kind === 'footnote' && e.name === '*') symbolFootnotes++;
      else {
        if (e.kind === 'citation') citations.add(normalizeName(e.name));
        const name = normalizeName(e.kind === 'footnote' && e.name.startsWith('#') ? e.name.slice(1) : e.name);
        definitions.push({ line: e.line, name, explicit: true, uri: e.uri, range: lineRange(e.line) });
      }
    }
    for (const { event, range } of events) {
      if (event.kind === 'target') definitions.push({ line: range.start.line, name: event.name, explicit: true, uri: event.uri, range });
    }
    definitions.sort((a, b) => a.line - b.line || a.range.start.character - b.range.start.character);

    // document.set_duplicate_name_id
    const targets: Map<string, Target> = new Map();
    for (const d of definitions) {
      const old = targets.get(d.name);
      if (!old) {
        targets.set(d.name, { unique: true, explicit: d.explicit, uri: d.uri });
        continue;
      }
      if (d.explicit && old.explicit) {
        const same = d.uri !== null && old.unique && old.uri === d.uri;
        if (!same) {
          old.unique = false;
          findings.push({ range: d.range, message: `Duplicate explicit target name: "${d.name}".`, data: { name: d.name } });
        }
      } else if (d.explicit) {
        targets.set(d.name, { unique: true, explicit: true, uri: d.uri });
      } else if (!old.explicit) {
        old.unique = false;
      }
    }

    // Footnotes.number_footnotes: every auto-numbered footnote takes the next number that is not a
    // name already; one without a label is then named by its number (so `[1]_` can point at it)
    let number = 1;
    for (const e of gateMarkup(doc).explicit) {
      if (e.kind !== 'footnote' || !e.name.startsWith('#')) continue;
      while (targets.has(String(number))) number++;
      const label = String(number++);
      if (e.name === '#') targets.set(label, { unique: true, explicit: true, uri: null });
    }

    // IndirectHyperlinks: `.. _a: b_` and `` `a <b_>`_ `` need `b`; if it can't be found, or the
    // chain of indirect targets comes back to one on the way, the error replaces every reference
    // to `a` (so those are not reported again)
    const failed = new Set<string>();
    const viaIndirect = new Set<string>();
    const indirects: IndirectTarget[] = [];
    const byName = new Map<string, IndirectTarget>();
    for (const e of gateMarkup(doc).explicit) {
      if (e.kind !== 'target' || e.refname === undefined) continue;
      const t: IndirectTarget = {
        name: normalizeName(e.name),
        refname: normalizeName(e.refname),
        explicit: true,
        range: lineRange(e.line),
        line: e.line + 1,
        resolved: false,
        multiply: false,
      };
      indirects.push(t);
      // the one target of its name (a second one makes the name a duplicate, which nothing reaches)
      if (!byName.has(t.name)) byName.set(t.name, t);
    }
    for (const { event, range, docLine } of events) {
      if (event.kind === 'indirect')
        indirects.push({
          name: event.name,
          refname: event.refname,
          explicit: false,
          range,
          line: docLine + 1,
          resolved: false,
          multiply: false,
        });
    }
    // document.indirect_targets: in the order docutils made them
    indirects.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    const indirectError = (t: IndirectTarget, why: string) => {
      t.resolved = true;
      failed.add(t.name);
      const naming = t.explicit ? explicitNaming(t) : `"${t.name}" `;
      findings.push({
        range: t.range,
        message: `Indirect hyperlink target ${naming} refers to target "${t.refname}", ${why}.`,
        data: { name: t.name, docutilsLine: t.line },
      });
    };
    // how docutils names an explicit one: without its name when the name is a duplicate
    // (set_duplicate_name_id's dupname), and by its id: make_id(name) unless an earlier node has
    // that id; then docutils numbers it from a counter of every id it made (messages, footnotes...),
    // which is not followed here: the id is left out
    // Made only for such a message (rare): make_id normalises every name, which took a tenth of the rule.
    const explicitNaming = (t: IndirectTarget): string => {
      const definition = definitions.find((d) => d.explicit && d.line === t.line - 1 && d.name === t.name);
      const id = definition && idOf(definitions, definition);
      const count = definitions.filter((d) => d.explicit && d.name === t.name).length;
      return `${count === 1 ? `"${t.name}" ` : ''}${id ? `(id="${id}")` : ''}`;
    };
    // IndirectHyperlinks.resolve_indirect_target (depth-bound: docutils' own recursion has a limit too)
    const resolve = (t: IndirectTarget, depth: number): void => {
      const target = targets.get(t.refname);
      if (!target?.unique) {
        indirectError(t, target ? 'which is a duplicate, and cannot be used as a unique reference' : 'which does not exist');
        return;
      }
      const next = target.explicit ? byName.get(t.refname) : undefined;
      if (next && !next.resolved && depth < 1000) {
        if (t.multiply) {
          indirectError(t, 'forming a circular reference');
          return;
        }
        t.multiply = true;
        resolve(next, depth + 1);
        t.multiply = false;
      }
      t.resolved = true;
    };
    for (const t of indirects) if (!t.resolved) resolve(t, 0);
    for (const t of indirects) if (!failed.has(t.name)) viaIndirect.add(t.name);

    const lowerSubstitutions = new Set([...substitutions].map((s) => s.toLowerCase()));
    let anonymousRefs = 0;
    let firstAnonymous: Range | null = null;
    let autoRefs = 0;
    let symbolRefs = 0;
    // messages of the transforms have the line of the node: a title's is its underline's
    const underlines = new Map(doc.sections.map((section) => [section.titleLine, section.underlineLine]));
    for (const { event, range, docLine } of events) {
      const line = (underlines.get(docLine) ?? docLine) + 1;
      if (event.kind === 'reference') {
        if (event.anonymous) {
          anonymousRefs++;
          firstAnonymous ??= range;
          continue;
        }
        if (!failed.has(event.name) && !viaIndirect.has(event.name)) findings.push(...unresolved(targets, event.name, range, line));
      } else if (event.kind === 'substitution') {
        if (fromConf !== null && !substitutions.has(event.name) && !lowerSubstitutions.has(event.name.toLowerCase())) {
          findings.push({
            range,
            message: `Undefined substitution referenced: "${event.name}".`,
            data: { name: event.name, docutilsLine: line },
          });
        }
      } else if (event.kind === 'footnote') {
        const label = event.label;
        if (event.citation) {
          // Sphinx turns citation references into cross-references (sphinx.domains.citation)
          if (!citations.has(normalizeName(label)))
            findings.push({ range, message: `citation not found: ${label}`, data: { name: label, docutilsLine: line } });
        } else if (label.startsWith('#') && !autoLabels.has(normalizeName(label.slice(1)))) {
          // Footnotes.number_footnote_references: `[#]_`, and `[#label]_` without its footnote,
          // take the numbers of the `.. [#]` footnotes in turn; the first one left over is an error
          // (a labelled one is then also an unknown target)
          if (++autoRefs === autoFootnotes + 1) {
            const message = `Too many autonumbered footnote references: only ${autoFootnotes} corresponding footnotes available.`;
            findings.push({ range, message, data: { docutilsLine: line } });
          }
          if (label !== '#' && autoRefs > autoFootnotes) findings.push(...unresolved(targets, normalizeName(label.slice(1)), range, line));
        } else if (label === '*') {
          if (++symbolRefs === symbolFootnotes + 1) {
            const message = `Too many symbol footnote references: only ${symbolFootnotes} corresponding footnotes available.`;
            findings.push({ range, message, data: { docutilsLine: line } });
          }
        } else {
          findings.push(...unresolved(targets, normalizeName(label.startsWith('#') ? label.slice(1) : label), range, line));
        }
      }
    }
    if (anonymousRefs !== anonymousTargets) {
      const range = firstAnonymous ?? lineRange(gateMarkup(doc).explicit.find((e) => e.kind === 'anonymous')?.line ?? 0);
      findings.push({ range, message: `Anonymous hyperlink mismatch: ${anonymousRefs} references but ${anonymousTargets} targets.` });
    }
    return findings;
  },
};

/** DanglingReferencesVisitor.visit_reference. */
function unresolved(targets: Map<string, Target>, name: string, range: Range, docutilsLine: number): Finding[] {
  const target = targets.get(name);
  if (target?.unique) return [];
  const message = target ? `Duplicate target name, cannot be used as a unique reference: "${name}".` : `Unknown target name: "${name}".`;
  return [{ range, message, data: { name, docutilsLine } }];
}

/** The id docutils gives a definition: make_id(name), unless an earlier definition has taken that id. */
function idOf(definitions: readonly Definition[], definition: Definition): string | undefined {
  const taken = new Set<string>();
  for (const d of definitions) {
    const id = makeId(d.name);
    if (!id || taken.has(id)) continue;
    if (d === definition) return id;
    taken.add(id);
  }
  return undefined;
}

/** docutils.nodes.make_id, for the name of an explicit target (the first one of that name). */
function makeId(name: string): string {
  const ascii = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\x00-\x7f]/g, '');
  const id = ascii
    .split(/\s+/)
    .filter(Boolean)
    .join(' ')
    .replace(/[^a-z0-9]+/g, '-');
  // _non_id_at_ends: no digits or hyphens first, no hyphen last
  let start = 0;
  while (start < id.length && (id[start] === '-' || (id[start] >= '0' && id[start] <= '9'))) start++;
  let end = id.length;
  while (end > start && id[end - 1] === '-') end--;
  return id.slice(start, end);
}
