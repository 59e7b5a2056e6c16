// The preview's script (client/out/preview.js), loaded by the page that csp.ts makes. It patches the
// rendered spec into <main>, highlights code, resolves images, draws the problems' markers, keeps
// the scroll in step with the editor and sends link clicks to the extension.
import type { FromWebview, PreviewMarker, ToWebview } from '../protocol';
import { linkKind } from '../protocol';
import { type LineBlock, blockLineFor, lineForOffset, monotonic, offsetForLine } from '../line-map';
import { highlight } from './highlight';
import { morphChildren } from './morph';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void; setState(state: unknown): void };

const vscode = acquireVsCodeApi();
const content = document.getElementById('content')!;
const markerLayer = document.getElementById('markers')!;
let markers: readonly PreviewMarker[] = [];
/**
 * Where scrollToLine put the page: a scroll event that finds it there is that scroll's echo and is
 * not sent back (the editor would answer it, and so on); one anywhere else is the reader's.
 */
let syncedTop = -1;

/** What the page may not hold even though the renderer escapes everything: defence in depth, with the CSP. */
const FORBIDDEN = 'script, style, link, meta, base, iframe, frame, object, embed, form, svg, math, template';

function sanitize(root: DocumentFragment): void {
  for (const element of Array.from(root.querySelectorAll(FORBIDDEN))) element.remove();
  for (const element of Array.from(root.querySelectorAll('*'))) {
    for (const { name, value } of Array.from(element.attributes)) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on') || lower === 'style' || lower === 'srcset') element.removeAttribute(name);
      else if (
        (lower === 'href' || lower === 'src') &&
        /^\s*(javascript|vbscript|data|file):/i.test(value) &&
        !(element.localName === 'img' && /^\s*data:image\//i.test(value))
      ) {
        element.removeAttribute(name);
      }
    }
  }
}

function placeholder(text: string, title: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'image-placeholder';
  span.textContent = text;
  span.title = title;
  return span;
}

