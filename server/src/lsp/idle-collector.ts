/**
 * Collects garbage once the documents have been quiet for a while, when the server was started
 * with `--expose-gc` (SERVER_NODE_OPTIONS): V8 keeps the memory of a burst of re-parses long after
 * it is garbage, and a full collection in a pause of typing returns it.
 */
export class IdleCollector {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly collect: (() => void) | undefined,
    private readonly quietMs = 1_000,
  ) {}

  /** Something allocated (a document opened, changed or checked): collect after the next quiet spell. */
  touched(): void {
    if (!this.collect) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.collect?.();
    }, this.quietMs);
    this.timer.unref?.();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
