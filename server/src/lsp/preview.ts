// `rst-specs/preview`: an open document rendered as HTML (preview/render.ts) for the extension's
// preview. Rendering runs here, not in the client: the server has the parser (the renderer builds
// on the parse the diagnostics use) and in the web build it is the worker that has it, so both
// builds preview the same way and the client bundles stay as small as they are.
import type { ServerContext, ServerFeature } from './context';
import { cancellable } from './cancellation';
import { renderPreview } from '../preview/render';
import { PREVIEW_REQUEST, type PreviewAnswer } from '../protocol';

export { PREVIEW_REQUEST, type PreviewAnswer };

/** What the preview shows when the renderer fails: one clear message, not a blank page or a crash. */
export const RENDER_FAILED_HTML =
  '<div class="system-message" data-line="0"><p>The preview could not render this document. rst-specs: Show Output has the details.</p></div>';

export function previewAnswer(version: number, text: string, log: (message: string) => void): PreviewAnswer {
  try {
    const { html, title } = renderPreview(text);
    return { version, html, title };
  } catch (error) {
    log(`rst-specs preview failed: ${(error as Error).stack ?? error}`);
    return { version, html: RENDER_FAILED_HTML, title: '' };
  }
}

export const previewFeature: ServerFeature = {
  capabilities: () => ({}),
  register(context: ServerContext) {
    context.connection.onRequest(
      PREVIEW_REQUEST,
      // The open document as the server holds it now (every change the client sent before this
      // request is applied): no settings or template needed, so nothing to wait for.
      cancellable((params: { uri?: unknown } | null): PreviewAnswer | null => {
        const document = typeof params?.uri === 'string' ? context.documents.get(params.uri) : undefined;
        if (!document) return null;
        return previewAnswer(document.version, document.getText(), (message) => context.connection.console.error(message));
      }),
    );
  },
};
