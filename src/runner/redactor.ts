/**
 * One redaction function for everything the runner and reporters write: the secrets module's
 * masker (src/secrets/) over the run's secrets and the spec's key prefixes.
 */
import { secretMatcher } from '../secrets/index.ts';

export type Redactor = (text: string) => string;

export function createRedactor(secrets: Iterable<string>, keyPrefixes: string[]): Redactor {
  const set = secretMatcher(secrets, keyPrefixes);
  return (text) => set.mask(text);
}
