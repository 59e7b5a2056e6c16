import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentSymbols, type SectionSymbol } from '../../server/src/features/symbols';
import { range } from '../helpers';
import { nodeHealth, specFrom } from './spec';

/** A symbol tree as lines: indentation, name, [detail], kind, range, selection range. */
function outline(symbols: readonly SectionSymbol[], depth = 0): string[] {
  const at = (r: SectionSymbol['range']) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  return symbols.flatMap((symbol) => [
    `${'  '.repeat(depth)}${symbol.name}${symbol.detail ? ` [${symbol.detail}]` : ''} ${symbol.kind} ${at(symbol.range)} ${at(symbol.selectionRange)}`,
    ...outline(symbol.children, depth + 1),
  ]);
}

test('document symbols of a spec: the section tree, sections the template does not know marked', () => {
  const { doc, spec } = specFrom(nodeHealth());
  assert.deepEqual(outline(documentSymbols(doc, spec)), [
    'Node health reporting title 6:0-107:17 7:0-7:21',
    '  Problem description section 18:0-26:59 18:0-18:19',
    '    Use Cases section 23:0-26:59 23:0-23:9',
    '  Proposed change section 28:0-72:4 28:0-28:15',
    '    Alternatives section 35:0-38:4 35:0-35:12',
    '    Data model impact section 40:0-43:46 40:0-40:17',
    '    REST API impact section 45:0-62:7 45:0-45:15',
    '    Security impact section 64:0-67:4 64:0-64:15',
    '    Performance Impact section 69:0-72:4 69:0-69:18',
    '  Rollout plan [not in the template] section 74:0-77:22 74:0-74:12',
    '  Implementation section 79:0-91:17 79:0-79:14',
    '    Assignee(s) section 82:0-86:6 82:0-82:11',
    '    Work Items section 88:0-91:17 88:0-88:10',
    '  Testing section 93:0-96:11 93:0-93:7',
    '  History section 98:0-107:17 98:0-98:7',
  ]);
});

test('document symbols of any rST document: no template, no marks; several roots', () => {
  const { doc } = specFrom('First\n=====\n\nText.\n\nSecond\n======\n\nSub\n---\n\nMore text.\n\n');
  assert.deepEqual(documentSymbols(doc), [
    { name: 'First', kind: 'section', range: range(0, 0, 3, 5), selectionRange: range(0, 0, 0, 5), children: [] },
    {
      name: 'Second',
      kind: 'section',
      range: range(5, 0, 11, 10),
      selectionRange: range(5, 0, 5, 6),
      children: [{ name: 'Sub', kind: 'section', range: range(8, 0, 11, 10), selectionRange: range(8, 0, 8, 3), children: [] }],
    },
  ]);
  const titled = specFrom('=====\nTitle\n=====\n\nBody\n====\n').doc;
  assert.deepEqual(outline(documentSymbols(titled)), ['Title title 0:0-5:4 1:0-1:5', '  Body section 4:0-5:4 4:0-4:4']);
});
