import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverAt } from '../../server/src/features/hover';
import { inlineMarkdown, rstToMarkdown } from '../../server/src/features/markdown';
import { buildTemplate } from '../../server/src/template/model';
import { fixture, range } from '../helpers';
import { nodeHealth, specFrom } from './spec';

const hover = (text: string, line: number, character: number, withDiagnostics = true) => {
  const { doc, spec, diagnostics } = specFrom(text);
  return hoverAt(doc, spec, { line, character }, withDiagnostics ? diagnostics : []);
};

test('hover on a section title: its place in the template and its guidance, quoted as Markdown', () => {
  assert.deepEqual(hover(nodeHealth(), 45, 5), {
    range: range(45, 0, 45, 15),
    contents: fixture('features/hover-rest-api-impact.md').trimEnd(),
  });
});

test("hover on a missing-section squiggle: the missing section's place and guidance, not the title it sits on", () => {
  const text = nodeHealth();
  assert.deepEqual(hover(text, 79, 3), {
    range: range(79, 0, 79, 14),
    contents: [
      'Missing: **Dependencies**, section 4 of 8 in the template',
      '',
      '> - Include specific references to specs and/or blueprints, or in other',
      '>   projects, that this one either depends on or is related to.',
      '> - If this requires functionality of another project that is not currently',
      '>   used by senlin, document that fact.',
      '> - Does this feature require any new library dependencies or code otherwise',
      '>   not included in OpenStack? Or does it depend on a specific version of',
      '>   library?',
    ].join('\n'),
  });
});

test('hover on a subsection, a top-level section, a section without guidance, and History (list-table as a table)', () => {
  const text = nodeHealth();
  assert.equal(
    hover(text, 23, 8)?.contents,
    '**Problem description › Use Cases**, section 1 of 1 in the template\n\n' +
      '> What use cases does this address?\n> What are the impacts on actors (developer, end user, deployer etc.)?',
  );
  assert.equal(
    hover(text, 18, 0)?.contents,
    '**Problem description**, section 1 of 8 in the template\n\n' +
      '> A detailed description of the problem. What problem is this spec addressing?',
  );
  assert.equal(
    hover(text, 79, 3, false)?.contents,
    '**Implementation**, section 3 of 8 in the template\n\n' +
      'The template writes no guidance here, only its subsections: Assignee(s), Work Items.',
  );
  assert.equal(
    hover(text, 98, 7)?.contents,
    [
      '**History**, section 8 of 8 in the template',
      '',
      '> Optional section intended to be used each time the spec is updated to describe',
      '> new design, API or any database schema updated. Useful to let reader understand',
      "> what's happened along the time.",
      '>',
      '> *Revisions*',
      '>',
      '> | Release Name | Description |',
      '> | --- | --- |',
      '> | Ocata | Introduced |',
    ].join('\n'),
  );
});

test('hover on a title the template does not know names the nearest template title', () => {
  const text = nodeHealth().replace('Testing\n=======', 'Work plan\n---------');
  // 'Work plan' is now an extra subsection of 'Implementation': no diagnostic says anything of it.
  assert.deepEqual(hover(text, 93, 2), {
    range: range(93, 0, 93, 9),
    contents: '**Not a template section.** The nearest template section is **Implementation › Work Items**, section 2 of 2.',
  });
  // unknown-section already says 'Rollout plan' is unknown: the hover only adds the nearest title.
  assert.deepEqual(hover(text, 74, 0), {
    range: range(74, 0, 74, 12),
    contents: 'The nearest template section is **Proposed change**, section 2 of 8.',
  });
  assert.equal(
    hover(text, 74, 0, false)?.contents,
    '**Not a template section.** The nearest template section is **Proposed change**, section 2 of 8.',
  );
});

test('on a title with a placement diagnostic, the hover leaves the place to the diagnostic', () => {
  const text = nodeHealth().replace('Problem description\n===================', 'Problem Description\n===================');
  const guidance = '> A detailed description of the problem. What problem is this spec addressing?';
  // title-mismatch: "Section title 'Problem Description' should be 'Problem description', ..."
  assert.equal(hover(text, 18, 4)?.contents, `**Template guidance**\n\n${guidance}`);
  assert.equal(hover(text, 18, 4, false)?.contents, `**Problem description**, section 1 of 8 in the template\n\n${guidance}`);
});

test('hover on the spec title quotes what the template writes under its own title', () => {
  const template = buildTemplate(
    [
      '=============',
      'Example title',
      '=============',
      '',
      'Include the URL of your blueprint:',
      '',
      'https://blueprints.launchpad.net/nova/+spec/example',
      '',
      'Problem',
      '=======',
      '',
      'What is it?',
      '',
    ].join('\n'),
    'test',
  );
  const text = '=====\nTitle\n=====\n\nhttps://blueprints.launchpad.net/nova/+spec/title\n\nProblem\n=======\n\nNone\n';
  const { doc, spec } = specFrom(text, template);
  assert.deepEqual(hoverAt(doc, spec, { line: 1, character: 2 }), {
    range: range(1, 0, 1, 5),
    contents:
      '**The title of the spec**\n\n> Include the URL of your blueprint:\n>\n> <https://blueprints.launchpad.net/nova/+spec/example>',
  });
});

