// The packaged extension as a user gets it: the .vsix (npm run package) is installed into
// code-server with `--install-extension`, the examples/ folder is opened in headless
// Chromium, and the test looks at the screen, from outside, as a person would:
//
//   1. cluster-tags.rst: waits for the squiggles, opens the Problems panel (Ctrl+Shift+M) and
//      reads its rows from the DOM. They must be exactly what `rst-specs check --format json`
//      (the CLI) reports for the file: severity, message, rule code, line and column, in the
//      panel's order (errors first, then by position), and each code must link to the rule's
//      page inside the installed extension. Screenshot: <out>/cluster-tags-problems.png.
//   2. Hovers the misspelt section title "Use Case": the hover shows the diagnostic and the
//      template's guidance. Screenshot: <out>/cluster-tags-hover.png.
//   3. node-health.rst (opened with Quick Open, Ctrl+P): the server answers a hover on its title,
//      the editor has no squiggle and the Problems panel lists nothing for it.
//   4.-5. The new-spec flow and Check All Specs (see their scenes below).
//   6. What the manifest adds: the language status item names the template; the Command Palette
//      lists the extension's commands under "rst-specs:"; a rule code in the Problems panel opens
//      the rule's page rendered in the Markdown preview; Open Configuration File creates
//      .rst-specs.json with its $schema; the walkthrough is listed on the Welcome page with its
//      three steps (screenshot: <out>/walkthrough.png); the Extensions view's details page shows
//      the packaged README with every picture loaded (screenshot: <out>/extension-details.png).
//
//   node --import tsx test/integration/screenshots.ts [--vsix rst-specs.vsix] [--out DIR]
//
// --out defaults to test-results/editor-tests/screenshots (`npm run screenshots` writes
// docs/images). On failure: the failure, a screenshot of the moment, the tails of the
// code-server and extension-host logs; exit 1 (2: the harness could not start, 124: timeout).
//
// Environment: those of scripts/editor-tests/code-server.ts (CODE_SERVER_BIN, CHROMIUM_PATH,
// RST_SPECS_CACHE, CODE_SERVER_VERSION), RST_SPECS_SCREENSHOTS_TIMEOUT_MS (default 180000),
// RST_SPECS_KEEP_TMP=1 (keep the temporary profile).
import * as assert from 'node:assert/strict';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { type BrowserContext, type Page } from 'playwright-core';
import {
  chromiumPath,
  launchChromium,
  codeServerBin,
  codeServerVersion,
  commandLineOption,
  findFiles,
  ignoreClosedOutput,
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
import { manifestSteps, runCommand } from './manifest-steps';

const vsix = vsixPath();
const artifactsDir = join(repoRoot, 'test-results', 'editor-tests');
const outDir = resolve(commandLineOption('--out') ?? join(artifactsDir, 'screenshots'));
const overallTimeoutMs = Number(process.env.RST_SPECS_SCREENSHOTS_TIMEOUT_MS ?? 180_000);
const cli = join(repoRoot, 'server', 'out', 'cli.js');

const started = Date.now();
ignoreClosedOutput();
const say = (message: string): void => console.log(`[screenshots ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

interface CliDiagnostic {
  code: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** A row of the Problems panel, or what the CLI says it should be. */
interface ProblemRow {
  severity: string;
  message: string;
  source: string;
  code: string;
  line: number;
  column: number;
}

/** The CLI's diagnostics of `file`, as the Problems panel shows them (sorted as it sorts them). */
function expectedRows(file: string): ProblemRow[] {
  const result = spawnSync(process.execPath, [cli, 'check', '--format', 'json', file], { encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`rst-specs check failed (exit ${result.status}): ${result.stderr}`);
  }
  const report = JSON.parse(result.stdout) as { files: { diagnostics: CliDiagnostic[] }[] };
  const rank = { error: 0, warning: 1, information: 2, hint: 3 };
  const label = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };
  return report.files
    .flatMap((f) => f.diagnostics)
    .filter((d) => d.severity !== 'hint') // the Problems panel does not list hints
    .sort(
      (a, b) =>
        rank[a.severity] - rank[b.severity] || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    )
    .map((d) => ({
      severity: label[d.severity],
      message: d.message,
      source: 'rst-specs',
      code: d.code,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
    }));
}

/**
 * The Problems panel's rows: per resource row, its marker rows with their code links. Run in
 * the page as a string: tsx's transform would wrap named functions in a helper that the page
 * does not have.
 */
const readProblemsPanel = `(() => {
  const files = [];
  const text = (root, selector) => root.querySelector(selector)?.textContent?.trim() ?? '';
  for (const row of document.querySelectorAll('.markers-panel .monaco-list-row')) {
    if (row.querySelector('.marker-message')) {
      const icon = row.querySelector('.marker-icon .codicon')?.className ?? '';
      const position = /\\[Ln (\\d+), Col (\\d+)\\]/.exec(text(row, '.marker-line')) ?? ['', '0', '0'];
      files[files.length - 1]?.rows.push({
        severity: /codicon-(error|warning|info)\\b/.exec(icon)?.[1] ?? icon,
        message: text(row, '.marker-message'),
        source: text(row, '.marker-source'),
        code: text(row, '.marker-code'),
        line: Number(position[1]),
        column: Number(position[2]),
        href: row.querySelector('.marker-code')?.closest('a')?.getAttribute('href') ?? '',
      });
    } else {
      // a resource row: name, folder, count
      files.push({ file: text(row, '.label-name'), count: text(row, '.monaco-count-badge'), rows: [] });
    }
  }
  return files;
})()`;

async function problemRows(page: Page): Promise<{ file: string; count: string; rows: (ProblemRow & { href: string })[] }[]> {
  return page.evaluate(readProblemsPanel);
}

/** Moves the mouse onto the editor's text `title` and waits for a hover that holds `expect`. */
async function hoverTitle(page: Page, title: string, expect: string): Promise<string> {
  // The editor draws spaces as no-break spaces.
  const pattern = new RegExp(`^${title.replace(/ /g, '[\\s\\u00a0]')}$`);
  const line = page.locator('.monaco-editor .view-lines .view-line', { hasText: pattern }).first();
  const span = line.locator('span > span').first();
  const box = await span.boundingBox();
  assert.ok(box, `the title '${title}' is not on screen`);
  await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: expect }).first();
  await hover.waitFor({ state: 'visible', timeout: 20_000 });
  // Let the hover's parts (diagnostic, server's Markdown) finish laying out.
  await page.waitForFunction("document.querySelectorAll('.monaco-hover:not(.hidden) .hover-row').length > 0", undefined, {
    timeout: 5_000,
  });
  return (await hover.innerText()).trim();
}

/** Go to Line (Ctrl+G): the editor shows the line, the cursor at its start. */
async function goToLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page
    .locator('.statusbar-item', { hasText: `Ln ${line}, Col 1` })
    .first()
    .waitFor();
}

/** The quick input's rows, as shown. */
async function quickInputRows(page: Page): Promise<string[]> {
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  return (await page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts()).map((text) => text.trim());
}

async function newSpecScene(page: Page, workspace: string, shoot: (name: string) => Promise<string | undefined>): Promise<void> {
  // Scene 3 opened node-health.rst with Quick Open: a preview tab, as the new spec must not be.
  await page.locator('.tab .monaco-icon-label.italic', { hasText: 'node-health.rst' }).waitFor();
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('>rst-specs: New Spec from Template');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'New Spec from Template' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'specs/2026.1/approved' }).first().waitFor();
  assert.deepEqual(await quickInputRows(page), ['specs/2026.1/approved', 'specs/2025.2/approved', 'specs/zed/approved', 'Browse...']);
  assert.ok(await shoot('new-spec-start.png'), 'no screenshot of the folder choice');
  await page.keyboard.press('Enter'); // one Enter takes the newest release's approved/
  await page.locator('.quick-input-widget', { hasText: 'Blueprint name' }).waitFor();
  await input.fill('node-groups');
  await page.keyboard.press('Enter');
  const file = join(workspace, 'specs', '2026.1', 'approved', 'node-groups.rst');
  await page.locator('.tab.active', { hasText: 'node-groups.rst' }).waitFor();
  assert.ok(existsSync(file), 'the new spec was not written where the first choice said');
  // Pinned (the preview tab of scene 3 is italic, the new spec is not), its title selected.
  assert.equal(await page.locator('.tab.active .monaco-icon-label.italic').count(), 0, 'the new spec opened as a preview tab');
  assert.equal(
    await page.locator('.tab .monaco-icon-label.italic', { hasText: 'node-health.rst' }).count(),
    1,
    'the preview tab should have stayed',
  );
  await page
    .locator('.statusbar-item', { hasText: /Ln 8, Col \d+ \(11 selected\)/ })
    .first()
    .waitFor();
  say('the new spec: pinned, its title selected');

  // Its first diagnostics: one per section that holds guidance, as the CLI reports.
  await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 60_000 });
  const expected = expectedRows(file);
  assert.equal(expected.filter((row) => row.message.endsWith("still holds the template's guidance.")).length, 20);
  const rowsOf = async () => (await problemRows(page)).find((entry) => entry.file === 'node-groups.rst');
  await page.waitForFunction(`(${readProblemsPanel}).some((f) => f.file === 'node-groups.rst' && f.rows.length > 0)`, undefined, {
    timeout: 30_000,
  });
  const before = await rowsOf();
  assert.equal(before?.count, String(expected.length), 'the Problems panel should count what the CLI reports for the new spec');
  // The new spec's rows in view (cluster-tags.rst's folded), and its first sections in the editor.
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'cluster-tags.rst' }).first().click();
  await goToLine(page, 78); // Problem description
  assert.ok(await shoot('new-spec-diagnostics.png'), 'no screenshot of the first diagnostics');

  // Ctrl+. on the title where the cursor is: Replace all guidance with None.
  await page.keyboard.press('Control+.');
  const action = page.locator('.action-widget .monaco-list-row', { hasText: 'Replace all guidance with None' }).first();
  await action.waitFor();
  await action.click({ force: true }); // the menu animates in: not 'stable' for Playwright
  await page.waitForFunction(`(${readProblemsPanel}).some((f) => f.file === 'node-groups.rst' && f.count === '1')`, undefined, {
    timeout: 30_000,
  });
  const after = await rowsOf();
  assert.deepEqual(
    after?.rows.map((row) => [row.code, row.message]),
    [['template-text', "The introduction still holds the template's guidance."]],
  );
  await page.keyboard.press('Escape');
  assert.ok(await shoot('new-spec-after-none.png'), 'no screenshot after Replace all guidance with None');
  say('Replace all guidance with None: only the introduction is left');
}

async function checkAllScene(page: Page, clusterTags: string, shoot: (name: string) => Promise<string | undefined>): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('>rst-specs: Check All Specs in the Workspace');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Check All Specs' }).first().waitFor();
  await page.keyboard.press('Enter');
  const toast = page.locator('.notification-toast', { hasText: 'specs checked' }).first();
  await toast.waitFor({ timeout: 60_000 });
  const message = (await toast.locator('.notification-list-item-message').innerText()).trim();
  // node-groups.rst is checked as the editor holds it: only the introduction is left there.
  const errors = expectedRows(clusterTags).filter((row) => row.severity === 'error');
  const byRule = new Map<string, number>();
  for (const row of errors) byRule.set(row.code, (byRule.get(row.code) ?? 0) + 1);
  const errorPart = [...byRule]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([code, count]) => `${count} ${code}`)
    .join(', ');
  assert.ok(message.startsWith(`rst-specs: 3 specs checked, `) && message.includes(`problems: ${errorPart}, `), `the summary: ${message}`);
  assert.ok(await shoot('check-all-summary.png'), 'no screenshot of the summary');
  await toast.locator('.monaco-button', { hasText: 'Show only errors' }).click();
  // Scene 4 folded cluster-tags.rst's rows: unfold them.
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'cluster-tags.rst' }).first().click();
  await page.waitForFunction(
    `(() => { const rows = (${readProblemsPanel}).flatMap((f) => f.rows); return rows.length > 0 && rows.every((r) => r.severity === 'error'); })()`,
    undefined,
    { timeout: 30_000 },
  );
  const panel = await problemRows(page);
  assert.deepEqual(
    panel.map((f) => [f.file, f.rows.map((row) => [row.code, row.line])]),
    [['cluster-tags.rst', errors.map((row) => [row.code, row.line])]],
    'Problems should list the errors only',
  );
  assert.ok(await shoot('check-all-errors.png'), 'no screenshot of the errors');
  say(`Check all specs: "${message}"; Show only errors: ${errors.length} rows`);
}

async function main(): Promise<number> {
  if (
    missingPrerequisite('screenshots', [
      ['code-server (run scripts/editor-tests/setup.sh)', codeServerBin],
      ['chromium (apt-get install chromium)', chromiumPath],
      ['the .vsix (run npm run package)', vsix],
      ['the CLI (run npm run build)', cli],
    ])
  )
    return 2;
  mkdirSync(artifactsDir, { recursive: true });
  for (const stale of ['screenshots-server-logs', 'screenshots-failure.png'])
    rmSync(join(artifactsDir, stale), { recursive: true, force: true });
  const tmp = mkdtempSync(join(tmpdir(), 'rst-specs-screenshots-'));
  // Pictures go to --out only when every check passed: a failed run leaves docs/images alone.
  const shots = join(tmp, 'shots');
  mkdirSync(shots);
  // Preview tabs, from Quick Open too (scene 3): the new spec must open pinned (scene 4).
  const profile = makeProfile(tmp, {
    'editor.minimap.enabled': false,
    'editor.hover.delay': 200,
    'workbench.editor.enablePreviewFromQuickOpen': true,
    'json.schemaDownload.enable': false, // offline: the new .rst-specs.json names its schema by URL
  });
  // A copy of examples/ keeps the repository's files out of reach of the editor.
  const workspace = join(tmp, 'examples');
  cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
  // Release folders, as a specs repository has them, for New spec from template (scene 4).
  for (const release of ['zed', '2025.2', '2026.1']) mkdirSync(join(workspace, 'specs', release, 'approved'), { recursive: true });
  const clusterTags = join(workspace, 'specs', 'cluster-tags.rst');
  const codeServerLog = join(artifactsDir, 'screenshots-code-server.log');

  let codeServer: ChildProcess | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const cleanup = cleanupOnce(
    () =>
      tearDown(
        { context, codeServer, userDataDir: profile.userDataDir, logsCopy: join(artifactsDir, 'screenshots-server-logs'), tmp },
        say,
      ),
    say,
  );

  const shoot = (name: string): Promise<string | undefined> =>
    screenshotPage(page, name === 'failure' ? join(artifactsDir, 'screenshots-failure.png') : join(shots, name), say);
  const report = (error: unknown): void => {
    console.log(`\n✗ ${(error as Error)?.stack ?? error}`);
    for (const path of findFiles(join(profile.userDataDir, 'logs'), /(remoteexthost|rst-specs)\.log$/)) {
      console.log(`\n--- last lines of ${path} ---\n${tail(path, 40)}`);
    }
    console.log(`\n--- last lines of ${codeServerLog} ---\n${tail(codeServerLog, 40)}`);
    console.log(`\n(all of code-server's logs: ${join(artifactsDir, 'screenshots-server-logs')})`);
  };

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`timed out after ${overallTimeoutMs} ms`), { timeout: true })),
      overallTimeoutMs,
    );
  });

  let passed = 0; // steps: Problems panel, hover, clean spec, new spec, check all, what the manifest adds
  const scenario = async (): Promise<void> => {
    const expected = expectedRows(clusterTags);
    assert.ok(expected.length > 0, 'the CLI reports nothing for cluster-tags.rst: the example lost its problems');

    const installed = installVsix(vsix, profile);
    say(`installed ${relative(repoRoot, vsix) || vsix} into ${installed}`);
    const { port } = await launchCodeServer({ folder: workspace, profile, logFile: codeServerLog }, (spawned) => (codeServer = spawned));
    say(`code-server ${codeServerVersion} is up on 127.0.0.1:${port}; launching chromium`);
    context = await launchChromium(join(tmp, 'chromium-profile'), { viewport: { width: 1280, height: 800 } });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);

    // 1. cluster-tags.rst: squiggles and the Problems panel.
    await page.goto(workbenchUrl(port, workspace, clusterTags), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 90_000 });
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor();
    say('squiggles shown');
    // Keep it open when the next file is opened (Quick Open opens a preview tab).
    await runCommand(page, 'View: Keep Editor');
    await page.keyboard.press('Control+Shift+M'); // View: Problems
    await page.locator('.markers-panel .monaco-list-row .marker-message').first().waitFor();
    let panel = await problemRows(page);
    if (panel.flatMap((f) => f.rows).length < expected.length) {
      // More rows than the panel shows at once (the list is virtual): give it the window.
      await runCommand(page, 'View: Toggle Maximized Panel');
      panel = await problemRows(page);
    }
    assert.deepEqual(
      panel.map((f) => ({ file: f.file, count: f.count })),
      [{ file: 'cluster-tags.rst', count: String(expected.length) }],
      'the Problems panel should list cluster-tags.rst only, with as many problems as the CLI reports',
    );
    assert.deepEqual(
      panel[0].rows.map(({ href: _, ...row }) => row),
      expected,
      'the Problems panel differs from `rst-specs check --format json`',
    );
    for (const row of panel[0].rows) {
      // The code links to the rule's page through the extension's URI handler (client/src/rule-docs.ts).
      assert.match(row.href, new RegExp(`^[\\w-]+://rst-specs\\.rst-specs/rules/${row.code}\\.md$`), `${row.code}'s link`);
    }
    say(`Problems panel: ${panel[0].rows.length} rows, as the CLI reports`);
    await page
      .locator('.monaco-editor .view-lines')
      .first()
      .click({ position: { x: 5, y: 5 } }); // focus back on the editor
    assert.ok(await shoot('cluster-tags-problems.png'), 'no screenshot of the Problems panel');
    passed++;

    // 2. A hover on a section title.
    const mismatch = expected.find((row) => row.code === 'title-mismatch');
    assert.ok(mismatch, 'cluster-tags.rst should have a title-mismatch problem (Use Case)');
    const hover = await hoverTitle(page, 'Use Case', 'Template guidance');
    assert.ok(hover.includes(mismatch.message), `the hover lacks the diagnostic:\n${hover}`);
    // The diagnostic's part of the hover offers the server's quick fix (Rename to 'Use Cases').
    await page.locator('.monaco-hover:not(.hidden) .hover-row.status-bar', { hasText: 'Quick Fix' }).waitFor({ timeout: 15_000 });
    assert.match(hover, /Template guidance\s+\S/, `the hover lacks the template's guidance:\n${hover}`);
    assert.ok(await shoot('cluster-tags-hover.png'), 'no screenshot of the hover');
    passed++;
    await page.mouse.move(5, 790);
    await page.keyboard.press('Escape');

    // 3. The clean spec, opened with Quick Open.
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('node-health.rst');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'node-health.rst' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'node-health.rst' }).waitFor();
    // The server answers for the file once it has parsed and checked it.
    const cleanHover = await hoverTitle(page, 'Problem description', 'in the template');
    assert.ok(cleanHover.length > 0);
    const active = page.locator('.editor-group-container.active .monaco-editor').first();
    assert.equal(await active.locator('.squiggly-error, .squiggly-warning, .squiggly-info').count(), 0, 'node-health.rst has squiggles');
    panel = await problemRows(page);
    assert.deepEqual(
      panel.map((f) => f.file),
      ['cluster-tags.rst'],
      'the Problems panel lists node-health.rst, which the CLI finds clean',
    );
    assert.deepEqual(expectedRows(join(workspace, 'specs', 'node-health.rst')), []);
    say('node-health.rst: no squiggle, nothing in the Problems panel');
    passed++;

    // 4. New spec from template: the folder (newest release's approved/ first), the name, the spec
    // opened pinned with its title selected, its first diagnostics, Replace all guidance with None.
    await newSpecScene(page, workspace, shoot);
    passed++;

    // 5. Check all specs: the summary by rule, and its button that narrows Problems to the errors.
    await checkAllScene(page, clusterTags, shoot);
    passed++;

    // 6. What the manifest adds (manifest-steps.ts).
    await manifestSteps(page, workspace, installed, say, shoot);
    passed++;
  };

  try {
    await Promise.race([scenario(), timeout]);
    mkdirSync(outDir, { recursive: true });
    for (const name of readdirSync(shots)) {
      copyFileSync(join(shots, name), join(outDir, name));
      say(`screenshot: ${join(outDir, name)}`);
    }
    say('passed');
    console.log(`screenshots: ${passed} passed, 0 failed`);
    return 0;
  } catch (error) {
    const shot = await shoot('failure');
    report(error);
    if (shot) console.log(`\nscreenshot of the failure: ${shot}`);
    console.log(`screenshots: ${passed} passed, 1 failed`);
    return (error as { timeout?: boolean }).timeout ? 124 : 1;
  } finally {
    clearTimeout(timer);
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
