/**
 * The Node options the language server runs with when the extension starts it (and in the tests
 * and benchmarks, which start it the same way). A re-parse per keystroke allocates fast: with
 * V8's defaults, resident memory doubled over 10,000 edits while the live heap stayed flat. Small
 * semi-spaces and `gc` for a collection once typing pauses (idle-collector.ts) keep it near the
 * live size. Not `--optimize-for-size`: it tripled the full collections while typing (13 against
 * 4-5 per 200 edits) and so set the typing p95 (21.4 against 16.0 ms in nova-specs), for no gain at
 * rest (about 59 MB with 50 specs open either way); without it resident memory peaks higher during
 * a long burst of edits (about 100 against 70 MB) and comes back down once typing pauses. Measured
 * in `npm run bench`. V8 flags only: VS Code runs the server with its own Electron as Node, which
 * takes V8 flags as Node does.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=1', '--expose-gc'];

/**
 * Added to the server's environment (over the editor's own).
 * - `MALLOC_ARENA_MAX`: glibc gives each thread that allocates its own malloc arena, and V8
 *   compiles optimized code on background threads: the memory their compilations freed stayed
 *   resident in those arenas (about 2 MB of the server's with 50 specs open). One arena keeps it
 *   reusable. Other C libraries ignore the variable.
 * - `NODE_EXTRA_CA_CERTS`, emptied: when it names a file, Node reads it and builds its whole root
 *   certificate store before it runs any code, 40 to 50 ms of every start on the development
 *   machine, where the variable is set (as in many company set-ups). The server opens no
 *   connection (test/robustness/files.test.ts), so it has no use for certificates.
 */
export const SERVER_ENVIRONMENT: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '1', NODE_EXTRA_CA_CERTS: '' };
