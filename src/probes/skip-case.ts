/**
 * Thrown anywhere inside a case (request builder, helpers, family code) when the case cannot run;
 * runCase turns it into a skip outcome with the reason (see skip-reasons.ts).
 */
export class SkipCase extends Error {
  override readonly name = 'SkipCase';
  constructor(readonly reason: string) {
    super(reason);
  }
}

export function isSkipCase(value: unknown): value is SkipCase {
  return value instanceof SkipCase;
}