test('REST API impact: hover on a method-block item quotes the template bullet about it', () => {
  const text = nodeHealth();
  const rule = (what: string, ...bullet: string[]) =>
    `The template's rule for ${what} (**Proposed change › REST API impact**)\n\n${bullet.join('\n')}`;
  const methodType = rule('the method type', '> - Method type (POST/PUT/PATCH/GET/DELETE)');
  assert.deepEqual(hover(text, 50, 18), { range: range(50, 17, 50, 20), contents: methodType });
  assert.deepEqual(hover(text, 50, 6), { range: range(50, 4, 50, 15), contents: methodType });
  assert.deepEqual(hover(text, 52, 35), {
    range: range(52, 34, 52, 37),
    contents: rule('the normal response codes', '> - Normal http response code(s)'),
  });
  assert.deepEqual(hover(text, 54, 43), {
    range: range(54, 42, 54, 45),
    contents: rule(
      'the error response codes',
      '> - Expected error http response code(s)',
      '>   - A description for each possible error code should be included describing',
      '>     semantic errors which can cause it such as inconsistent parameters',
      '>     supplied to the method, or when an object is not in an appropriate state',
      '>     for the request to succeed. Errors caused by syntactic problems covered',
      '>     by the JSON schema definition do not need to be included.',
    ),
  });
  const url = rule('the URL', '> - URL for the resource', '>   - URL should not include underscores, and use hyphens instead.');
  assert.deepEqual(hover(text, 56, 30), { range: range(56, 26, 56, 52), contents: url });
  assert.deepEqual(hover(text, 56, 10), { range: range(56, 4, 56, 24), contents: url });
  const body = rule(
    'the response body',
    '> - Response body definition in JSON schema, if any, with sample',
    '>   - Field names should use snake_case style, not CamelCase',
  );
  assert.deepEqual(hover(text, 58, 10), { range: range(58, 4, 58, 43), contents: body });
  assert.deepEqual(hover(text, 61, 9), { range: range(61, 8, 61, 22), contents: body });
});

test('no hover off titles and items, outside REST API impact, where a REST diagnostic speaks, or on non-specs', () => {
  const text = nodeHealth();
  assert.equal(hover(text, 20, 0), undefined, 'blank line');
  assert.equal(hover(text, 21, 10), undefined, 'prose');
  assert.equal(hover(text, 19, 3), undefined, 'underline');
  assert.equal(hover(text, 48, 3), undefined, 'REST API prose');
  const moved = text.replace('Unit tests.', 'Unit tests of GET /v1/nodes/{node_id}/health.');
  assert.equal(hover(moved, 96, 14), undefined, 'a method outside REST API impact');
  const { doc, spec } = specFrom(text.replace('/v1/nodes/{node_id}/health', '/v1/node_health/{node_id}'));
  const restUrl = {
    code: 'rest-url',
    severity: 'warning' as const,
    message: "URL '/v1/node_health/{node_id}' has an underscore in 'node_health': the template asks for hyphens in URLs, not underscores.",
    range: range(56, 26, 56, 51),
  };
  assert.equal(hoverAt(doc, spec, { line: 56, character: 30 }, [restUrl]), undefined, 'a REST diagnostic on the URL');
  assert.equal(hoverAt(doc, spec, { line: 56, character: 30 }, [])?.range.start.character, 26);
  assert.equal(hoverAt(doc, undefined, { line: 45, character: 5 }), undefined, 'not a spec');
});

test('rST to Markdown: nested lists, literal blocks, definition lists, directives, inline markup', () => {
  assert.equal(
    rstToMarkdown([
      'Intro with ``code`` and `a link <https://example.org/a>`_::',
      '',
      '    literal {',
      '      text',
      '',
      '* One',
      '  continued',
      '',
      '  - Nested',
      '',
      '    + Deeper',
      '',
      '  Second paragraph of One.',
      '',
      '#. Numbered',
      '',
      'Term:',
      '  Definition <here>',
      '',
      '.. note:: Careful',
      '',
      '   Body.',
      '',
      '.. a comment',
      '',
      '  still the comment',
      '',
      'After.',
      '',
      '  Quoted (see https://example.org/b).',
    ]),
    [
      'Intro with `code` and [a link](https://example.org/a):',
      '',
      '```',
      'literal {',
      '  text',
      '```',
      '',
      '- One',
      '  continued',
      '  - Nested',
      '    - Deeper',
      '',
      '  Second paragraph of One.',
      '',
      '1. Numbered',
      '',
      'Term:\\',
      'Definition \\<here>',
      '',
      '```rst',
      '.. note:: Careful',
      '',
      '   Body.',
      '```',
      '',
      'After.',
      '',
      '> Quoted (see <https://example.org/b>).',
    ].join('\n'),
  );
  assert.equal(
    inlineMarkdown(':doc:`the spec` and `interpreted` and `ref`_ and **strong**'),
    '`the spec` and *interpreted* and ref and **strong**',
  );
});
