// Every fixture of ../shared/rst-fixtures (copied to test/fixtures/rst): the sections and the
// system messages docutils 0.19 reports (from expected.jsonl, pasted here as data), against
// parseSpec. Messages are compared as docutils prints them: "<string>:LINE: (LEVEL/n) text", first
// line, cut at 70 characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSpec } from '../../server/src/rst/parse';

type Expected = [line: number, level: number, title: string, style: string];

/**
 * docutils messages the parser does not produce: INFO notes unrelated to titles (here, the
 * "No directive entry for ..." note that precedes "Unknown directive type").
 */
const NOT_PRODUCED = /^<string>:\d+: \(INFO\/1\) No directive entry for /;

const FIXTURES: Record<string, { sections: Expected[]; messages: [number, number, string][] }> = {
  'spec_senlin.rst': {
    sections: [
      [8, 1, 'Example Spec - The title of your blueprint', '=='],
      [46, 2, 'Problem description', '='],
      [52, 3, 'Use Cases', '-'],
      [72, 2, 'Proposed change', '='],
      [119, 3, 'Alternatives', '-'],
      [126, 3, 'Data model impact', '-'],
      [145, 3, 'REST API impact', '-'],
      [198, 3, 'Security impact', '-'],
      [211, 3, 'Notifications impact', '-'],
      [217, 3, 'Other end user impact', '-'],
      [226, 3, 'Performance Impact', '-'],
      [233, 3, 'Other deployer impact', '-'],
      [247, 3, 'Developer impact', '-'],
      [253, 2, 'Implementation', '='],
      [256, 3, 'Assignee(s)', '-'],
      [271, 3, 'Work Items', '-'],
      [283, 2, 'Dependencies', '='],
      [293, 2, 'Testing', '='],
      [304, 2, 'Documentation Impact', '='],
      [313, 2, 'References', '='],
      [327, 2, 'History', '='],
    ],
    messages: [],
  },
  't01_short_underline.rst': {
    sections: [[1, 1, 'Long title here', '=']],
    messages: [
      [2, 2, '<string>:2: (WARNING/2) Title underline too short.'],
      [1, 7, '<string>:7: (INFO/1) Possible title underline, too short for the title'],
    ],
  },
  't02_mixed_levels.rst': {
    sections: [
      [2, 1, 'Part', '##'],
      [6, 2, 'Chapter', '**'],
      [9, 3, 'Sec', '='],
      [12, 4, 'Sub', '-'],
      [15, 5, 'Subsub', '^'],
      [18, 6, 'Para', '"'],
      [21, 3, 'Sec2', '='],
      [25, 2, 'Chapter2', '**'],
      [28, 3, 'Sec3', '='],
    ],
    messages: [
      [2, 5, '<string>:5: (WARNING/2) Title overline too short.'],
      [2, 24, '<string>:24: (WARNING/2) Title overline too short.'],
    ],
  },
  't03_over_vs_under_same_char.rst': {
    sections: [
      [2, 1, 'Top', '=='],
      [5, 2, 'A', '='],
      [8, 2, 'B', '='],
      [12, 1, 'Top2', '=='],
      [15, 2, 'C', '='],
    ],
    messages: [],
  },
  't04_literal_with_underline.rst': {
    sections: [
      [1, 1, 'Title', '='],
      [14, 2, 'Real', '-'],
    ],
    messages: [],
  },
  't05_directive_body.rst': {
    sections: [
      [1, 1, 'Title', '='],
      [14, 2, 'Real', '-'],
    ],
    messages: [[4, 12, '<string>:12: (SEVERE/4) Unexpected section title.']],
  },
  't06_comment.rst': {
    sections: [
      [8, 1, 'Title', '='],
      [13, 2, 'Sub', '-'],
    ],
    messages: [],
  },
  't07_title_then_list.rst': {
    sections: [
      [1, 1, 'Title', '='],
      [6, 2, 'Sub', '-'],
    ],
    messages: [],
  },
  't08_para_then_title_no_blank.rst': {
    sections: [
      [1, 1, 'Title', '='],
      [8, 2, 'Sub', '-'],
    ],
    messages: [],
  },
  't09_transition.rst': {
    sections: [
      [1, 1, 'Title', '='],
      [10, 2, 'Sub', '-'],
    ],
    messages: [],
  },
  't10_overline_mismatch.rst': {
    sections: [[5, 1, 'Good', '=']],
    messages: [
      [4, 1, '<string>:1: (SEVERE/4) Title overline & underline mismatch.'],
      [4, 8, '<string>:8: (SEVERE/4) Title overline & underline mismatch.'],
    ],
  },
  't11_level_inconsistent.rst': {
    sections: [
      [1, 1, 'A', '='],
      [4, 2, 'B', '-'],
      [7, 1, 'C', '='],
      [13, 2, 'E', '-'],
    ],
    messages: [[4, 10, '<string>:10: (SEVERE/4) Title level inconsistent:']],
  },
  't12_tabs.rst': {
    sections: [
      [1, 1, 'Title   with tab', '='],
      [10, 2, 'Sub', '-'],
    ],
    messages: [[2, 2, '<string>:2: (WARNING/2) Title underline too short.']],
  },
  't13_spec_crlf.rst': {
    sections: [
      [8, 1, 'Example Spec - The title of your blueprint', '=='],
      [46, 2, 'Problem description', '='],
      [52, 3, 'Use Cases', '-'],
      [72, 2, 'Proposed change', '='],
      [119, 3, 'Alternatives', '-'],
      [126, 3, 'Data model impact', '-'],
      [145, 3, 'REST API impact', '-'],
      [198, 3, 'Security impact', '-'],
      [211, 3, 'Notifications impact', '-'],
      [217, 3, 'Other end user impact', '-'],
      [226, 3, 'Performance Impact', '-'],
      [233, 3, 'Other deployer impact', '-'],
      [247, 3, 'Developer impact', '-'],
      [253, 2, 'Implementation', '='],
      [256, 3, 'Assignee(s)', '-'],
      [271, 3, 'Work Items', '-'],
      [283, 2, 'Dependencies', '='],
      [293, 2, 'Testing', '='],
      [304, 2, 'Documentation Impact', '='],
      [313, 2, 'References', '='],
      [327, 2, 'History', '='],
    ],
    messages: [],
  },
  't14_bom.rst': {
    sections: [
      [1, 1, 'Title', '='],
      [4, 2, 'Sub', '-'],
    ],
    messages: [],
  },
  't15_one_char_underline.rst': {
    sections: [
      [1, 1, 'A', '='],
      [4, 2, 'B', '-'],
    ],
    messages: [],
  },
  't16_title_in_list.rst': {
    sections: [
      [1, 1, 'Title', '='],
      [9, 2, 'Sub', '-'],
    ],
    messages: [[4, 7, '<string>:7: (SEVERE/4) Unexpected section title.']],
  },
  't17_colons.rst': {
    sections: [
      [1, 1, 'ab', ':'],
      [11, 2, 'Sub', '-'],
    ],
    messages: [],
  },
  't18_overline_inset.rst': {
    sections: [
      [2, 1, 'Title', '=='],
      [5, 2, 'Sub', '-'],
    ],
    messages: [],
  },
  't19_overline_too_short.rst': {
    sections: [[2, 1, 'Long title text', '==']],
    messages: [
      [2, 1, '<string>:1: (WARNING/2) Title overline too short.'],
      [1, 7, '<string>:7: (INFO/1) Possible incomplete section title.'],
    ],
  },
  't21_wide_chars.rst': {
    sections: [
      [1, 1, '日本語の題', '='],
      [7, 2, '題名です', '-'],
    ],
    messages: [
      [1, 5, '<string>:5: (INFO/1) Possible title underline, too short for the title'],
      [2, 8, '<string>:8: (WARNING/2) Title underline too short.'],
    ],
  },
  't22_title_after_directive_no_blank.rst': {
    sections: [
      [1, 1, 'Title', '='],
      [6, 2, 'Sub', '-'],
    ],
    messages: [[2, 6, '<string>:6: (WARNING/2) Explicit markup ends without a blank line; une']],
  },
  't23_blank_between.rst': {
    sections: [[5, 1, 'Sub', '-']],
    messages: [],
  },
  't24_trailing_spaces.rst': {
    sections: [
      [1, 1, 'Title', '='],
      [4, 2, 'Sub', '-'],
    ],
    messages: [],
  },
  't25_mixed_underline.rst': {
    sections: [[4, 1, 'Sub', '-']],
    messages: [],
  },
  't26_indented_title.rst': {
    sections: [
      [1, 1, 'Top', '='],
      [7, 2, 'Sub', '-'],
    ],
    messages: [[4, 5, '<string>:5: (SEVERE/4) Unexpected section title.']],
  },
  't27_quoted_literal.rst': {
    sections: [
      [1, 1, 'Top', '='],
      [9, 2, 'Sub', '-'],
    ],
    messages: [],
  },
  't28_field_list.rst': {
    sections: [
      [1, 1, 'Title', '='],
      [7, 2, 'Sub', '-'],
    ],
    messages: [],
  },
  't29_incomplete_overline.rst': {
    sections: [[1, 1, 'Top', '=']],
    messages: [[4, 4, '<string>:4: (SEVERE/4) Incomplete section title.']],
  },
  't30_expanded_literal.rst': {
    sections: [
      [1, 1, 'Top', '='],
      [14, 2, 'Sub', '-'],
    ],
    messages: [],
  },
  't31_list_table.rst': {
    sections: [
      [1, 1, 'Top', '='],
      [12, 2, 'Sub', '-'],
    ],
    messages: [],
  },
  't32_title_eof_no_newline.rst': {
    sections: [
      [1, 1, 'Top', '='],
      [4, 2, 'Sub', '-'],
    ],
    messages: [],
  },
  't33_directive_then_title_unindented_blank.rst': {
    sections: [
      [4, 1, 'Top', '='],
      [12, 2, 'Sub', '-'],
    ],
    messages: [
      [1, 7, '<string>:7: (INFO/1) No directive entry for "unknown-directive" in mod'],
      [3, 7, '<string>:7: (ERROR/3) Unknown directive type "unknown-directive".'],
    ],
  },
  't34_literal_after_list_item.rst': {
    sections: [
      [1, 1, 'Top', '='],
      [11, 2, 'Sub', '-'],
    ],
    messages: [],
  },
  't35_grid_table.rst': {
    sections: [
      [1, 1, 'Top', '='],
      [10, 2, 'Sub', '-'],
    ],
    messages: [],
  },
  't36_simple_table.rst': {
    sections: [
      [1, 1, 'Top', '='],
      [10, 2, 'Sub', '-'],
    ],
    messages: [],
  },
  't37_title_looks_like_list.rst': {
    sections: [
      [4, 1, 'Top', '='],
      [7, 2, '1. Numbered', '-'],
    ],
    messages: [
      [2, 2, '<string>:2: (WARNING/2) Bullet list ends without a blank line; unexpec'],
      [2, 8, '<string>:8: (WARNING/2) Title underline too short.'],
    ],
  },
  't38_underline_only_punct_title.rst': {
    sections: [
      [1, 1, 'Top', '='],
      [7, 2, 'Sub', '-'],
    ],
    messages: [[3, 4, '<string>:4: (ERROR/3) Invalid section title or transition marker.']],
  },
  't39_section_after_literal_no_blank.rst': {
    sections: [
      [1, 1, 'Top', '='],
      [7, 2, 'Sub', '-'],
    ],
    messages: [[2, 7, '<string>:7: (WARNING/2) Literal block ends without a blank line; unexp']],
  },
  't40_backslash_underline.rst': {
    sections: [
      [1, 1, 'Top', '='],
      [4, 2, 'Sub', '\\'],
      [7, 3, 'Sub2', '~'],
    ],
    messages: [],
  },
  't41_field_after_title_overline_title_punct.rst': {
    sections: [
      [1, 1, 'Top', '='],
      [8, 2, 'Sub', '-'],
    ],
    messages: [[3, 4, '<string>:4: (ERROR/3) Invalid section title or transition marker.']],
  },
};

