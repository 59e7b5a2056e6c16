// Packages the extension into a .vsix with @vscode/vsce, offline, and checks it:
//
//   npm run package                      # = npm run build && node scripts/package.mjs
//   node scripts/package.mjs [--out rst-specs.vsix] [--budget-warning]
//
// --budget-warning: a package over the size budget is a warning, not a failure (npm run try,
// npm run screenshots: they are about what the package does, not its size).
//
// 1. `vsce ls` (at the repository root, .vscodeignore) gives the files of the package;
//    each must be one that belongs there (the allow-list below), and the files that
//    package.json names (main, browser, icon, grammars, snippets, JSON schemas) must
//    be among them.
// 2. They are copied into a staging folder. There the README gets the one change
//    that vsce cannot make without a repository URL: relative links and images whose
//    target is not in the package are turned into plain text (an image is dropped),
//    so that VS Code's extension page shows no broken image. Links to files that are
//    in the package (docs/rules/*.md) are kept. Images that are in the
//    package (docs/images/*.png) are inlined as data: URIs: VS Code's details page shows
//    only https: and data: images, and vsce makes https: ones only from a repository URL.
//    package.json loses its `files` (the npm package's allow-list), which vsce refuses to
//    combine with .vscodeignore.
// 3. `vsce package --no-dependencies --allow-missing-repository --no-rewrite-relative-links`
//    runs in the staging folder. There is no public repository yet, so package.json has
//    no `repository` field; without one vsce refuses relative links in the README
//    unless told not to rewrite them (--baseContentUrl/--baseImagesUrl need a URL).
// 4. The .vsix is read back (its zip directory): every file listed, and its size without the
//    screenshots must stay under the budget (660 KB; RST_SPECS_VSIX_BUDGET_KB), the screenshots
//    and the README that inlines them under theirs (640 KB; RST_SPECS_VSIX_IMAGES_BUDGET_KB).
// Exit: 0 ok; 3 the .vsix was made but is over the budget; 1 anything else (no .vsix).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vsceBin = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
// 300 KB held for the desktop extension alone (about 230 KB); the web build (client/out/browser.js,
// server/out/web-server.js) adds about 180 KB of a second copy of the LSP libraries. 580: the
// package measured 539.5 KB on 2026-12-06 with the docs gate (issue 16: inline scanner, directive
// tables, block checks), the specs-repo features (issue 21) and picomatch; about 7 % above that.
// 620: the live preview (issue 22) measured 579.7 KB on 2026-12-06: its renderer in both server
// bundles (about 2 x 12 KB compressed) and the webview's script with highlight.js core and six
// languages (15 KB) and style sheet (2 KB); about 7 % above that, as before.
// 660: the docs gate's Pygments ports (javascript, bash, console and xml lexers, Pygments' lexer
// names) and docutils' option-value converters (issue 16) measured 635.4 KB on 2026-12-06: about
// 2 x 10 KB compressed in the two server bundles; about 4 % above that.
// The README's screenshots are not counted here.
const budgetKb = Number(process.env.RST_SPECS_VSIX_BUDGET_KB ?? 660);
// The walkthrough's screenshots (two PNGs of about 130 KB) and the README with the same two inlined.
const imagesBudgetKb = Number(process.env.RST_SPECS_VSIX_IMAGES_BUDGET_KB ?? 640);

const argv = process.argv.slice(2);
const outIndex = argv.indexOf('--out');
const out = resolve(outIndex >= 0 ? argv[outIndex + 1] : join(repoRoot, 'rst-specs.vsix'));

/** What may be in the package (paths relative to the repository root). */
const ALLOWED = [
  /^package\.json$/,
  /^(README|CHANGELOG)\.md$/,
  /^(LICENSE|NOTICE)$/,
  /^images\/icon\.png$/,
  /^(client|server)\/out\/[\w./-]+\.js$/, // the bundles (extension, language server, CLI; web bundles)
  /^client\/out\/preview\.css$/, // the preview's style sheet
  /^server\/templates\/[\w.-]+\.rst$/,
  /^docs\/rules\/[\w-]+\.md$/, // the pages the diagnostics' codes link to
  /^docs\/images\/[\w-]+\.png$/, // the README's screenshots (also the walkthrough's)
  /^docs\/walkthrough\/[\w-]+\.md$/, // the walkthrough's Markdown
  /^syntaxes\/[\w.-]+\.json$/,
  /^snippets\/[\w.-]+\.code-snippets$/,
  /^schemas\/[\w.-]+\.json$/,
];

function fail(message) {
  console.error(`[package] ${message}`);
  process.exit(1);
}

