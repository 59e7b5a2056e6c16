import type { Rule } from './rule';

const BLUEPRINT_URL = /https?:\/\/blueprints\.launchpad\.net\/([\w.-]+)\/\+spec\/([\w.-]+)/;
const OTHER_TRACKER = /https?:\/\/(storyboard\.openstack\.org|bugs\.launchpad\.net|launchpad\.net)\//;

export const blueprintUrl: Rule = {
  id: 'blueprint-url',
  defaultSeverity: 'warning',
  description: "No blueprint URL near the top of the spec, or a file name that differs from the blueprint's name.",
  check({ doc, outline, options, template }) {
    if (!template.exampleBlueprintUrl) return [];
    const firstSection = outline.topLevel[0];
    const end = firstSection ? firstSection.titleLine : doc.lines.length;
    for (let line = 0; line < end; line++) {
      const text = doc.lines[line].text;
      const match = BLUEPRINT_URL.exec(text);
      if (!match) {
        if (OTHER_TRACKER.test(text)) return [];
        continue;
      }
      const name = match[2].replace(/(?<!\.)\.+$/, ''); // the lookbehind keeps it linear on long runs of dots
      if (match[0] === template.exampleBlueprintUrl) return [];
      const fileName = options.fileName;
      if (!fileName || !fileName.endsWith('.rst') || fileName.slice(0, -4) === name) return [];
      return [
        {
          range: { start: { line, character: match.index }, end: { line, character: match.index + match[0].length } },
          message: `The file name '${fileName}' doesn't match the blueprint '${name}': name the file '${name}.rst'.`,
          data: { blueprint: name, fileName },
        },
      ];
    }
    const anchor = outline.title?.titleRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return [
      {
        range: anchor,
        message: 'No blueprint URL before the first section: add its launchpad URL.',
      },
    ];
  },
};
