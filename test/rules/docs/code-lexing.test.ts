// rst-code-lexing for the languages whose Pygments lexers are ported (lexers.ts): JavaScript,
// Bash, a Bash session (console), XML. Their agreement with Pygments is in pygments-differential.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRule } from '../../helpers';

const doc = (...lines: string[]) => ['=====', 'Title', '=====', '', ...lines, ''].join('\n');
/** "line:start-end message" (0-based lines) and docutils' line. */
const brief = (found: { message: string; range: { start: { line: number; character: number }; end: { character: number } } }[]) =>
  found.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.message}`);

test('javascript, bash, console, xml: the first character Pygments rejects, under its directive', () => {
  const text = doc(
    '.. code-block:: javascript',
    '',
    '   var s = {"a": 1, ...rest};',
    '   # not a comment here',
    '',
    '.. code-block:: bash',
    '',
    "   echo 'it''s'",
    "   echo it's",
    '',
    '.. code-block:: console',
    '',
    '   $ openstack server show vm -c name -f value',
    "   it's output, never lexed",
    "   $ echo 'left open",
    '',
    '.. code:: xml',
    '',
    '   <server name="vm">',
    '     <note>a & b</note>',
    '   </server>',
  );
  assert.deepEqual(brief(checkRule('rst-code-lexing', text)), [
    '7:3-4 Could not lex literal_block as "javascript". Highlighting skipped.',
    '12:10-11 Could not lex literal_block as "bash". Highlighting skipped.',
    '18:10-11 Could not lex literal_block as "console". Highlighting skipped.',
    '23:13-14 Could not lex literal_block as "xml". Highlighting skipped.',
  ]);
  assert.deepEqual(
    checkRule('rst-code-lexing', text).map((d) => d.data),
    [{ docutilsLine: 5 }, { docutilsLine: 10 }, { docutilsLine: 15 }, { docutilsLine: 21 }],
  );
});

test('what these lexers accept is not reported: prompts and output, placeholders, comments, regexes', () => {
  const text = doc(
    '.. code-block:: js',
    '',
    '   // a comment, /* and */ one',
    '   const re = /ab+c/gi, t = `${a} $`;',
    '   f(<placeholder>, ...args);',
    '',
    '.. code-block:: shell',
    '',
    '   cat <<EOF > conf',
    "   it's in a heredoc",
    '   EOF',
    '   nova boot --flavor <flavor> $VM  # done',
    '',
    '.. highlight:: console',
    '',
    'A session::',
    '',
    '   $ nova list',
    "   | ID | Name's |",
    '   (venv) user@host:~$ echo "a" \\',
    "   > 'b'",
    '',
    '.. code-block:: xml',
    '',
    '   <?xml version="1.0"?>',
    '   <!-- &bare -->',
    "   <a b='c' d=e>&amp; <![CDATA[ & ]]></a>",
  );
  assert.deepEqual(brief(checkRule('rst-code-lexing', text)), []);
});

test('the block is lexed without its indentation, and the diagnostic keeps the column', () => {
  const text = doc('- item', '', '  .. code-block:: javascript', '', '        if (a) {', '          x = @y;', '        }');
  assert.deepEqual(brief(checkRule('rst-code-lexing', text)), [
    '9:14-15 Could not lex literal_block as "javascript". Highlighting skipped.',
  ]);
  // with :dedent:, or a tab, nothing is said (the columns would not map back)
  assert.deepEqual(checkRule('rst-code-lexing', doc('.. code-block:: js', '   :dedent: 2', '', '     x = @y;')), []);
  assert.deepEqual(checkRule('rst-code-lexing', doc('.. code-block:: js', '', '   x =\t@y;')), []);
});

test("a language no Pygments lexer has: Sphinx's warning at each block, :force: or not (its names as written)", () => {
  const text = doc(
    '.. code-block:: yml',
    '',
    '   a: 1',
    '',
    '.. code-block:: None',
    '   :force:',
    '',
    '   x',
    '',
    '.. highlight:: jsn',
    '',
    'Text::',
    '',
    '   x',
    '',
    '.. code:: NONE',
    '',
    '   y',
    '',
    '.. code-block:: guess',
    '',
    '   z',
    '',
    '.. code-block:: YAML',
    '',
    '   a: 1',
  );
  assert.deepEqual(brief(checkRule('rst-code-lexing', text)), [
    "4:16-19 Pygments lexer name 'yml' is not known",
    "8:16-20 Pygments lexer name 'None' is not known",
    "17:3-4 Pygments lexer name 'jsn' is not known",
    "19:10-14 Pygments lexer name 'NONE' is not known",
  ]);
  assert.deepEqual(
    checkRule('rst-code-lexing', text).map((d) => d.data),
    [{ docutilsLine: 5 }, { docutilsLine: 9 }, { docutilsLine: 18 }, { docutilsLine: 20 }],
  );
});
