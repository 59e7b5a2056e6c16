// The server's side of its code cache (code-cache.ts): a second after the first document opens,
// once a check has compiled the engine, the server makes the cache and offers it to the client,
// unless V8 started it from the client's stored one. Measured: docs/performance.md.
import { CODE_CACHE_NOTIFICATION, type CodeCacheOffer, type CodeCacheState } from './code-cache';
import type { ServerContext, ServerFeature } from '../lsp/context';

/** What the entry (server-loader.ts) tells the server of its code cache. */
export interface CodeCacheHandle {
  /** The cache's file name in the client's folder. */
  readonly fileName: string;
  readonly state: CodeCacheState;
  /** The cache of the code compiled so far, sealed (bundle-loader.ts). */
  make(): Buffer;
}

export const OFFER_DELAY_MS = 1_000;

const STATE_MESSAGE: Record<CodeCacheState, (fileName: string) => string> = {
  accepted: (fileName) => `Started from the code cache ${fileName}.`,
  none: (fileName) => `No code cache yet: the server will offer one (${fileName}) once a spec is checked.`,
  damaged: (fileName) => `The code cache ${fileName} is damaged (its checksum does not match): the server will offer a new one.`,
  rejected: (fileName) => `The code cache ${fileName} was not accepted by this runtime: the server will offer a new one.`,
};

export function codeCacheFeature(handle: CodeCacheHandle): ServerFeature {
  return {
    capabilities: () => ({}),
    register({ connection, documents }: ServerContext) {
      let opened = false;
      documents.onDidOpen(() => {
        if (opened) return;
        opened = true;
        connection.console.log(STATE_MESSAGE[handle.state](handle.fileName));
        if (handle.state === 'accepted') return;
        const offer = () => {
          try {
            const data = handle.make();
            const params: CodeCacheOffer = { fileName: handle.fileName, data: data.toString('base64') };
            void connection.sendNotification(CODE_CACHE_NOTIFICATION, params);
            connection.console.log(`Offered the client a code cache of ${Math.round(data.length / 1024)} KB (${handle.fileName}).`);
          } catch (error) {
            connection.console.warn(`Could not make a code cache: ${(error as Error).message ?? error}`);
          }
        };
        setTimeout(offer, OFFER_DELAY_MS).unref?.();
      });
    },
  };
}
