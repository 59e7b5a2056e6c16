// The screenshot test's look at what package.json adds for users (run by screenshots.ts on the
// installed .vsix, in the page, as a person would): the template's language status, the commands
// in the Command Palette, a rule page opened from the Problems panel, Open Configuration File, the
// walkthrough and the Extensions view's details page.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';

/** Runs a command from the Command Palette (F1), as a user would. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Opens a workspace file with Quick Open (Ctrl+P). */
export async function quickOpen(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  // Clicked, not Enter: the list may still show the files opened last.
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  await row.waitFor();
  await row.click();
  await page.locator('.tab.active', { hasText: name }).waitFor();
}

/** The frame (webviews are nested iframes) that shows `text`. */
async function frameWith(page: Page, selector: string, text: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        if ((await frame.locator(selector, { hasText: text }).count()) > 0) return frame;
      } catch {
        // a frame that went away meanwhile
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no frame shows ${selector} with '${text}'`);
}

const COMMAND_TITLES = [
  'Check All Specs in the Workspace',
  'Insert Missing Sections',
  'New Spec from Template',
  'Open Configuration File',
  'Open Preview',
  'Open Preview to the Side',
  'Restart Server',
  'Show Output',
  'Show Template for This Spec',
];

export async function manifestSteps(
  page: Page,
  workspace: string,
  installed: string,
  say: (message: string) => void,
  shoot: (name: string) => Promise<string | undefined>,
): Promise<void> {
  await quickOpen(page, 'cluster-tags.rst');

  // The template's language status item: the {} beside the language mode.
  const languageStatus = page.locator('[id="status.languageStatus"]');
  await languageStatus.hover();
  const statusHover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Senlin template' }).first();
  await statusHover.waitFor({ timeout: 20_000 });
  const statusText = (await statusHover.innerText()).replace(/\s+/g, ' ');
  assert.match(statusText, /Senlin template.*the bundled default.*Open Template/, statusText);
  say(`language status: ${statusText.trim()}`);
  await page.mouse.move(640, 300);
  await page.keyboard.press('Escape');

  // The Command Palette lists the commands under their category.
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>rst-specs: ');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'rst-specs: ' }).first().waitFor();
  const labels = (
    await page.locator('.quick-input-list .monaco-list-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''))
  )
    .map((label) => /^rst-specs: ([^,]+)/.exec(label)?.[1])
    .filter((label): label is string => label !== undefined)
    .sort();
  // These nine, and otherwise only contributed commands (others' commands show where they apply).
  const contributed = (JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).contributes.commands as { title: string }[]).map(
    (c) => c.title,
  );
  for (const title of COMMAND_TITLES)
    assert.ok(labels.includes(title), `the Command Palette under rst-specs: lacks ${title}: ${labels.join(' | ')}`);
  for (const label of labels) assert.ok(contributed.includes(label), `rst-specs: ${label} is not a contributed command`);
  await page.keyboard.press('Escape');
  say(`Command Palette: ${labels.length} rst-specs commands`);

  // Show Output: the Output panel with the server's log (it says what became of its code cache).
  await runCommand(page, 'rst-specs: Show Output');
  // The editor draws spaces as no-break spaces (\s matches them).
  await page
    .locator('.part.panel .view-lines', { hasText: /code\scache/ })
    .first()
    .waitFor({ timeout: 20_000 });
  say("Show Output: the Output panel shows the server's log");

  // A rule code in the Problems panel opens the rule's page rendered (the Markdown preview).
  await page.keyboard.press('Control+Shift+M');
  const code = page.locator('.markers-panel .monaco-list-row .marker-code', { hasText: 'title-mismatch' }).first();
  await code.waitFor();
  await code.click();
  await page.locator('.tab', { hasText: 'Preview title-mismatch.md' }).waitFor({ timeout: 30_000 });
  const rendered = await frameWith(page, 'h1', 'title-mismatch');
  assert.ok((await rendered.locator('h2', { hasText: 'What it reports' }).count()) > 0, 'the rule page is not rendered');
  say('title-mismatch: the rule page opened rendered in the Markdown preview');

  // Open Configuration File: creates .rst-specs.json with its $schema and opens it.
  const config = join(workspace, '.rst-specs.json');
  assert.ok(!existsSync(config));
  await runCommand(page, 'rst-specs: Open Configuration File');
  await page.locator('.tab.active', { hasText: '.rst-specs.json' }).waitFor();
  const version = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).version as string;
  assert.equal(
    readFileSync(config, 'utf8'),
    `{\n  "$schema": "https://cdn.jsdelivr.net/npm/rst-specs@${version}/schemas/rst-specs.schema.json"\n}\n`,
  );
  say('Open Configuration File: .rst-specs.json created and opened');

  // New Spec from Template in the Explorer's context menu: on the specs folder, not on the root.
  await page.keyboard.press('Control+Shift+E');
  // The root's menu: a right click on the empty part of the tree.
  for (const [folder, offered] of [
    ['specs', true],
    ['the workspace root', false],
  ] as const) {
    if (folder === 'specs')
      await page
        .locator('.explorer-folders-view .monaco-list-row', { hasText: /^specs$/ })
        .first()
        .click({ button: 'right' });
    else
      await page
        .locator('.explorer-folders-view .monaco-list')
        .first()
        .click({ button: 'right', position: { x: 60, y: 300 } });
    const menu = page.locator('.context-view .monaco-menu');
    await menu.waitFor();
    await menu.locator('.action-label', { hasText: 'New File' }).first().waitFor();
    const items = (await menu.locator('.action-label').allInnerTexts()).map((text) => text.trim());
    assert.equal(items.includes('New Spec from Template'), offered, `${folder}'s context menu: ${items.join(' | ')}`);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
  }
  say('Explorer: New Spec from Template on specs/, not on the workspace root');

  // The walkthrough: listed by Welcome: Open Walkthrough..., three steps, the first one's picture.
  // Hide the panel and the side bar: the walkthrough gets the window, as on a first start.
  await page.keyboard.press('Control+J');
  await page.locator('.markers-panel').waitFor({ state: 'hidden' });
  await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Welcome: Open Walkthrough');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Walkthrough' }).first().waitFor();
  await page.keyboard.press('Enter');
  const walkthrough = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Write a Spec with rst-specs' }).first();
  await walkthrough.waitFor();
  await walkthrough.click();
  const steps = page.locator('.getting-started-step .step-title');
  await page.locator('.getting-started-step .step-title', { hasText: 'Add the Check to CI' }).waitFor();
  assert.deepEqual(
    (await steps.allInnerTexts()).map((text) => text.trim()),
    ['Open a Spec', 'Fix a Problem', 'Add the Check to CI'],
  );
  await page.waitForFunction(
    "[...document.querySelectorAll('.getting-started-media img')].some((img) => img.complete && img.naturalWidth > 0)",
    undefined,
    { timeout: 20_000 },
  );
  assert.ok(await shoot('walkthrough.png'), 'no screenshot of the walkthrough');
  say('walkthrough: listed, three steps, its picture shown');

  // The Extensions view: the details page shows the packaged README with its pictures.
  // vsce stores it as readme.md
  const readmeName = readdirSync(installed).find((name) => /^readme\.md$/i.test(name));
  assert.ok(readmeName, `no README in ${installed}`);
  const readme = readFileSync(join(installed, readmeName), 'utf8');
  // Inlined by scripts/package.mjs: the details page shows only https: and data: images.
  const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]);
  assert.equal(pictures.length, 2, 'the packaged README should keep its two screenshots');
  for (const picture of pictures) assert.match(picture, /^data:image\/png;base64,/);
  await page.keyboard.press('Control+Shift+X');
  const search = page
    .locator('.extensions-viewlet .suggest-input-container .monaco-editor textarea, .extensions-viewlet .monaco-inputbox input')
    .first();
  await search.waitFor();
  await search.fill('@installed rst-specs');
  const item = page.locator('.extensions-viewlet .extension-list-item', { hasText: 'rst-specs' }).first();
  await item.waitFor({ timeout: 30_000 });
  await item.click();
  await page.locator('.extension-editor .name', { hasText: 'rst-specs' }).first().waitFor();
  const details = await frameWith(page, 'h1', 'rst-specs');
  await details.waitForFunction(
    `document.images.length === ${pictures.length} && [...document.images].every((img) => img.complete)`,
    undefined,
    { timeout: 30_000 },
  );
  const images = (await details.evaluate(
    "[...document.images].map((img) => ({ src: img.getAttribute('src'), width: img.naturalWidth }))",
  )) as { src: string; width: number }[];
  for (const image of images) assert.ok(image.width > 0, `the details page could not load ${image.src.slice(0, 40)}...`);
  assert.ok(await shoot('extension-details.png'), 'no screenshot of the details page');
  say(`Extensions view: the details page shows the README and its ${images.length} pictures`);
}
