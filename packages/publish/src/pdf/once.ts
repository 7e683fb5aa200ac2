/**
 * What a pass over a list found, kept per list and key: the notes are made in two languages from
 * one list of published observations (millions at tier M), and each pass over it that does not
 * depend on the language is made once for both. Held weakly: the list's answers go with it.
 */
export class OncePerList<L extends object, T> {
  private readonly done = new WeakMap<L, Map<string, T>>();

  /** `pass()` the first time `list` and `key` are asked for, its answer again after. */
  of(list: L, key: string, pass: () => T): T {
    let byKey = this.done.get(list);
    if (!byKey) {
      byKey = new Map();
      this.done.set(list, byKey);
    }
    if (byKey.has(key)) return byKey.get(key)!;
    const found = pass();
    byKey.set(key, found);
    return found;
  }
}
