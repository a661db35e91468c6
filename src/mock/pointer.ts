/** Writing and deleting at JSON pointers (reading is in src/spec/json-pointer.ts). */
import { fromPointer } from '../spec/json-pointer.ts';

/** Sets `value` at `pointer` in `root`, creating objects on the way. */
export function setAtPointer(root: Record<string, unknown>, pointer: string, value: unknown): void {
  const segments = fromPointer(pointer);
  let node: Record<string, unknown> = root;
  segments.forEach((seg, i) => {
    if (i === segments.length - 1) {
      node[seg] = value;
      return;
    }
    const next = node[seg];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[seg] = {};
    node = node[seg] as Record<string, unknown>;
  });
}
