// LSP: "If a server receives requests after a shutdown request those requests should error with
// InvalidRequest." vscode-languageserver answers them as usual, and a handler may register its
// requests deep in the library (onHover, ...): so the guard sits where every message passes, the
// connection's message strategy, and sends each request after `shutdown` (a second `shutdown`
// too) to one handler that answers InvalidRequest. Notifications (`exit`) pass.
import { type ConnectionOptions, ErrorCodes, Message, type RequestMessage, ResponseError } from 'vscode-languageserver/node';

/** The method a request after shutdown is given, so that it reaches `refuseAfterShutdown`. */
export const AFTER_SHUTDOWN_METHOD = 'rst-specs/$afterShutdown';

/** The connection option that turns requests after `shutdown` into AFTER_SHUTDOWN_METHOD requests. */
export function shutdownGuard(): ConnectionOptions {
  let shutDown = false;
  return {
    messageStrategy: {
      handleMessage(message, next) {
        if (!Message.isRequest(message)) return next(message);
        if (shutDown) return next({ ...message, method: AFTER_SHUTDOWN_METHOD } as RequestMessage);
        if (message.method === 'shutdown') shutDown = true;
        next(message);
      },
    },
  };
}

/** The handler of AFTER_SHUTDOWN_METHOD (registered by startServer). */
export function refuseAfterShutdown(): never {
  throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is shutting down: no requests are answered after shutdown.');
}
