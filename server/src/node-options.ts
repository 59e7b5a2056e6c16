/**
 * The Node options the language server runs with when the extension starts it (and in the tests
 * and benchmarks, which start it the same way). A re-parse per keystroke allocates fast: with
 * V8's defaults, resident memory doubled over 10,000 edits while the live heap stayed flat. Small
 * semi-spaces, V8's memory-saving heap sizing, one V8 worker thread, and `gc` for a collection once
 * typing pauses (lsp/idle-collector.ts) keep it near the live size. Measured in `npm run bench`.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=1', '--optimize-for-size', '--v8-pool-size=1', '--expose-gc'];
