/**
 * WWW-Authenticate (RFC 9110 §11.6.1) parsed as the grammar writes it, keeping what the standards
 * profile judges: every challenge, parameter names as sent (duplicates kept), whether a value was
 * quoted, and token68 credentials.
 *
 *   WWW-Authenticate = #challenge
 *   challenge   = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
 *   auth-param  = token BWS "=" BWS ( token / quoted-string )
 *   token68     = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
 *
 * Several field lines are one list (RFC 9110 §5.3); empty list elements are skipped (§5.6.1). After
 * a comma, "token =" continues the current challenge's parameters and any other token starts a new
 * challenge. npm's parsers normalise names or drop duplicates and unknown schemes, which is what the
 * profile has to see, hence this one.
 */

export interface AuthParam {
  /** the name as sent; compare with sameName() */
  name: string;
  /** the value, quoted-pairs unescaped */
  value: string;
  quoted: boolean;
}

export interface Challenge {
  scheme: string;
  token68?: string;
  params: AuthParam[];
}

export type ChallengeParse = { ok: true; challenges: Challenge[] } | { ok: false; error: string; offset: number };

const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const TOKEN68_CHAR = /[A-Za-z0-9\-._~+/]/;

class Cursor {
  pos = 0;
  constructor(readonly text: string) {}
  get done(): boolean {
    return this.pos >= this.text.length;
  }
  peek(offset = 0): string {
    return this.text[this.pos + offset] ?? '';
  }
  skipWhitespace(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }
  token(): string {
    const start = this.pos;
    while (TCHAR.test(this.peek())) this.pos++;
    return this.text.slice(start, this.pos);
  }
}

class ParseError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function quotedString(c: Cursor): string {
  const start = c.pos;
  c.pos++; // opening DQUOTE
  let value = '';
  while (!c.done) {
    const ch = c.peek();
    if (ch === '"') {
      c.pos++;
      return value;
    }
    if (ch === '\\') {
      const next = c.peek(1);
      if (next === '' || (next < ' ' && next !== '\t') || next === '\x7f') throw new ParseError('a backslash in a quoted-string must escape a visible character', c.pos);
      value += next;
      c.pos += 2;
      continue;
    }
    if ((ch < ' ' && ch !== '\t') || ch === '\x7f') throw new ParseError(`control character 0x${ch.charCodeAt(0).toString(16)} in a quoted-string`, c.pos);
    value += ch;
    c.pos++;
  }
  throw new ParseError('unterminated quoted-string', start);
}

/** At a token followed by BWS "=": the start of an auth-param (not a new challenge). */
function atParam(c: Cursor): boolean {
  const save = c.pos;
  const name = c.token();
  c.skipWhitespace();
  const isParam = name !== '' && c.peek() === '=';
  c.pos = save;
  return isParam;
}

function param(c: Cursor): AuthParam {
  const name = c.token();
  c.skipWhitespace();
  c.pos++; // "=", checked by atParam
  c.skipWhitespace();
  if (c.peek() === '"') return { name, value: quotedString(c), quoted: true };
  const value = c.token();
  if (value === '') throw new ParseError(`auth-param ${name} has no value`, c.pos);
  return { name, value, quoted: false };
}

/** A token68 right after the scheme: its characters, then "=" padding, then the end of the element. */
function token68(c: Cursor): string | undefined {
  const save = c.pos;
  while (TOKEN68_CHAR.test(c.peek())) c.pos++;
  if (c.pos === save) return undefined;
  while (c.peek() === '=') c.pos++;
  const value = c.text.slice(save, c.pos);
  c.skipWhitespace();
  if (c.done || c.peek() === ',') return value;
  c.pos = save;
  return undefined;
}

/** Skips OWS "," OWS separators and empty list elements; false at the end. */
function nextElement(c: Cursor): boolean {
  c.skipWhitespace();
  if (c.done) return false;
  if (c.peek() !== ',') throw new ParseError(`expected "," between list elements, found ${JSON.stringify(c.peek())}`, c.pos);
  while (c.peek() === ',' || c.peek() === ' ' || c.peek() === '\t') c.pos++;
  return !c.done;
}

function challenge(c: Cursor): Challenge {
  const at = c.pos;
  const scheme = c.token();
  if (scheme === '') throw new ParseError(`expected an auth-scheme, found ${JSON.stringify(c.peek())}`, at);
  const out: Challenge = { scheme, params: [] };
  if (c.done || c.peek() === ',') return out;
  if (c.peek() !== ' ') throw new ParseError(`expected a space or "," after the auth-scheme ${scheme}`, c.pos);
  while (c.peek() === ' ') c.pos++;
  if (c.done || c.peek() === ',') return out;
  const t68 = token68(c);
  if (t68 !== undefined) return { ...out, token68: t68 };
  if (!atParam(c)) throw new ParseError(`expected token68 or auth-param after the auth-scheme ${scheme}`, c.pos);
  out.params.push(param(c));
  for (;;) {
    const save = c.pos;
    if (!nextElement(c)) return out;
    if (!atParam(c)) {
      c.pos = save; // a new challenge starts after this comma
      return out;
    }
    out.params.push(param(c));
  }
}

/** Parses the WWW-Authenticate field lines of one response (in order) into challenges. */
export function parseChallenges(fieldLines: readonly string[]): ChallengeParse {
  const c = new Cursor(fieldLines.join(', '));
  const challenges: Challenge[] = [];
  try {
    c.skipWhitespace();
    while (c.peek() === ',' || c.peek() === ' ' || c.peek() === '\t') c.pos++;
    while (!c.done) {
      challenges.push(challenge(c));
      if (!nextElement(c)) break;
    }
    return { ok: true, challenges };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.message, offset: e.offset };
    throw e;
  }
}

/** Scheme and parameter names compare case-insensitively (RFC 9110 §11.1, §11.2). */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Parameter names that occur more than once in the challenge (lower-cased, in order of first repeat). */
export function repeatedParams(ch: Challenge): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const p of ch.params) {
    const name = p.name.toLowerCase();
    if (seen.has(name) && !repeated.includes(name)) repeated.push(name);
    seen.add(name);
  }
  return repeated;
}

/** The first challenge of a scheme, matched case-insensitively. */
export function challengeFor(challenges: readonly Challenge[], scheme: string): Challenge | undefined {
  return challenges.find((ch) => sameName(ch.scheme, scheme));
}

/** The value of a parameter, matched case-insensitively (the first, if repeated). */
export function paramValue(ch: Challenge, name: string): string | undefined {
  return ch.params.find((p) => sameName(p.name, name))?.value;
}
