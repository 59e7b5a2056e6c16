// Token-level tests for syntaxes/rst-specs.injection.tmLanguage.json, run through vscode-textmate
// with the grammar injected into a stand-in source.rst base grammar (see ./textmate.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { scopesOf, specScopes, templatePath, tokenize, type TokenizedLine } from './textmate';

const PLACEHOLDER = 'invalid.deprecated.placeholder.rst-specs';
const NONE = 'constant.language.none.rst-specs';
const METHOD = 'keyword.other.http-method.rst-specs';
const STATUS = 'constant.numeric.http-status.rst-specs';
const APIIMPACT = 'keyword.other.apiimpact.rst-specs';
const BLOCK = 'meta.method-block.rst-specs';
const CODES = 'meta.response-codes.rst-specs';
const LITERAL = 'string.interpolated.rst-specs';

/** Tokenizes `text` and returns its lines. */
async function lines(text: string): Promise<TokenizedLine[]> {
  return tokenize(text);
}

/** Tokenizes a single line (fresh state). */
async function line(text: string): Promise<TokenizedLine> {
  const [first] = await tokenize(text);
  return first;
}

function assertUnmarked(l: TokenizedLine): void {
  assert.deepEqual(specScopes(l), [], `expected no rst-specs scope on ${JSON.stringify(l.text)}`);
}

describe('template placeholders', () => {
  test('the example title line', async () => {
    const [over, title, under] = await lines(
      '==========================================\n' +
        'Example Spec - The title of your blueprint\n' +
        '==========================================',
    );
    assert.deepEqual(scopesOf(title, 'Example Spec - The title of your blueprint'), ['source.rst', PLACEHOLDER]);
    assert.deepEqual(scopesOf(over, over.text), ['source.rst', 'markup.heading']);
    assert.deepEqual(scopesOf(under, under.text), ['source.rst', 'markup.heading']);
  });

  test('a real title is not marked', async () => {
    assertUnmarked(await line('Example of a cluster-wide health policy'));
  });

  test('the example blueprint URL, generic and with the project filled in', async () => {
    for (const url of [
      'https://blueprints.launchpad.net/<project>/+spec/example',
      'https://blueprints.launchpad.net/senlin/+spec/example',
    ]) {
      assert.deepEqual(scopesOf(await line(url), url), ['source.rst', PLACEHOLDER]);
    }
  });

  test('a real blueprint URL is not marked', async () => {
    assertUnmarked(await line('https://blueprints.launchpad.net/senlin/+spec/example-health-policy'));
    assertUnmarked(await line('https://blueprints.launchpad.net/senlin/+spec/some-thing'));
  });

  test('<launchpad-id or None> in a definition list', async () => {
    const [term, body] = await lines('Primary assignee:\n  <launchpad-id or None>');
    assertUnmarked(term);
    assert.deepEqual(scopesOf(body, '<launchpad-id or None>'), ['source.rst', PLACEHOLDER]);
    assert.deepEqual(scopesOf(body, '  '), ['source.rst']);
  });

  test('other <...> placeholders in prose', async () => {
    const l = await line('see doc/build/html/specs/<path_of_your_file> and <project> here');
    assert.deepEqual(scopesOf(l, '<path_of_your_file>'), ['source.rst', PLACEHOLDER]);
    assert.deepEqual(scopesOf(l, '<project>'), ['source.rst', PLACEHOLDER]);
  });

  test('link targets, generics, addresses and arrows are not placeholders', async () => {
    for (const text of [
      'See `the docs <http://example.org/a>`_ for more.',
      'See `Foo <foo bar>`_ for more.',
      'A List<String> of names.',
      'Mail <someone@example.org> now.',
      'Trailing <dash-> here.',
      'Shift <<x>> left.',
      'a <- b and c -> d',
    ]) {
      assertUnmarked(await line(text));
    }
  });

  test('placeholders inside the licence comment are left to the comment', async () => {
    const [, body] = await lines('..\n This is <not-a-placeholder> in a comment.');
    assert.deepEqual(scopesOf(body, body.text), ['source.rst', 'comment.block']);
  });
});

describe('None bodies', () => {
  test('None, None. and N/A alone on a line', async () => {
    for (const text of ['None', 'None.', 'N/A']) {
      assert.deepEqual(scopesOf(await line(text), text), ['source.rst', NONE]);
    }
  });

  test('indented and with trailing blanks', async () => {
    const l = await line('  None  ');
    assert.deepEqual(scopesOf(l, 'None'), ['source.rst', NONE]);
    assert.deepEqual(scopesOf(l, '  '), ['source.rst']);
  });

  test('None in a sentence, in capitals or lower case is not marked', async () => {
    for (const text of ['NONE OF THIS', 'None of this applies.', 'none', 'NONE', 'None yet', 'Nonetheless', 'N/A here']) {
      assertUnmarked(await line(text));
    }
  });
});

