// Completion inside `.. rst-specs:` comments: the commands, then the rule ids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { controlCompletions, type RuleInfo } from '../../server/src/features/control-completion';
import { parseSpec } from '../../server/src/rst/parse';
import { range } from '../helpers';

const RULES: RuleInfo[] = [
  { id: 'line-length', description: 'A long line.', defaultSeverity: 'warning' },
  { id: 'tab', description: 'A tab.', defaultSeverity: 'warning' },
  { id: 'template', description: 'The template could not be loaded.' },
];

const at = (text: string, line: number, character: number) => controlCompletions(parseSpec(text), { line, character }, RULES);

test('after `.. rst-specs:` the commands, those that take a value with their =', () => {
  const items = at('Title\n=====\n\n.. rst-specs: dis\n', 3, 17)!;
  assert.deepEqual(
    items.map((item) => [item.label, item.newText]),
    [
      ['disable', 'disable='],
      ['enable', 'enable='],
      ['disable-next-line', 'disable-next-line='],
      ['disable-file', 'disable-file='],
      ['template', 'template='],
      ['optional', 'optional'],
    ],
  );
  assert.deepEqual(items[0].range, range(3, 14, 3, 17));
  assert.equal(items[0].kind, 'keyword');
});

test('after `=` or `,` the rule ids not named yet, with their descriptions', () => {
  const items = at('.. rst-specs: disable-next-line=line-length, t\n', 0, 46)!;
  assert.deepEqual(
    items.map((item) => item.label),
    ['tab', 'template'],
  );
  assert.deepEqual(items[0], {
    label: 'tab',
    kind: 'rule',
    detail: 'rule (default: warning)',
    documentation: 'A tab.',
    sortText: '001',
    range: range(0, 45, 0, 46),
    newText: 'tab',
  });
  assert.equal(items[1].detail, 'diagnostic code');
  assert.deepEqual(
    at('.. rst-specs: disable=\n', 0, 22)!.map((item) => item.label),
    ['line-length', 'tab', 'template'],
  );
});

test('elsewhere: undefined, so that the other completions apply; template= gets none', () => {
  assert.equal(at('Some text\n', 0, 4), undefined);
  assert.equal(at('.. note:: x\n', 0, 5), undefined);
  assert.equal(at('Example::\n\n   .. rst-specs: dis\n', 2, 20), undefined);
  assert.deepEqual(at('.. rst-specs: template=../x\n', 0, 27), []);
});
