// Keeps the language server's code cache in the extension's global storage (server/src/code-cache.ts).
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CODE_CACHE_DIR_ARGUMENT, CODE_CACHE_NOTIFICATION } from '../../server/src/protocol';
import { storeCodeCache } from './code-cache-store';

export function codeCacheFolder(context: ExtensionContext): string {
  return path.join(context.globalStorageUri.fsPath, 'code-cache');
}

/** The server's argument naming the folder. */
export function codeCacheArgument(context: ExtensionContext): string {
  return `${CODE_CACHE_DIR_ARGUMENT}${codeCacheFolder(context)}`;
}

export function registerCodeCacheStorage(context: ExtensionContext, client: LanguageClient): void {
  client.onNotification(CODE_CACHE_NOTIFICATION, (offer: unknown) => {
    try {
      storeCodeCache(codeCacheFolder(context), offer);
    } catch (error) {
      client.warn(`rst-specs could not store the server's code cache: ${(error as Error).message}`);
    }
  });
}
