/**
 * Results by text, for texts met again: a run masks the same evidence lines and checks the same
 * response headers many times. Bounded: texts longer than {@link MEMO_TEXT_LENGTH} are never kept,
 * and past {@link MEMO_CHARS} characters kept the memo starts over.
 */

export const MEMO_TEXT_LENGTH = 4_096;
export const MEMO_CHARS = 1 << 18;

export class TextMemo<V> {
  #values = new Map<string, V>();
  #chars = 0;

  has(text: string): boolean {
    return this.#values.has(text);
  }

  get(text: string): V | undefined {
    return this.#values.get(text);
  }

  set(text: string, value: V): void {
    if (text.length > MEMO_TEXT_LENGTH) return;
    if (this.#chars + text.length > MEMO_CHARS) this.clear();
    this.#chars += text.length;
    this.#values.set(text, value);
  }

  clear(): void {
    this.#values.clear();
    this.#chars = 0;
  }
}