/** `<img data-src>` → a src the webview may load: a workspace file through imageBase, https only when allowed. */
function resolveImages(root: DocumentFragment, imageBase: string, remoteImages: boolean): void {
  for (const image of Array.from(root.querySelectorAll<HTMLImageElement>('img[data-src]'))) {
    const source = (image.getAttribute('data-src') ?? '').trim();
    const alt = image.getAttribute('alt') || source;
    if (/^https:\/\//i.test(source)) {
      if (remoteImages) image.setAttribute('src', source);
      else
        image.replaceWith(
          placeholder(`Remote image: ${alt}`, `Not loaded: ${source}. Set rstSpecs.preview.remoteImages to show remote images.`),
        );
    } else if (/^data:image\//i.test(source)) image.setAttribute('src', source);
    else if (/^[a-z][a-z0-9+.-]*:/i.test(source) || source.startsWith('//') || !source) {
      image.replaceWith(placeholder(`Image: ${alt}`, `Not loaded: ${source || 'no path'}`));
    } else {
      const path = source
        .split('/')
        .map((part) => encodeURIComponent(decodeSafely(part)))
        .join('/');
      image.setAttribute('src', `${imageBase}/${path.replace(/^\/+/, '')}`);
    }
  }
}

function decodeSafely(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function highlightCode(root: DocumentFragment): void {
  for (const block of Array.from(root.querySelectorAll<HTMLElement>('pre.code-block[data-lang]'))) {
    const html = highlight(block.textContent ?? '', block.getAttribute('data-lang') ?? '');
    if (html === undefined) continue;
    const code = block.querySelector('code') ?? block;
    code.innerHTML = html; // highlight.js's output: the code escaped, in <span class="hljs-...">
    block.classList.add('hljs');
  }
}

function render(message: Extract<ToWebview, { type: 'render' }>): void {
  const started = performance.now();
  const template = document.createElement('template');
  template.innerHTML = message.html; // inert: nothing in a template runs or loads
  const fragment = template.content;
  sanitize(fragment);
  resolveImages(fragment, message.imageBase, message.remoteImages);
  highlightCode(fragment);
  morphChildren(content, fragment);
  content.setAttribute('data-version', String(message.version));
  vscode.setState({ resource: message.resource });
  content.setAttribute('data-patch-ms', (performance.now() - started).toFixed(1));
  if (message.timing) {
    const { changed, requested, answered } = message.timing;
    content.setAttribute('data-timing', `changed ${changed} requested ${requested} answered ${answered} shown ${Date.now()}`);
  }
  drawMarkersSoon();
}

/** Every element with a data-line, with its line and its top in the page. */
function blocks(): { element: HTMLElement; block: LineBlock }[] {
  const offset = window.scrollY;
  return Array.from(content.querySelectorAll<HTMLElement>('[data-line]')).flatMap((element) => {
    const line = Number(element.getAttribute('data-line'));
    if (!Number.isFinite(line)) return [];
    return [{ element, block: { line, top: element.getBoundingClientRect().top + offset } }];
  });
}

function scrollToLine(line: number): void {
  const target = offsetForLine(monotonic(blocks().map((entry) => entry.block)), line);
  window.scrollTo({ top: Math.max(0, target), behavior: 'instant' as ScrollBehavior });
  syncedTop = window.scrollY;
}

// Throttled (as the Markdown preview's): a timer, not requestAnimationFrame, which a browser may
// hold back in a frame it thinks nobody looks at.
let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener(
  'scroll',
  () => {
    if (scrollTimer !== undefined) return;
    scrollTimer = setTimeout(() => {
      scrollTimer = undefined;
      if (Math.abs(window.scrollY - syncedTop) < 2) return;
      syncedTop = -1;
      const line = lineForOffset(monotonic(blocks().map((entry) => entry.block)), window.scrollY);
      vscode.postMessage({ type: 'revealLine', line });
    }, 50);
  },
  { passive: true },
);

/** Markers are drawn once per 16 ms at most: measuring the blocks forces a layout. */
let markersPending = false;
function drawMarkersSoon(): void {
  if (markersPending) return;
  markersPending = true;
  setTimeout(() => {
    markersPending = false;
    drawMarkers();
  }, 16);
}

function drawMarkers(): void {
  markerLayer.replaceChildren();
  if (markers.length === 0) return;
  const all = blocks();
  const byLine = new Map<number, HTMLElement>();
  for (const { element, block } of all) if (!byLine.has(block.line)) byLine.set(block.line, element);
  const lines = [...byLine.keys()].sort((a, b) => a - b);
  const offset = window.scrollY;
  for (const marker of markers) {
    const line = blockLineFor(lines, marker.line);
    const element = line === undefined ? content : byLine.get(line)!;
    const box = element.getBoundingClientRect();
    const mark = document.createElement('div');
    mark.className = `marker ${marker.severity}`;
    mark.title = marker.message;
    mark.setAttribute('role', 'button');
    mark.setAttribute('tabindex', '0');
    mark.setAttribute('aria-label', `${marker.severity}: ${marker.message}`);
    mark.setAttribute('data-index', String(marker.index));
    mark.setAttribute('data-line', String(marker.line));
    mark.style.top = `${box.top + offset}px`;
    mark.style.height = `${Math.max(box.height, 12)}px`;
    markerLayer.append(mark);
  }
}

markerLayer.addEventListener('click', (event) => {
  const mark = (event.target as Element).closest<HTMLElement>('.marker');
  if (mark) vscode.postMessage({ type: 'revealMarker', index: Number(mark.dataset.index) });
});
markerLayer.addEventListener('keydown', (event) => {
  const mark = (event.target as Element).closest<HTMLElement>('.marker');
  if (mark && (event.key === 'Enter' || event.key === ' ')) vscode.postMessage({ type: 'revealMarker', index: Number(mark.dataset.index) });
});

/** Scrolls to the element a `#id` names; false when this document has none. */
function scrollToFragment(href: string): boolean {
  const id = decodeSafely(href.slice(1));
  const place = document.getElementById(id) ?? document.getElementsByName(id)[0];
  place?.scrollIntoView({ block: 'start' });
  return place !== undefined && place !== null;
}

function lineOf(element: Element): number | undefined {
  const holder = element.closest('[data-line]');
  const line = holder ? Number(holder.getAttribute('data-line')) : NaN;
  return Number.isFinite(line) ? line : undefined;
}

document.addEventListener('click', (event) => {
  const target = event.target as Element;
  const link = target.closest('a');
  if (link) {
    event.preventDefault();
    const line = lineOf(link) ?? 0;
    const href = link.getAttribute('href') ?? '';
    const doc = link.getAttribute('data-doc');
    const label = link.getAttribute('data-ref');
    const kind = href ? linkKind(href) : 'none';
    if (doc) vscode.postMessage({ type: 'openReference', role: 'doc', target: doc, line });
    else if (kind === 'fragment' && scrollToFragment(href)) return;
    else if (label) vscode.postMessage({ type: 'openReference', role: 'ref', target: label, line });
    else if (kind === 'external') vscode.postMessage({ type: 'openExternal', href: href.trim() });
    else if (kind === 'document') vscode.postMessage({ type: 'openReference', role: 'link', target: href, line });
    return;
  }
  const heading = target.closest('h1, h2, h3, h4, h5, h6, .title');
  const line = heading && lineOf(heading);
  if (line !== undefined && line !== null) vscode.postMessage({ type: 'selectLine', line });
});

// Double-click anywhere: to that place in the source, as the Markdown preview does.
document.addEventListener('dblclick', (event) => {
  const line = lineOf(event.target as Element);
  if (line !== undefined) vscode.postMessage({ type: 'selectLine', line });
});

// Images that load, a narrower window: the blocks move, and the markers with them.
new ResizeObserver(() => drawMarkersSoon()).observe(content);

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message?.type) {
    case 'render':
      render(message);
      break;
    case 'scrollToLine':
      scrollToLine(message.line);
      break;
    case 'markers':
      markers = message.markers;
      drawMarkersSoon();
      break;
  }
});

vscode.postMessage({ type: 'ready' });