describe('HTTP methods', () => {
  test('a method followed by a URL path', async () => {
    const l = await line('POST /v1/clusters/{cluster_id}/actions');
    assert.deepEqual(scopesOf(l, 'POST'), ['source.rst', METHOD]);
    assert.deepEqual(scopesOf(l, ' /v1/clusters/{cluster_id}/actions'), ['source.rst']);
  });

  test('every method, mid-line and before a full URL', async () => {
    for (const m of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      const l = await line(`Then call ${m} /v1/nodes/{node_id} to do it.`);
      assert.deepEqual(scopesOf(l, m), ['source.rst', METHOD]);
    }
    const l = await line('GET https://senlin.example.org/v1/clusters');
    assert.deepEqual(scopesOf(l, 'GET'), ['source.rst', METHOD]);
  });

  test('a method in an inline literal', async () => {
    const l = await line('Call ``DELETE /v1/clusters/{cluster_id}`` to remove it.');
    assert.deepEqual(scopesOf(l, '``', 0), ['source.rst', LITERAL]);
    assert.deepEqual(scopesOf(l, 'DELETE'), ['source.rst', LITERAL, METHOD]);
    assert.deepEqual(scopesOf(l, ' /v1/clusters/{cluster_id}'), ['source.rst', LITERAL]);
    assert.deepEqual(scopesOf(l, '``', 1), ['source.rst', LITERAL]);
    assert.deepEqual(scopesOf(l, ' to remove it.'), ['source.rst']);
  });

  test('an ordinary inline literal is left to the base grammar', async () => {
    const l = await line('Use ``cluster_id`` here.');
    assert.deepEqual(scopesOf(l, '``c'), ['source.rst', 'string.interpolated']);
    assertUnmarked(l);
  });

  test('not inside a word, not without a path, not in mixed case', async () => {
    for (const text of [
      'FORGET /v1/clusters',
      'GETTER /v1/clusters',
      'X-POST /v1/clusters',
      'GET_ALL /v1/clusters',
      'Post /x',
      'Get /x',
      'GET requests are cached.',
      'The PUT verb.',
      'Method type (POST/PUT/PATCH/GET/DELETE)',
    ]) {
      assertUnmarked(await line(text));
    }
  });

  test('after "Method type:" a method block starts', async () => {
    const l = await line('Method type: POST');
    assert.deepEqual(scopesOf(l, 'Method type: '), ['source.rst', BLOCK]);
    assert.deepEqual(scopesOf(l, 'POST'), ['source.rst', BLOCK, METHOD]);
  });

  test('"Method type:" in a bullet keeps the base grammar\'s bullet', async () => {
    const l = await line('  - Method type: PATCH');
    assert.deepEqual(scopesOf(l, '  - '), ['source.rst', BLOCK, 'keyword.control']);
    assert.deepEqual(scopesOf(l, 'PATCH'), ['source.rst', BLOCK, METHOD]);
  });

  test('"method type:" mid-line', async () => {
    const l = await line('Its method type: HEAD, as before.');
    assert.deepEqual(scopesOf(l, 'HEAD'), ['source.rst', METHOD]);
  });

  test('"Method type:" followed by something else', async () => {
    const l = await line('Method type: TRACE');
    assert.deepEqual(specScopes(l), []);
  });
});

