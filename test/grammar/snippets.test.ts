// Checks snippets/rst-specs.code-snippets: every snippet expanded with its defaults must be
// rST that passes the template's rules (line width, sections, snake_case JSON, URL style).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, scopesOf, specScopes, templatePath, tokenize } from './textmate';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

const snippetsPath = path.join(repoRoot, 'snippets', 'rst-specs.code-snippets');
const snippets = JSON.parse(readFileSync(snippetsPath, 'utf8')) as Record<string, Snippet>;

function bodyOf(name: string): string {
  const snippet = snippets[name];
  assert.ok(snippet, `snippet ${JSON.stringify(name)} is missing`);
  return Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
}

interface Expansion {
  text: string;
  /** tab stop -> defaults seen for it, in order */
  defaults: Map<string, string[]>;
  choices: Map<string, string[]>;
}

/**
 * Expands a VS Code snippet body with every placeholder set to its default:
 * `${1:x}` -> `x` (nested placeholders expanded too), `${1|A,B|}` -> `A`, `$1`/`${1}` -> ``,
 * variables -> their default or ``. Escapes `\$`, `\}` and `\\` are honoured. A `$` that
 * starts none of these is an error (VS Code would insert it literally, which is never meant).
 */
function expand(body: string): Expansion {
  const defaults = new Map<string, string[]>();
  const choices = new Map<string, string[]>();
  let i = 0;
  const remember = (id: string, value: string) => {
    const list = defaults.get(id) ?? [];
    list.push(value);
    defaults.set(id, list);
  };
  const parse = (inPlaceholder: boolean): string => {
    let out = '';
    while (i < body.length) {
      const c = body[i];
      if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) {
        out += body[i + 1];
        i += 2;
        continue;
      }
      if (c === '}' && inPlaceholder) {
        i++;
        return out;
      }
      if (c !== '$') {
        out += c;
        i++;
        continue;
      }
      const rest = body.slice(i);
      let m: RegExpExecArray | null;
      if ((m = /^\$(\d+)/.exec(rest)) || (m = /^\$\{(\d+)\}/.exec(rest))) {
        remember(m[1], '');
        i += m[0].length;
      } else if ((m = /^\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/.exec(rest))) {
        const options = m[2].split(/(?<!\\),/).map((o) => o.replace(/\\(.)/g, '$1'));
        choices.set(m[1], options);
        remember(m[1], options[0]);
        out += options[0];
        i += m[0].length;
      } else if ((m = /^\$\{(\d+):/.exec(rest))) {
        i += m[0].length;
        const value = parse(true);
        remember(m[1], value);
        out += value;
      } else if ((m = /^\$\{([A-Za-z_]\w*):/.exec(rest))) {
        i += m[0].length;
        out += parse(true);
      } else if ((m = /^\$\{([A-Za-z_]\w*)\}/.exec(rest)) || (m = /^\$([A-Za-z_]\w*)/.exec(rest))) {
        i += m[0].length;
      } else {
        throw new Error(`stray $ at ${i}: ${JSON.stringify(rest.slice(0, 20))}`);
      }
    }
    if (inPlaceholder) throw new Error('unterminated placeholder');
    return out;
  };
  const text = parse(false);
  return { text, defaults, choices };
}

const expanded = new Map(Object.keys(snippets).map((name) => [name, expand(bodyOf(name))]));

function textOf(name: string): string {
  const e = expanded.get(name);
  assert.ok(e, `snippet ${JSON.stringify(name)} is missing`);
  return e.text;
}

describe('snippet expander', () => {
  test('expands placeholders, choices, tab stops, variables and escapes', () => {
    const e = expand('${1:a ${2:b}} ${3|X,Y\\,Z|} $4${5} ${TM_SELECTED_TEXT:sel}$TM_FILENAME \\$x \\} ${6:{a\\}}');
    assert.equal(e.text, 'a b X  sel $x } {a}');
    assert.deepEqual(e.choices.get('3'), ['X', 'Y,Z']);
    assert.deepEqual(e.defaults.get('1'), ['a b']);
    assert.throws(() => expand('cost: $ 5'));
    assert.throws(() => expand('${1:open'));
  });
});

describe('all snippets', () => {
  test('the expected snippets exist, each with a prefix and a description', () => {
    for (const name of ['New spec', 'Work item', 'Assignee block', 'History revision row']) {
      assert.ok(snippets[name], `missing snippet ${name}`);
    }
    for (const [name, s] of Object.entries(snippets)) {
      const prefixes = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
      assert.ok(prefixes.length > 0 && prefixes.every((p) => /^[a-z][a-z-]*$/.test(p)), `${name}: prefix`);
      assert.ok(s.description && s.description.length > 10, `${name}: description`);
    }
    // The REST API method block is the server's completion, built from the spec's own template.
    assert.equal(snippets['REST API method'], undefined);
    assert.ok([snippets['New spec'].prefix].flat().includes('spec'));
  });

  test('every line is under 80 columns, without tabs or trailing whitespace', () => {
    for (const [name, e] of expanded) {
      e.text.split('\n').forEach((l, n) => {
        assert.ok(l.length < 80, `${name} line ${n + 1} is ${l.length} columns: ${l}`);
        assert.doesNotMatch(l, /\s$/, `${name} line ${n + 1} has trailing whitespace`);
        assert.doesNotMatch(l, /\t/, `${name} line ${n + 1} has a tab`);
      });
    }
  });

  test('mirrored tab stops share one default', () => {
    for (const [name, e] of expanded) {
      for (const [id, values] of e.defaults) {
        assert.equal(new Set(values).size, 1, `${name}: tab stop ${id} has defaults ${JSON.stringify(values)}`);
      }
    }
  });

  test('no template placeholder survives expansion', async () => {
    for (const [name, e] of expanded) {
      const marks = (await tokenize(e.text)).flatMap((l) => specScopes(l));
      assert.deepEqual(
        marks.filter(([, scope]) => scope === 'invalid.deprecated.placeholder.rst-specs'),
        [],
        name,
      );
    }
  });
});

// ---------------------------------------------------------------------------------------------
// New spec

interface Section {
  title: string;
  adornment: string;
  underline: number;
}

const ADORNMENT = /^([=\-~^"'`#*+:_.])\1+$/;

/** Underlined (not overlined) section titles, in order. */
function sections(text: string): Section[] {
  const lines = text.split('\n');
  const out: Section[] = [];
  for (let n = 0; n + 1 < lines.length; n++) {
    const title = lines[n];
    const under = lines[n + 1];
    if (!title.trim() || /^\s/.test(title) || ADORNMENT.test(title) || !ADORNMENT.test(under)) continue;
    if (n > 0 && ADORNMENT.test(lines[n - 1])) continue; // the overlined document title
    if (under.length < title.length) continue;
    out.push({ title, adornment: under[0], underline: under.length });
  }
  return out;
}

describe('New spec snippet', () => {
  const name = 'New spec';
  const haveTemplate = existsSync(templatePath);
  const template = haveTemplate ? readFileSync(templatePath, 'utf8') : '';
  const skip = !haveTemplate && `template not found at ${templatePath}`;

  test("starts with the template's licence comment", { skip }, () => {
    const header: string[] = [];
    for (const l of template.split('\n')) {
      if (l !== '..' && l !== '' && !l.startsWith(' ')) break;
      header.push(l);
    }
    while (header.at(-1) === '') header.pop();
    assert.ok(header.length >= 3);
    assert.deepEqual(textOf(name).split('\n').slice(0, header.length), header);
  });

  test('an overlined title, then the blueprint URL, then the introduction', () => {
    const body = bodyOf(name);
    const lines = textOf(name).split('\n');
    const t = lines.indexOf('title');
    assert.ok(t > 0, 'no title line');
    assert.equal(lines[t - 1], '='.repeat(79));
    assert.equal(lines[t + 1], '='.repeat(79));
    assert.ok(body.includes('\n${1:title}\n'));
    assert.ok(body.includes('\nhttps://blueprints.launchpad.net/${2:project}/+spec/${3:name}\n'));
    const rest = lines.slice(t + 2).filter((l) => l.trim() !== '');
    assert.equal(rest[0], 'https://blueprints.launchpad.net/project/+spec/name');
    assert.match(rest[1], /^Introduction paragraph/);
  });

  test('every section and subsection of the template, in order, with its adornment', { skip }, () => {
    const expected = sections(template);
    assert.ok(expected.length >= 15, `found only ${expected.length} sections in the template`);
    const actual = sections(textOf(name));
    assert.deepEqual(
      actual.map((s) => [s.title, s.adornment]),
      expected.map((s) => [s.title, s.adornment]),
    );
    for (const s of actual) assert.equal(s.underline, s.title.length, `underline of ${s.title}`);
    assert.deepEqual([...new Set(actual.map((s) => s.adornment))].sort(), ['-', '=']);
  });

  test('every section body is None, highlighted as such', async () => {
    const ls = await tokenize(textOf(name));
    const found = sections(textOf(name));
    for (const s of found) {
      const n = ls.findIndex((l, k) => l.text === s.title && ls[k + 1]?.text.startsWith(s.adornment.repeat(3)));
      assert.equal(ls[n + 2].text, '', `${s.title}: blank line after the underline`);
      assert.equal(ls[n + 3].text, 'None', `${s.title}: body`);
      assert.deepEqual(scopesOf(ls[n + 3], 'None'), ['source.rst', 'constant.language.none.rst-specs']);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Small snippets

describe('small snippets', () => {
  test('Work item is one bullet', () => {
    assert.match(textOf('Work item'), /^\* \S.*$/);
  });

  test("Assignee block is the template's definition list", () => {
    const lines = textOf('Assignee block').split('\n');
    assert.equal(lines[0], 'Primary assignee:');
    assert.match(lines[1], /^ {2}\S+$/);
    assert.equal(lines[2], '');
    assert.equal(lines[3], 'Other contributors:');
    assert.match(lines[4], /^ {2}\S+$/);
    assert.equal(lines.length, 5);
  });

  test('History revision row is a two-cell list-table row', () => {
    assert.equal(textOf('History revision row'), '* - Release\n  - Description');
  });
});