function vsce(args, cwd) {
  const result = spawnSync(process.execPath, [vsceBin, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) fail(`vsce ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  return result;
}

// ---- 1. the files ------------------------------------------------------------------
rmSync(out, { force: true }); // no stale package if this one fails
if (!existsSync(vsceBin)) fail(`missing ${vsceBin}: run npm ci`);
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const files = vsce(['ls', '--no-dependencies'], repoRoot)
  .stdout.split('\n')
  .map((line) => line.trim())
  .filter(Boolean)
  .sort();
const stray = files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)));
if (stray.length > 0) fail(`these files do not belong in the package (fix .vscodeignore):\n  ${stray.join('\n  ')}`);

const strip = (path) => posix.normalize(path.replace(/^\.\//, ''));
const named = [
  ['main', manifest.main],
  ['browser', manifest.browser],
  ['icon', manifest.icon],
  ...(manifest.contributes?.grammars ?? []).map((g) => ['grammar', g.path]),
  ...(manifest.contributes?.snippets ?? []).map((s) => ['snippets', s.path]),
  ...(manifest.contributes?.jsonValidation ?? []).filter((j) => !/^\w+:/.test(j.url)).map((j) => ['jsonValidation', j.url]),
  ...(manifest.contributes?.walkthroughs ?? []).flatMap((w) =>
    w.steps.flatMap((step) => [step.media?.image, step.media?.markdown].filter(Boolean).map((path) => ['walkthrough', path])),
  ),
].filter(([, path]) => typeof path === 'string');
for (const [what, path] of named) {
  let file = strip(path);
  if ((what === 'main' || what === 'browser') && !file.endsWith('.js')) file += '.js';
  if (!files.includes(file)) {
    fail(
      `package.json's ${what} (${path}) is not in the package${existsSync(join(repoRoot, file)) ? ' (.vscodeignore leaves it out)' : ': not built? run npm run build'}`,
    );
  }
}
const missing = ['README.md', 'CHANGELOG.md', 'LICENSE'].filter((required) => !files.includes(required));

// ---- 2. staging ----------------------------------------------------------------------
const staging = mkdtempSync(join(tmpdir(), 'rst-specs-package-'));
try {
  for (const file of files) {
    mkdirSync(dirname(join(staging, file)), { recursive: true });
    copyFileSync(join(repoRoot, file), join(staging, file));
  }
  copyFileSync(join(repoRoot, '.vscodeignore'), join(staging, '.vscodeignore'));
  // `files` is the npm package's allow-list (the CLI); vsce refuses it beside .vscodeignore.
  if (manifest.files) {
    const { files: _npmFiles, ...vsixManifest } = manifest;
    writeFileSync(join(staging, 'package.json'), `${JSON.stringify(vsixManifest, null, 2)}\n`);
  }

  if (files.includes('README.md')) {
    const { text, changes } = packageReadme(readFileSync(join(repoRoot, 'README.md'), 'utf8'), new Set(files));
    writeFileSync(join(staging, 'README.md'), text);
    for (const change of changes) console.log(`[package] README in the package: ${change}`);
  }

  // ---- 3. vsce package ------------------------------------------------------------------
  mkdirSync(dirname(out), { recursive: true });
  rmSync(out, { force: true });
  const packaged = vsce(
    ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out],
    staging,
  );
  const warnings = `${packaged.stdout}${packaged.stderr}`.split('\n').filter((line) => /WARNING|warning/.test(line));
  for (const line of warnings) console.log(`[package] vsce: ${line.trim()}`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}

// ---- 4. read it back ------------------------------------------------------------------
const entries = zipEntries(readFileSync(out));
const size = statSync(out).size;
const width = Math.max(...entries.map((e) => e.name.length));
console.log(`\n${relative(process.cwd(), out) || out}:`);
for (const entry of entries) {
  console.log(`  ${entry.name.padEnd(width)}  ${String(entry.size).padStart(7)} B  → ${String(entry.compressed).padStart(6)} B`);
}
// The screenshots (README, walkthrough) are already compressed: they have a budget of their own.
// The README counts with them: its pictures are inlined (packageReadme).
const imageBytes = entries
  .filter((e) => /^extension\/(docs\/images\/|readme\.md$)/i.test(e.name))
  .reduce((sum, e) => sum + e.compressed, 0);
const codeSize = size - imageBytes;
console.log(
  `  ${entries.length} entries, ${(size / 1024).toFixed(1)} KB (${size} bytes): screenshots ${(imageBytes / 1024).toFixed(1)} KB (budget ${imagesBudgetKb} KB), the rest ${(codeSize / 1024).toFixed(1)} KB (budget ${budgetKb} KB)`,
);
for (const file of missing) console.log(`[package] warning: no ${file}: the extension page will lack it`);
if (imageBytes > imagesBudgetKb * 1024)
  fail(
    `the screenshots take ${(imageBytes / 1024).toFixed(1)} KB, over their ${imagesBudgetKb} KB budget (RST_SPECS_VSIX_IMAGES_BUDGET_KB)`,
  );
