// The live preview's row of `npm run bench` (docs/performance.md): a keystroke to an updated
// preview on a 1,000-line spec, over stdio with the built server: didChange, then the request the
// extension sends (rst-specs/preview), until its answer for that version has come. The webview's
// patch of the answer is not in it (no DOM here): test/integration/preview.ts records it in
// code-server (a few ms: data-patch-ms), beside the whole typed-to-shown time.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../lsp/client';
import { PREVIEW_REQUEST, type PreviewAnswer } from '../../server/src/lsp/preview';
import { renderPreview } from '../../server/src/preview/render';
import { type Row, specOfLines, stats } from './robustness-bench';

const ms = (samples: number[]) => {
  const { median, p95 } = stats(samples);
  return `${median.toFixed(2)} / ${p95.toFixed(2)}`;
};

export async function previewRows(keystrokes = 200): Promise<Row[]> {
  const text = specOfLines(1000);
  const lines = text.split('\n');
  // Typing in a paragraph: a line of prose in the middle of the spec.
  const line = lines.findIndex((candidate, index) => index > 400 && /^[A-Z][a-z]+ [a-z]/.test(candidate));
  const workspace = mkdtempSync(join(tmpdir(), 'rst-specs-bench-'));
  mkdirSync(join(workspace, 'specs'));
  const client = new TestClient();
  const samples: number[] = [];
  /** The same keystrokes' diagnostics, timed alongside: what the preview's answer adds to the check's. */
  const checked: number[] = [];
  try {
    await client.initialize(workspace);
    const uri = pathToFileURL(join(workspace, 'specs', 'preview.rst')).toString();
    const opened = client.nextDiagnostics(uri, () => true, 30_000);
    await client.open(uri, text);
    await opened;
    for (let version = 2; version < keystrokes + 22; version++) {
      const start = performance.now();
      // Even versions type an x at the end of the line, odd ones delete it again.
      const end = lines[line].length;
      const change =
        version % 2
          ? { range: { start: { line, character: end }, end: { line, character: end + 1 } }, text: '' }
          : { range: { start: { line, character: end }, end: { line, character: end } }, text: 'x' };
      const published = client.nextDiagnostics(uri, (p) => p.version === version).then(() => performance.now() - start);
      await client.change(uri, version, [change]);
      const answer = (await client.request(PREVIEW_REQUEST, { uri })) as PreviewAnswer | null;
      const answered = performance.now() - start;
      if (answer?.version !== version || !answer.html.includes('data-line'))
        throw new Error(`preview of version ${version}: ${JSON.stringify(answer)?.slice(0, 200)}`);
      const diagnosed = await published;
      if (version >= 22) {
        // 20 to warm up
        samples.push(answered);
        checked.push(diagnosed);
      }
    }
  } finally {
    await client.shutdown();
    rmSync(workspace, { recursive: true, force: true });
  }
  const render: number[] = [];
  for (let i = 0; i < 60; i++) {
    const start = performance.now();
    renderPreview(text);
    if (i >= 10) render.push(performance.now() - start);
  }
  return [
    ['keystroke -> preview answer over stdio (didChange + rst-specs/preview)', '1000', ms(samples), '≤ 100 ms p95'],
    ['the same keystrokes: didChange -> diagnostics (beside the preview requests)', '1000', ms(checked), ''],
    ['preview render alone (renderPreview)', '1000', ms(render), ''],
  ];
}