describe('HTTP status codes', () => {
  test('after "response code(s):" phrases', async () => {
    const l = await line('Normal http response code(s): 202');
    assert.deepEqual(scopesOf(l, 'Normal http '), ['source.rst']);
    assert.deepEqual(scopesOf(l, 'response code(s):'), ['source.rst', CODES]);
    assert.deepEqual(scopesOf(l, '202'), ['source.rst', CODES, STATUS]);
  });

  test('lists of codes and codes in parentheses', async () => {
    const a = await line('Normal response codes: 200, 204');
    assert.deepEqual(scopesOf(a, '200'), ['source.rst', CODES, STATUS]);
    assert.deepEqual(scopesOf(a, '204'), ['source.rst', CODES, STATUS]);
    const b = await line('Error response codes: badRequest(400), itemNotFound(404), 1000');
    assert.deepEqual(scopesOf(b, '400'), ['source.rst', CODES, STATUS]);
    assert.deepEqual(scopesOf(b, '404'), ['source.rst', CODES, STATUS]);
    assert.deepEqual(
      specScopes(b).map(([text]) => text),
      ['400', '404'],
    );
    const c = await line('Expected error http response code(s): 400, 409');
    assert.deepEqual(scopesOf(c, '409'), ['source.rst', CODES, STATUS]);
  });

  test('the codes list stops at inline markup, which the base grammar keeps', async () => {
    const l = await line('Normal response codes: 200 ``x`` 404');
    assert.deepEqual(scopesOf(l, '200'), ['source.rst', CODES, STATUS]);
    assert.deepEqual(scopesOf(l, '``x'), ['source.rst', 'string.interpolated']);
    assert.deepEqual(scopesOf(l, ' 404'), ['source.rst']);
  });

  test('numbers elsewhere are not codes', async () => {
    for (const text of [
      'Normal http response code(s) are 202 and 204',
      'A cluster of 400 nodes.',
      'Response codes 600: none',
      '400   Bad request (not in a method block)',
    ]) {
      assertUnmarked(await line(text));
    }
  });

  const methodBlock = [
    '* Method Specification', // 0
    '', // 1
    '  - Method type: POST', // 2
    '', // 3
    '  - Expected error http response code(s):', // 4
    '', // 5
    '    ====  ==============================', // 6
    '    Code  Reason', // 7
    '    ====  ==============================', // 8
    '    400   The request body is not valid.', // 9
    '    404   The cluster does not exist.', // 10
    '    ====  ==============================', // 11
    '', // 12
    '    + 409 - The cluster is busy.', // 13
    '    + 2001 is not a code', // 14
    '', // 15
    '    .. code-block:: json', // 16
    '', // 17
    '      200', // 18
    '', // 19
    '* Policy changes to be introduced', // 20
    '', // 21
    '400   Bad request', // 22
  ].join('\n');

  test('at the start of simple-table rows in a method block', async () => {
    const ls = await lines(methodBlock);
    assert.deepEqual(scopesOf(ls[9], '400'), ['source.rst', BLOCK, STATUS]);
    assert.deepEqual(scopesOf(ls[9], '    '), ['source.rst', BLOCK]);
    assert.deepEqual(scopesOf(ls[9], '   The request body is not valid.'), ['source.rst', BLOCK]);
    assert.deepEqual(scopesOf(ls[10], '404'), ['source.rst', BLOCK, STATUS]);
    assert.deepEqual(scopesOf(ls[6], ls[6].text), ['source.rst', BLOCK, 'keyword.control.table']);
    assert.deepEqual(specScopes(ls[7]), []);
  });

  test('at the start of list items in a method block', async () => {
    const ls = await lines(methodBlock);
    assert.deepEqual(scopesOf(ls[13], '    + '), ['source.rst', BLOCK, 'keyword.control']);
    assert.deepEqual(scopesOf(ls[13], '409'), ['source.rst', BLOCK, STATUS]);
    assert.deepEqual(specScopes(ls[14]), []);
  });

  test('not inside a code block, and the block ends at the dedent', async () => {
    const ls = await lines(methodBlock);
    assert.deepEqual(specScopes(ls[18]), []);
    assert.deepEqual(scopesOf(ls[20], '* '), ['source.rst', 'keyword.control']);
    assert.deepEqual(
      ls[22].tokens.map((t) => t.scopes),
      [['source.rst']],
    );
  });

  test('a method block started in column 0 ends at the next section adornment', async () => {
    const ls = await lines(
      [
        'Method type: PUT', // 0
        '', // 1
        '====  ======', // 2
        'Code  Reason', // 3
        '====  ======', // 4
        '409   Conflict', // 5
        '====  ======', // 6
        '', // 7
        'Security impact', // 8
        '---------------', // 9
        '', // 10
        '409   Conflict', // 11
      ].join('\n'),
    );
    assert.deepEqual(scopesOf(ls[5], '409'), ['source.rst', BLOCK, STATUS]);
    assert.deepEqual(scopesOf(ls[8], 'Security impact'), ['source.rst', BLOCK]);
    assert.deepEqual(scopesOf(ls[9], ls[9].text), ['source.rst', 'markup.heading']);
    assertUnmarked(ls[11]);
  });
});

describe('APIImpact', () => {
  test('bare and in an inline literal', async () => {
    const a = await line('Add the APIImpact flag.');
    assert.deepEqual(scopesOf(a, 'APIImpact'), ['source.rst', APIIMPACT]);
    const b = await line('add the ``APIImpact`` flag');
    assert.deepEqual(scopesOf(b, 'APIImpact'), ['source.rst', LITERAL, APIIMPACT]);
    assert.deepEqual(scopesOf(b, '``', 1), ['source.rst', LITERAL]);
  });

  test('not as part of another word', async () => {
    for (const text of ['NotAPIImpact', 'APIImpacts', 'apiimpact', 'X-APIImpact']) {
      assertUnmarked(await line(text));
    }
  });
});

describe('the bundled template', { skip: !existsSync(templatePath) && `template not found at ${templatePath}` }, () => {
  test('marks the template leftovers and nothing that is not one', async () => {
    const ls = await tokenize(readFileSync(templatePath, 'utf8'));
    const marks = ls.flatMap((l) => specScopes(l)).filter(([, scope]) => scope !== LITERAL);
    const byScope = (scope: string) => marks.filter(([, s]) => s === scope).map(([text]) => text);
    assert.deepEqual(byScope(PLACEHOLDER), [
      'Example Spec - The title of your blueprint',
      'https://blueprints.launchpad.net/senlin/+spec/example',
      '<path_of_your_file>',
      '<launchpad-id or None>',
      '<launchpad-id or None>',
    ]);
    assert.deepEqual(byScope(APIIMPACT), ['APIImpact', 'APIImpact']);
    assert.deepEqual(byScope(METHOD), []);
    assert.deepEqual(byScope(STATUS), []);
    assert.deepEqual(byScope(NONE), []);
  });
});
