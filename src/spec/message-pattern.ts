/**
 * Error message patterns (x-authconform.errors.<id>.messagePattern): JavaScript regular
 * expressions; a leading `(?i)` (the inline flag docs and other tools write) makes it
 * case-insensitive.
 */
export function compileMessagePattern(pattern: string): RegExp {
  return pattern.startsWith('(?i)') ? new RegExp(pattern.slice(4), 'i') : new RegExp(pattern);
}

/** The reason a pattern does not compile, or undefined. */
export function patternProblem(pattern: string): string | undefined {
  try {
    compileMessagePattern(pattern);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}
