// Cancellation of requests. vscode-jsonrpc cancels a request's token on `$/cancelRequest` (also a
// cancel that arrives before the request is dispatched), but it answers with whatever the handler
// returns: it never answers RequestCancelled on its own. Handlers wrapped in `cancellable` answer a
// cancelled request with RequestCancelled (-32800); `stateOf` and `settingsFor` of the server
// context check the token after each wait (settings from the client, files read through it), so
// that nothing more is computed for a request the client no longer wants.
import { type CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';

export function requestCancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/** Throws RequestCancelled when the client has cancelled the request. */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw requestCancelled();
}

/** Whether `error` is the RequestCancelled answer (passed on, not logged as a failure). */
export function isCancellation(error: unknown): boolean {
  return error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled;
}

/**
 * A request handler that answers RequestCancelled when the request was cancelled before it ran or
 * while it ran, whatever the handler returned or threw.
 */
export function cancellable<P, R>(
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    throwIfCancelled(token);
    try {
      const result = await handler(params, token);
      throwIfCancelled(token);
      return result;
    } catch (error) {
      throwIfCancelled(token);
      throw error;
    }
  };
}
