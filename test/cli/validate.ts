// Checks for the machine-readable formats: the SARIF 2.1.0 schema's required fields and enums
// (sarif-schema-2.1.0.json: sarifLog, run, tool, toolComponent, reportingDescriptor, result,
// message, location, physicalLocation, artifactLocation, region, artifact), and a strict XML
// well-formedness parser for JUnit.

type Json = unknown;
const isObject = (value: Json): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);
const LEVELS = ['none', 'note', 'warning', 'error'];

/** The schema violations found, as `path: problem` strings; empty when the log is valid. */
export function validateSarif(log: Json): string[] {
  const problems: string[] = [];
  const need = (value: Json, where: string, keys: string[]) => {
    if (!isObject(value)) return problems.push(`${where}: must be an object`) && false;
    for (const key of keys) if (!(key in value)) problems.push(`${where}: '${key}' is required`);
    return true;
  };
  const positive = (value: Json, where: string) => {
    if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 1)) problems.push(`${where}: must be an integer >= 1`);
  };
  const message = (value: Json, where: string) => {
    if (!isObject(value) || (typeof value.text !== 'string' && typeof value.id !== 'string'))
      problems.push(`${where}: needs 'text' or 'id'`);
  };
  const artifactLocation = (value: Json, where: string) => {
    if (!need(value, where, [])) return;
    const uri = (value as Record<string, Json>).uri;
    if (uri !== undefined && (typeof uri !== 'string' || /\s/.test(uri))) problems.push(`${where}.uri: must be a URI reference`);
  };
  if (!need(log, 'sarifLog', ['version', 'runs'])) return problems;
  const root = log as Record<string, Json>;
  if (root.version !== '2.1.0') problems.push("sarifLog.version: must be '2.1.0'");
  if (!Array.isArray(root.runs)) return [...problems, 'sarifLog.runs: must be an array'];
  root.runs.forEach((run, r) => {
    const at = `runs[${r}]`;
    if (!need(run, at, ['tool'])) return;
    const theRun = run as Record<string, Json>;
    if (!need(theRun.tool, `${at}.tool`, ['driver'])) return;
    const driver = (theRun.tool as Record<string, Json>).driver;
    if (!need(driver, `${at}.tool.driver`, ['name'])) return;
    const rules = (driver as Record<string, Json>).rules;
    const ruleCount = Array.isArray(rules) ? rules.length : 0;
    if (rules !== undefined) {
      if (!Array.isArray(rules)) problems.push(`${at}.tool.driver.rules: must be an array`);
      else {
        const ids = new Set<string>();
        rules.forEach((rule, i) => {
          const where = `${at}.tool.driver.rules[${i}]`;
          if (!need(rule, where, ['id'])) return;
          const descriptor = rule as Record<string, Json>;
          if (ids.has(descriptor.id as string)) problems.push(`${where}: duplicate id`);
          ids.add(descriptor.id as string);
          for (const key of ['shortDescription', 'fullDescription']) {
            if (descriptor[key] !== undefined) need(descriptor[key], `${where}.${key}`, ['text']);
          }
          if (descriptor.helpUri !== undefined && typeof descriptor.helpUri !== 'string')
            problems.push(`${where}.helpUri: must be a string`);
          const level = isObject(descriptor.defaultConfiguration) ? descriptor.defaultConfiguration.level : undefined;
          if (level !== undefined && !LEVELS.includes(level as string)) problems.push(`${where}.defaultConfiguration.level: invalid`);
        });
      }
    }
    if (theRun.columnKind !== undefined && !['utf16CodeUnits', 'unicodeCodePoints'].includes(theRun.columnKind as string)) {
      problems.push(`${at}.columnKind: invalid`);
    }
    if (theRun.artifacts !== undefined) {
      if (!Array.isArray(theRun.artifacts)) problems.push(`${at}.artifacts: must be an array`);
      else
        theRun.artifacts.forEach(
          (artifact, i) =>
            isObject(artifact) && artifact.location !== undefined && artifactLocation(artifact.location, `${at}.artifacts[${i}].location`),
        );
    }
    if (theRun.results === undefined) return;
    if (!Array.isArray(theRun.results)) {
      problems.push(`${at}.results: must be an array`);
      return;
    }
    theRun.results.forEach((result, i) => {
      const where = `${at}.results[${i}]`;
      if (!need(result, where, ['message'])) return;
      const theResult = result as Record<string, Json>;
      message(theResult.message, `${where}.message`);
      if (theResult.level !== undefined && !LEVELS.includes(theResult.level as string)) problems.push(`${where}.level: invalid`);
      if (theResult.ruleIndex !== undefined) {
        const index = theResult.ruleIndex as number;
        if (!Number.isInteger(index) || index < -1 || index >= ruleCount) problems.push(`${where}.ruleIndex: out of range`);
      }
      if (!Array.isArray(theResult.locations)) return;
      theResult.locations.forEach((location, l) => {
        const physical = isObject(location) ? location.physicalLocation : undefined;
        const place = `${where}.locations[${l}].physicalLocation`;
        if (physical === undefined) return;
        if (!isObject(physical) || (physical.artifactLocation === undefined && physical.address === undefined)) {
          problems.push(`${place}: needs 'artifactLocation' or 'address'`);
          return;
        }
        artifactLocation(physical.artifactLocation, `${place}.artifactLocation`);
        if (physical.region !== undefined) {
          if (!isObject(physical.region)) {
            problems.push(`${place}.region: must be an object`);
            return;
          }
          for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) positive(physical.region[key], `${place}.region.${key}`);
        }
      });
    });
  });
  return problems;
}

