/**
 * Per-key concurrency limiter (the transport keys it by origin). Requests wait
 * here, before their deadline starts, rather than in undici's pool queue.
 */
export interface KeyedLimiter {
  /** Resolves with a release function once a slot for `key` is free. Call release exactly once. */
  acquire(key: string): Promise<() => void>;
  /** Slots in use for `key`. */
  active(key: string): number;
}

export function createKeyedLimiter(max: number): KeyedLimiter {
  const slots = new Map<string, { active: number; waiting: Array<() => void> }>();

  const releaseFor = (key: string): (() => void) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const slot = slots.get(key);
      if (!slot) return;
      const next = slot.waiting.shift();
      if (next) {
        next(); // hand the slot over; active stays the same
      } else {
        slot.active -= 1;
        if (slot.active === 0) slots.delete(key);
      }
    };
  };

  return {
    acquire(key) {
      let slot = slots.get(key);
      if (!slot) {
        slot = { active: 0, waiting: [] };
        slots.set(key, slot);
      }
      if (slot.active < max) {
        slot.active += 1;
        return Promise.resolve(releaseFor(key));
      }
      const s = slot;
      return new Promise((resolve) => s.waiting.push(() => resolve(releaseFor(key))));
    },
    active(key) {
      return slots.get(key)?.active ?? 0;
    },
  };
}
