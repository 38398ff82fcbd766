/**
 * Remembers a pure function's result per (text, language): every turn analyses the same knowledge
 * sections again (their sentences, the days and seasons they cover), and the text alone decides the
 * result, so a section met before costs a lookup. Bounded: long texts are not kept, and the store is
 * emptied when full. `copy` hands each caller its own value, so no caller can change what the next
 * one gets.
 */
export function memoByText<T>(
  compute: (text: string, lang: string) => T,
  copy: (value: T) => T,
  options: { maxEntries?: number; maxLength?: number } = {},
): (text: string, lang: string) => T {
  const maxEntries = options.maxEntries ?? 5_000;
  const maxLength = options.maxLength ?? 8_000;
  const store = new Map<string, T>();
  return (text, lang) => {
    if (text.length > maxLength) return compute(text, lang);
    const key = `${lang}\u0000${text}`;
    let value = store.get(key);
    if (value === undefined) {
      value = compute(text, lang);
      if (store.size >= maxEntries) store.clear();
      store.set(key, value);
    }
    return copy(value);
  };
}
