/**
 * A shared request budget (`--max-requests`). One instance may be shared by
 * several transports; `tryTake` is synchronous, so the budget can never be
 * exceeded, however many sends run concurrently.
 */
export class RequestBudget {
  readonly max?: number;
  #used = 0;

  /** @param max the most requests that may be sent; `undefined` means unlimited */
  constructor(max: number | undefined) {
    if (max !== undefined && (!Number.isInteger(max) || max < 0)) {
      throw new RangeError(`request budget must be a non-negative integer, got ${String(max)}`);
    }
    if (max !== undefined) this.max = max;
  }

  /** Requests taken so far. */
  get used(): number {
    return this.#used;
  }

  /** Requests still available; `Infinity` when unlimited. */
  get remaining(): number {
    return this.max === undefined ? Infinity : this.max - this.#used;
  }

  /** Takes one request from the budget; false (and nothing taken) when it is empty. */
  tryTake(): boolean {
    if (this.max !== undefined && this.#used >= this.max) return false;
    this.#used += 1;
    return true;
  }
}
