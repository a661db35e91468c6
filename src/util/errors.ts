/**
 * Errors of the tool itself (not conformance failures): one class, a stable code, a one-line
 * message with the location, and what to do. The CLI prints `authconform: <message>` and exits 2.
 */
export type AuthconformErrorCode =
  | 'AC_USAGE'
  | 'AC_SPEC_NOT_FOUND'
  | 'AC_SPEC_UNREADABLE'
  | 'AC_SPEC_INVALID'
  | 'AC_FIXTURES_INVALID'
  | 'AC_ENV_MISSING'
  | 'AC_TARGET_INVALID'
  | 'AC_UNSAFE'
  | 'AC_INTERNAL';

export interface ProblemLocation {
  file: string;
  line?: number;
  column?: number;
  /** JSON pointer inside the document */
  pointer?: string;
}

export interface Problem extends ProblemLocation {
  message: string;
  /** what to do about it */
  hint?: string;
}

export class AuthconformError extends Error {
  override readonly name = 'AuthconformError';
  readonly code: AuthconformErrorCode;
  /** every problem found, for errors that collect several (spec validation) */
  readonly problems: Problem[];
  /** exit code the CLI uses */
  readonly exitCode: number;

  constructor(code: AuthconformErrorCode, message: string, problems: Problem[] = [], exitCode = 2) {
    super(message);
    this.code = code;
    this.problems = problems;
    this.exitCode = exitCode;
  }
}

/** `file:line:column` for a problem, leaving out what is unknown. */
export function formatLocation(p: ProblemLocation): string {
  let s = p.file;
  if (p.line !== undefined) s += `:${p.line}`;
  if (p.line !== undefined && p.column !== undefined) s += `:${p.column}`;
  return s;
}

/** One line per problem: `file:line:col (pointer): message — hint`. */
export function formatProblem(p: Problem): string {
  const where = formatLocation(p) + (p.pointer ? ` (${p.pointer || '/'})` : '');
  return `${where}: ${p.message}${p.hint ? ` — ${p.hint}` : ''}`;
}