const LEVEL_NAMES = ['', 'INFO', 'WARNING', 'ERROR', 'SEVERE'];

function docutilsStyle(line: number, level: number, text: string): string {
  return `<string>:${line}: (${LEVEL_NAMES[level]}/${level}) ${text}`.slice(0, 70);
}

const dir = join(__dirname, '..', 'fixtures', 'rst');

test('the fixture list covers every file in test/fixtures/rst', async () => {
  const { readdirSync } = await import('node:fs');
  assert.deepEqual(
    readdirSync(dir)
      .filter((f) => f.endsWith('.rst'))
      .sort(),
    Object.keys(FIXTURES).sort(),
  );
});

for (const [file, expected] of Object.entries(FIXTURES)) {
  test(`${file}: sections as docutils finds them`, () => {
    const doc = parseSpec(readFileSync(join(dir, file), 'utf8'));
    const got = doc.sections.map((s): Expected => [s.titleLine + 1, s.level, s.title, s.style]);
    assert.deepEqual(got, expected.sections);
  });

  test(`${file}: system messages as docutils reports them`, () => {
    const doc = parseSpec(readFileSync(join(dir, file), 'utf8'));
    const got = doc.messages
      .filter((m) => !m.detached)
      .map((m) => {
        const level = m.docutilsLevel ?? m.level;
        return [level, m.line + 1, docutilsStyle(m.line + 1, level, m.text)];
      });
    const want = expected.messages.filter(([, , text]) => !NOT_PRODUCED.test(text));
    const order = (a: (string | number)[], b: (string | number)[]) => (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
    assert.deepEqual(got.sort(order), want.slice().sort(order));
  });
}
