/** A value computed when first asked, then kept: for what an analysis derives lazily. */
export function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/**
 * What rules and features derive from a template (its REST API model, its History table, ...),
 * kept with the template (template/model.ts) instead of in module-level caches: it lives as long
 * as the template does, and every analysis of a spec that follows it reads the same.
 */
export class Memo {
  private readonly values = new Map<object, unknown>();

  get<T>(key: object, compute: () => T): T {
    if (this.values.has(key)) return this.values.get(key) as T;
    const value = compute();
    this.values.set(key, value);
    return value;
  }
}

/** `compute()`, kept in the owner's memo when it has one (a template built by buildTemplate does). */
export function memoised<T>(spec: { readonly memo?: Memo }, key: object, compute: () => T): T {
  return spec.memo ? spec.memo.get(key, compute) : compute();
}
