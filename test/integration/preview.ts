// The preview (issue 22) in the packaged extension, from outside, as a person uses it: the .vsix
// (npm run package) installed into code-server, a copy of a corpus spec with grid tables opened in
// headless Chromium, and then:
//
//   1. Ctrl+K V opens *Preview user-settable-server-description.rst* beside the editor; its
//      webview shows the spec's title as <h1> and its four grid tables with their header cells.
//   2. A word typed in the editor shows in the preview within a second (measured from the key
//      press to the word in the webview's DOM).
//   3. Scroll sync: Go to Line far down scrolls the preview to the same source line (the
//      `data-line` of the block at its top, within 3 lines); the preview scrolled to a block brings
//      that line to the editor's top (within 2 lines).
//   4. The trailing space typed in 2 is a problem: its marker in the preview's margin, clicked,
//      selects the diagnostic's range in the editor.
//   5. Screenshots: <out>/preview-light.png and <out>/preview-dark.png (the theme switched with
//      Preferences: Color Theme; the webview's body must turn vscode-dark).
//
//   node --import tsx test/integration/preview.ts [--vsix rst-specs.vsix] [--out DIR]
//
// --out defaults to test-results/editor-tests/screenshots (`npm run screenshots` writes
// docs/images). Needs ../shared/corpus (the corpus is read at run time, never copied into the repo).
import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, type Frame, type Page } from 'playwright-core';
import {
  chromiumPath,
  launchChromium,
  codeServerBin,
  commandLineOption,
  findFiles,
  installVsix,
  launchCodeServer,
  makeProfile,
  repoRoot,
  tail,
  vsixPath,
  workbenchUrl,
  missingPrerequisite,
} from '../../scripts/editor-tests/code-server';
import { cleanupOnce, screenshotPage, tearDown } from './harness';

