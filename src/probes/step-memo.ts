/**
 * Steps several cases of one run share, in the style of a memoised fixture: the first case that
 * needs a step runs it in its own context; every later case gets the same result (or the same
 * error: a precondition that failed is judged again for each case's own requirement) and the
 * step's exchanges as its own evidence. Cases still report separately.
 *
 * The runner gives a store only where the target's state carries over from case to case (a real
 * target); the mock is reset before every case, so there each case runs its steps itself.
 */
import type { Exchange, SentRequest } from '../transport/types.ts';
import type { ProbeContext } from './model.ts';

interface Settled {
  exchanges: Exchange<SentRequest>[];
  value?: unknown;
  error?: unknown;
  failed: boolean;
}

export interface Shared<T> {
  value: T;
  /** run by this case (false: another case ran it before) */
  fresh: boolean;
}

export class SharedSteps {
  readonly #steps = new Map<string, Promise<Settled>>();

  /** Runs `step` in `ctx` the first time `key` is asked for; afterwards replays it into `ctx`. */
  async once<T>(ctx: ProbeContext, key: string, step: () => Promise<T>): Promise<Shared<T>> {
    const known = this.#steps.get(key);
    if (known === undefined) {
      const from = ctx.exchanges.length;
      const settled = step().then(
        (value): Settled => ({ value, failed: false, exchanges: ctx.exchanges.slice(from) }),
        (error: unknown): Settled => ({ error, failed: true, exchanges: ctx.exchanges.slice(from) }),
      );
      this.#steps.set(key, settled);
      return { value: unwrap<T>(await settled), fresh: true };
    }
    const settled = await known;
    ctx.exchanges.push(...settled.exchanges);
    return { value: unwrap<T>(settled), fresh: false };
  }

  /** The state the step left has passed (a window that reset): the next case asking runs it again. */
  forget(key: string): void {
    this.#steps.delete(key);
  }
}

function unwrap<T>(s: Settled): T {
  if (s.failed) throw s.error;
  return s.value as T;
}

/** `once` on the context's store; without one (the mock, a lone context) the step simply runs. */
export async function sharedStep<T>(ctx: ProbeContext, key: string, step: () => Promise<T>): Promise<Shared<T>> {
  if (ctx.shared === undefined) return { value: await step(), fresh: true };
  return ctx.shared.once(ctx, key, step);
}
