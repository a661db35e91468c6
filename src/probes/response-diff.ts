/**
 * How two error responses differ in what a client can observe: status, which documented codes
 * each carries, and the recursive JSON key set (values such as messages and request ids may differ).
 */
import type { ProbeResponse } from '../transport/types.ts';
import { bodyHasCode } from './expect-error.ts';
import { keyPaths, onlyIn } from './json-shape.ts';

/** One line per difference; [] when the responses are alike. `names` label a and b. */
export function compareResponses(
  a: ProbeResponse,
  b: ProbeResponse,
  codes: Array<string | number>,
  names: [string, string],
): string[] {
  const [na, nb] = names;
  const out: string[] = [];
  if (a.status !== b.status) out.push(`status ${a.status} for the ${na} vs ${b.status} for the ${nb}`);
  for (const code of codes) {
    const inA = bodyHasCode(a, code);
    const inB = bodyHasCode(b, code);
    if (inA !== inB) out.push(`code ${code} only in the ${inA ? na : nb} response`);
  }
  if ((a.json === undefined) !== (b.json === undefined)) {
    out.push(`JSON body only in the ${a.json === undefined ? nb : na} response`);
  } else if (a.json !== undefined) {
    const ka = keyPaths(a.json);
    const kb = keyPaths(b.json);
    const onlyA = onlyIn(ka, kb);
    const onlyB = onlyIn(kb, ka);
    if (onlyA.length > 0) out.push(`keys only in the ${na} response: ${onlyA.join(', ')}`);
    if (onlyB.length > 0) out.push(`keys only in the ${nb} response: ${onlyB.join(', ')}`);
  }
  return out;
}