const SPEC = 'nova-specs/specs/mitaka/implemented/user-settable-server-description.rst';
const corpusSpec = resolve(repoRoot, '..', 'shared', 'corpus', SPEC);
const vsix = vsixPath();
const artifactsDir = join(repoRoot, 'test-results', 'editor-tests');
const outDir = resolve(commandLineOption('--out') ?? join(artifactsDir, 'screenshots'));
const timeoutMs = Number(process.env.RST_SPECS_PREVIEW_TIMEOUT_MS ?? 150_000);
const started = Date.now();
const say = (message: string): void => console.log(`[preview ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

/** The webview's inner frame: the one whose document has the preview's <main id="content">. */
async function previewFrame(page: Page, timeout = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        if ((await frame.locator('main#content').count()) > 0) return frame;
      } catch {
        // a frame that went away meanwhile
      }
    }
    await page.waitForTimeout(100);
  }
  throw new Error('no webview frame with the preview');
}

/** The source line (0-based) of the first block at or below the preview's top. */
// Page scripts as text: this project compiles without the DOM's types (as screenshots.ts does).
const PREVIEW_TOP_LINE = `(() => {
  const blocks = Array.from(document.querySelectorAll('#content [data-line]'));
  const first = blocks.find((block) => block.getBoundingClientRect().top >= -2);
  return first ? Number(first.dataset.line) : -1;
})()`;

/** The source line (0-based) of the first block at or below the preview's top. */
const previewTopLine = (frame: Frame): Promise<number> => frame.evaluate(PREVIEW_TOP_LINE);

const EDITOR_TOP_LINE = `(() => {
  const editor = document.querySelector('.editor-group-container .monaco-editor');
  const top = editor.getBoundingClientRect().top;
  const numbers = Array.from(editor.querySelectorAll('.margin-view-overlays .line-numbers'))
    .filter((element) => element.getBoundingClientRect().top >= top - 1)
    .map((element) => Number(element.textContent));
  return Math.min(...numbers);
})()`;

/** The first line number (1-based) the editor shows in full. */
const editorTopLine = (page: Page): Promise<number> => page.evaluate(EDITOR_TOP_LINE);

/** Scrolls the preview to its first paragraph at or below source line `from`; its line. */
const scrollPreviewTo = (frame: Frame, from: number): Promise<number> =>
  frame.evaluate(`(() => {
    const block = Array.from(document.querySelectorAll('#content p[data-line]')).find((element) => Number(element.dataset.line) >= ${from});
    window.scrollTo(0, block.getBoundingClientRect().top + window.scrollY);
    return Number(block.dataset.line);
  })()`);

const bodyHasClass = (frame: Frame, name: string): Promise<boolean> =>
  frame.evaluate(`document.body.classList.contains(${JSON.stringify(name)})`);

async function waitUntil<T>(what: string, probe: () => Promise<T | undefined>, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    const value = await probe().catch((error) => ((last = error), undefined));
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? ` (${last})` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function goToLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

async function main(): Promise<number> {
  if (
    missingPrerequisite('preview', [
      ['code-server (run scripts/editor-tests/setup.sh)', codeServerBin],
      ['chromium', chromiumPath],
      ['the .vsix (run npm run package)', vsix],
      ['the corpus spec', corpusSpec],
    ])
  )
    return 2;
  mkdirSync(artifactsDir, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'rst-specs-preview-'));
  const shots = join(tmp, 'shots');
  mkdirSync(shots);
  const settings = {
    'editor.minimap.enabled': false,
    'editor.stickyScroll.enabled': false,
    'workbench.colorTheme': 'Default Light Modern',
    'window.commandCenter': false,
  };
  const profile = makeProfile(tmp, settings);
  const workspace = join(tmp, 'specs-repo');
  const spec = join(workspace, 'specs', 'mitaka', 'implemented', 'user-settable-server-description.rst');
  mkdirSync(join(spec, '..'), { recursive: true });
  copyFileSync(corpusSpec, spec);
  const codeServerLog = join(artifactsDir, 'preview-code-server.log');

  let codeServer: ChildProcess | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const cleanup = cleanupOnce(
    () =>
      tearDown({ context, codeServer, userDataDir: profile.userDataDir, logsCopy: join(artifactsDir, 'preview-server-logs'), tmp }, say),
    say,
  );
  const shoot = (name: string) =>
    screenshotPage(page, name === 'failure' ? join(artifactsDir, 'preview-failure.png') : join(shots, name), say);

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`timed out after ${timeoutMs} ms`), { timeout: true })), timeoutMs);
  });
  let passed = 0;

  const scenario = async (): Promise<void> => {
    installVsix(vsix, profile);
    const { port } = await launchCodeServer({ folder: workspace, profile, logFile: codeServerLog }, (spawned) => (codeServer = spawned));
    context = await launchChromium(join(tmp, 'chromium-profile'), { viewport: { width: 1400, height: 860 } });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);
    await page.goto(workbenchUrl(port, workspace, spec), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 90_000 });
    await page
      .locator('.monaco-editor .view-lines')
      .first()
      .click({ position: { x: 40, y: 5 } });

    // 1. Ctrl+K V: the preview beside the editor, with the title and the tables. The spec is clean:
    // the template's language status item (no squiggle) says the extension is up.
    await page.locator('[id="status.languageStatus"]').waitFor({ timeout: 90_000 });
    await page.keyboard.press('Control+K');
    await page.keyboard.press('v');
    const frame = await previewFrame(page);
    const tabs = await page.locator('.tab').allInnerTexts();
    assert.ok(
      tabs.some((text) => text.includes('Preview user-settable-server-description.rst')),
      `the tabs: ${tabs.join(' | ')}`,
    );
    const title = await waitUntil('the title in the preview', async () => {
      const heading = frame.locator('#content h1').first();
      return (await heading.count()) > 0 ? (await heading.innerText()).trim() : undefined;
    });
    assert.equal(title, 'Allow user to set and retrieve the server Description');
    const tables = await frame.locator('#content table').count();
    assert.equal(tables, 4, 'the spec has four grid tables');
    assert.deepEqual(
      (await frame.locator('#content table').first().locator('th').allInnerTexts()).map((text) => text.trim()),
      ['Parameter', 'Style', 'Type', 'Description'],
    );
    say(`preview: title "${title}", ${tables} tables`);
    passed++;

    // 2. Typing: the word in the preview within a second.
    await page
      .locator('.editor-group-container .monaco-editor .view-lines')
      .first()
      .click({ position: { x: 40, y: 5 } });
    await goToLine(page, 16); // or updated. Allow users to get the server description.
    await page.keyboard.press('End');
    // The trailing space is a trailing-whitespace error: step 4's marker. Timed from the last key.
    await page.keyboard.type(' Previewed ', { delay: 0 });
    const typedAt = Date.now();
    const paragraph = frame.locator('#content p[data-line="14"]');
    await waitUntil(
      'the typed word in the preview',
      async () => ((await paragraph.innerText()).includes('Previewed') ? true : undefined),
      5_000,
    );
    const latency = Date.now() - typedAt;
    const timing = Object.fromEntries(
      ((await frame.locator('#content').getAttribute('data-timing')) ?? '')
        .match(/\w+ \d+/g)!
        .map((pair) => [pair.split(' ')[0], Number(pair.split(' ')[1]) - typedAt]),
    );
    say(
      `typed → preview: ${latency} ms (the last render, from the last key, ms: ${JSON.stringify(timing)}; the webview's patch: ${await frame.locator('#content').getAttribute('data-patch-ms')} ms)`,
    );
    assert.ok(latency < 1000, `the preview followed the edit after ${latency} ms`);
    passed++;

    // 3. Scroll sync, editor → preview, then preview → editor.
    await goToLine(page, 200);
    const editorTop = await waitUntil('the editor to scroll', async () =>
      (await editorTopLine(page!)) > 100 ? editorTopLine(page!) : undefined,
    );
    const previewTop = await waitUntil('the preview to follow', async () => {
      const line = await previewTopLine(frame);
      return Math.abs(line + 1 - editorTop) <= 3 ? line : undefined;
    });
    say(`editor top line ${editorTop} → preview top block at line ${previewTop + 1}`);
    const target = await scrollPreviewTo(frame, 60);
    const followed = await waitUntil('the editor to follow the preview', async () => {
      const top = await editorTopLine(page!);
      return Math.abs(top - (target + 1)) <= 2 ? top : undefined;
    });
    say(`preview scrolled to line ${target + 1} → editor top line ${followed}`);
    passed++;

    // 4. A marker in the margin, clicked: the editor selects the diagnostic's line.
    const markers = frame.locator('#markers .marker');
    await waitUntil('the trailing-whitespace marker', async () => ((await markers.count()) === 1 ? true : undefined));
    assert.equal(await markers.first().getAttribute('data-line'), '15');
    assert.match((await markers.first().getAttribute('title')) ?? '', /\(trailing-whitespace\)$/);
    await goToLine(page, 1);
    await markers.first().click();
    // The editor's cursor line (its number drawn as the active one) and a selection on it; not the
    // status bar, which is empty while the click has left the focus in the webview.
    const editor = page.locator('.editor-group-container .monaco-editor').first();
    await editor.locator('.line-numbers.active-line-number', { hasText: /^16$/ }).waitFor({ timeout: 10_000 });
    await editor.locator('.selected-text').first().waitFor({ timeout: 10_000 });
    say('the trailing-whitespace marker beside line 16 selects its range in the editor');
    passed++;

    // 5. Screenshots, light then dark, at the first table.
    await goToLine(page, 125);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(600);
    assert.ok(await bodyHasClass(frame, 'vscode-light'), 'the light theme');
    assert.ok(await shoot('preview-light.png'));
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+T'); // Preferences: Color Theme
    await page.locator('.quick-input-widget').waitFor({ state: 'visible' });
    await page.keyboard.type('Dark Modern');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dark Modern' }).first().waitFor();
    await page.keyboard.press('Enter');
    await waitUntil('the dark theme in the preview', async () => ((await bodyHasClass(frame, 'vscode-dark')) ? true : undefined), 20_000);
    await page.waitForTimeout(400);
    assert.ok(await shoot('preview-dark.png'));
    passed++;
  };

  try {
    await Promise.race([scenario(), timeout]);
    mkdirSync(outDir, { recursive: true });
    for (const name of readdirSync(shots)) {
      copyFileSync(join(shots, name), join(outDir, name));
      say(`screenshot: ${join(outDir, name)}`);
    }
    console.log(`preview: ${passed} passed, 0 failed`);
    return 0;
  } catch (error) {
    await shoot('failure');
    console.log(`\n✗ ${(error as Error)?.stack ?? error}`);
    for (const path of findFiles(join(profile.userDataDir, 'logs'), /(remoteexthost|rst-specs)\.log$/))
      console.log(`\n--- ${path} ---\n${tail(path, 40)}`);
    console.log(`\n--- ${codeServerLog} ---\n${tail(codeServerLog, 30)}`);
    console.log(`preview: ${passed} passed, 1 failed`);
    return (error as { timeout?: boolean }).timeout ? 124 : 1;
  } finally {
    clearTimeout(timer);
    await cleanup();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
