/**
 * Thrown by helpers deep inside a case (a login that must succeed, a key that must be accepted
 * before the real check) when the case has failed; runCase turns it into a fail outcome.
 */
export interface Failure {
  /** one line: "Expected 401 with code missing_key, got 200 for GET /v1/profiles (no credentials)" */
  message: string;
  expected?: string;
  actual?: string;
}

export class CaseFailure extends Error {
  override readonly name = 'CaseFailure';
  readonly failure: Failure;
  constructor(failure: Failure) {
    super(failure.message);
    this.failure = failure;
  }
}