if (codeSize > budgetKb * 1024) {
  // The .vsix is kept (it works; it is only too big): exit 3 tells run.sh it may still test it.
  const over = `the package is ${(codeSize / 1024).toFixed(1)} KB without its screenshots, over the ${budgetKb} KB budget (RST_SPECS_VSIX_BUDGET_KB)`;
  if (argv.includes('--budget-warning')) console.log(`[package] warning: ${over}`);
  else {
    console.error(`[package] ${over}`);
    process.exit(3);
  }
}
const inside = new Set(entries.map((e) => e.name));
for (const [what, path] of named) {
  let file = strip(path);
  if ((what === 'main' || what === 'browser') && !file.endsWith('.js')) file += '.js';
  if (!inside.has(`extension/${file}`)) fail(`${what} (${path}) is missing from ${out}`);
}

/**
 * The README for the package: relative links and images that point outside the package are
 * unwrapped (a link keeps its text; an image goes, and so does a line left empty by that).
 */
function packageReadme(text, shipped) {
  const changes = [];
  const isRelative = (link) => !/^[a-z][\w+.-]*:/i.test(link) && !link.startsWith('#') && !link.startsWith('//');
  const target = (link) => posix.normalize(decodeURI(link.split('#')[0].split('?')[0]).replace(/^\.?\//, ''));
  const shippedLink = (link) => !isRelative(link) || link.startsWith('#') || shipped.has(target(link));
  const lines = text.split('\n');
  const result = [];
  let fence = false;
  let dropped = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence) {
      result.push(line);
      continue;
    }
    const next = line
      // an image in a link: [![alt](src)](href); a link out of the package leaves the image
      .replace(/\[\s*(!\[[^\]]*\]\([^)]*\))\s*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g, (all, image, href) => {
        if (shippedLink(href)) return all;
        changes.push(`unlinked ${href}`);
        return image;
      })
      // images: ![alt](src "title"); a shipped PNG becomes a data: URI (see inlineImage)
      .replace(/!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g, (all, alt, src) => {
        if (!shippedLink(src)) {
          changes.push(`dropped image ${src}`);
          return '';
        }
        const inline = isRelative(src) ? inlineImage(target(src)) : undefined;
        if (!inline) return all;
        changes.push(`inlined image ${src}`);
        return `![${alt}](${inline})`;
      })
      // HTML images
      .replace(/<img\b[^>]*\bsrc=["']([^"']+)["'][^>]*>/gi, (all, src) => {
        if (shippedLink(src)) return all;
        changes.push(`dropped image ${src}`);
        return '';
      })
      // links: [text](href), not images nor links around an image
      .replace(/(?<![!\]])\[([^\][]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g, (all, label, href) => {
        if (shippedLink(href)) return all;
        changes.push(`unlinked ${href}`);
        return label;
      })
      // a dropped image inside a kept link leaves an empty link behind
      .replace(/\[\s*\]\(([^)]*)\)/g, '');
    if (next.trim() === '' && line.trim() !== '') {
      dropped = true; // the line held only an image
      continue;
    }
    if (dropped && next.trim() === '' && result.length > 0 && result[result.length - 1].trim() === '') continue;
    dropped = false;
    result.push(next);
  }
  return { text: result.join('\n'), changes };
}

/**
 * A PNG of the package as a data: URI. VS Code's extension details page renders the README in a
 * webview whose Content-Security-Policy allows images from https: and data: only, so a relative
 * image (resolved against the installed extension) shows as a broken picture; vsce turns relative
 * images into https: URLs only when package.json names a repository, which this one does not yet.
 */
function inlineImage(path) {
  if (!/\.png$/i.test(path) || !existsSync(join(repoRoot, path))) return undefined;
  return `data:image/png;base64,${readFileSync(join(repoRoot, path)).toString('base64')}`;
}

/** The entries of a zip file, from its central directory. */
function zipEntries(zip) {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) fail('the .vsix is not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  const list = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) fail('bad zip central directory');
    const compressed = zip.readUInt32LE(offset + 20);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extra = zip.readUInt16LE(offset + 30);
    const comment = zip.readUInt16LE(offset + 32);
    list.push({ name: zip.toString('utf8', offset + 46, offset + 46 + nameLength), size, compressed });
    offset += 46 + nameLength + extra + comment;
  }
  return list;
}