export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  /** The element's own character data, entities decoded. */
  text: string;
}

/** Parses XML strictly (declaration, elements, attributes, the five entities, character references); throws on anything malformed. */
export function parseXml(source: string): XmlElement {
  let index = 0;
  const fail = (why: string): never => {
    throw new Error(`XML: ${why} at offset ${index}`);
  };
  const decode = (text: string) => {
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) fail('bare &');
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)) fail('a control character');
    return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, entity: string) =>
      entity.startsWith('#x')
        ? String.fromCodePoint(parseInt(entity.slice(2), 16))
        : entity.startsWith('#')
          ? String.fromCodePoint(Number(entity.slice(1)))
          : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[entity],
    );
  };
  const name = /[A-Za-z_][\w.-]*/y;
  const readName = () => {
    name.lastIndex = index;
    const match = name.exec(source) ?? fail('a name expected');
    index += match[0].length;
    return match[0];
  };
  const space = () => {
    while (/\s/.test(source[index] ?? '')) index++;
  };
  if (source.startsWith('<?xml')) {
    index = source.indexOf('?>') + 2;
    if (index < 2) fail('unclosed declaration');
  }
  space();
  const element = (): XmlElement => {
    if (source[index] !== '<') fail("'<' expected");
    index++;
    const node: XmlElement = { name: readName(), attributes: {}, children: [], text: '' };
    for (;;) {
      space();
      if (source.startsWith('/>', index)) {
        index += 2;
        return node;
      }
      if (source[index] === '>') {
        index++;
        break;
      }
      const attribute = readName();
      if (attribute in node.attributes) fail(`duplicate attribute ${attribute}`);
      space();
      if (source[index] !== '=') fail("'=' expected");
      index++;
      space();
      const quote = source[index];
      if (quote !== '"' && quote !== "'") fail('a quoted value expected');
      const end = source.indexOf(quote, index + 1);
      if (end < 0) fail('unclosed attribute');
      const raw = source.slice(index + 1, end);
      if (raw.includes('<')) fail("'<' in an attribute");
      node.attributes[attribute] = decode(raw);
      index = end + 1;
    }
    for (;;) {
      const next = source.indexOf('<', index);
      if (next < 0) fail(`unclosed <${node.name}>`);
      node.text += decode(source.slice(index, next));
      index = next;
      if (source.startsWith('</', index)) {
        index += 2;
        if (readName() !== node.name) fail(`mismatched </…> for <${node.name}>`);
        space();
        if (source[index] !== '>') fail("'>' expected");
        index++;
        return node;
      }
      node.children.push(element());
    }
  };
  const root = element();
  space();
  if (index !== source.length) fail('content after the root element');
  return root;
}
