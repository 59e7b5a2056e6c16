// Random snippets of the languages specs put in code blocks, right and wrong (the mistakes
// writers make: comments of another language, placeholders, elisions, quotes left open, prompts,
// output tables), for the differential test of the lexers against Pygments. Deterministic for a seed.
import { random as seeded } from '../../robustness/config';

// prettier-ignore
const FRAGMENTS: Record<string, string[]> = {
  json: [
    '{', '}', '[', ']', '"name": "web",', '"size": 1,', '"ok": true', 'null', 'false,', '-1.5e+3', '...', '…',
    '<server-uuid>', '$VAR', '# comment', '// comment', '/* c */', '/* open', '/', "'name'", 'name:', 'True', 'None',
    'uuid', '"open', '"a\\"b"', '"\\u12G4"', ',', ':', '"é"', '“x”', '1,,', '[[',
  ],
  python: [
    'def f(a, b):', 'return a != b', '# $? `x`', '"$ nova list"', "'''", '"""', '$ nova boot', '`ls`', 'a ? b', '“x”', '—',
    '²', 'x! = 1', '!x', 'f"{a$b}"', "r'\\d'", 'b"x"', '1"a"', '@decorator', '->', '...', 'é = 1', '"open', "'open",
    'print(x)', '0x1F + 1e5 + 1_000j', 'lambda: 0', '{', '}', '\\', 'u"x"', "rb'x'",
  ],
  javascript: [
    'var x = 1;', 'function f(a, b) {', '}', '// comment', '/* c */', '/* open', '# comment', '"str"', "'str'", "'open",
    '"open', '...', '<placeholder>', 'x = /ab+c/gi;', 'a / b', '/path/to', '@decorator', '`tmpl ${a} x`', '`open',
    '{"a": 1, "b": [1, 2]}', 'été = 1', '“x”', '—', '\\', '$el', 'x => x * 2', 'if (a) { return /re/; }', 'a ? b : c',
    'obj.method() {', 'Object() {', '<!-- html -->', '0x1F + 0b101 + 10n', '1e5', '(', ')', '/', '/x/q', 'return /',
    'let s = "a\\"b";', "'a\\'b'", 'new Date()', 'typeof x', 'x: 1,', 'null', 'True', '#', '=', '?.', '??', '!x', '~',
  ],
  bash: [
    'nova list', 'echo "hello $USER"', "echo 'it'\"'\"'s'", "echo 'open", 'echo "open', 'cat <<EOF', 'EOF', "cat <<'END'",
    'END', 'x=$(ls | wc -l)', '${VAR:-default}', '$((1 + 2))', '# comment', '`date`', '`open', 'a && b || c', '<uuid>',
    '--flag=<value>', '[ -f x ]', '{a,b}', '\\', 'done; fi', 'openstack server create --flavor m1.small vm', '| grep x',
    '2>&1', "'", "don't", "it's", '+----+----+', '| id | name |', '$', '$1', '$?', '${open', '$(open', '))', ')', '}',
    '"$(cmd "$x")"', "$'a\\nb'", '&', ';', 'x+=1', 'if [ $a ]; then', 'for i in 1 2; do', '—', 'été', '\\"', '"a\\"b"',
  ],
  xml: [
    '<a href="x">text</a>', '<?xml version="1.0"?>', '<!-- c -->', '<![CDATA[ x ]]>', '&amp;', '& ', '&',
    '<option selected>', '<a b=>', '< a>', '<>', '<!DOCTYPE x>', '<a/>', '</a >', 'text with <placeholder>', '...',
    "<a b='x'>", '<a b=c>', '<ns:tag attr="1"/>', '</ns:tag>', '<a', 'b="open', '<!-- open', '<x-y.z>', '</',
    '<a b="1" c>', 'é', '<é>', '>', '<a\n b="1">', '<?pi', '&lt;x&gt;', '&nbsp', '<1a>', '<a b = "c" / >',
  ],
};

function prompt(pick: <T>(items: readonly T[]) => T, first: boolean): string {
  const prompts = ['$ ', '# ', '% ', 'user@host:~$ ', '[root@host ~]# ', '$', 'sh-4.2$ ', '> ', '', '', '', '  '];
  // a virtualenv prompt on the first line only: elsewhere Pygments' offsets after it are off
  return pick(first ? [...prompts, '(venv) $ '] : prompts);
}

/** `count` snippets of `language` (javascript, bash, console, xml), each ending with a newline. */
export function lexerSnippets(language: string, seed: number, count: number): string[] {
  const random = seeded(seed).next;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const fragments = FRAGMENTS[language === 'console' ? 'bash' : language];
  const snippets: string[] = [];
  for (let n = 0; n < count; n++) {
    const lines: string[] = [];
    const length = 1 + Math.floor(random() * 5);
    for (let i = 0; i < length; i++) {
      const words = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(fragments));
      const indent = pick(['', '', '  ', '    ']);
      const lead = language === 'console' ? prompt(pick, i === 0) : indent;
      lines.push(lead + words.join(pick([' ', ' ', ''])) + (random() < 0.1 ? ' \\' : ''));
    }
    snippets.push(lines.join('\n').replace(/^\n+/, '') + '\n');
  }
  return snippets;
}
