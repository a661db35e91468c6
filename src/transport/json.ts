/** JSON-ish content types and a body parse that never throws and never echoes the body. */

/** True for `application/json` and any `+json` structured syntax suffix (parameters ignored). */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const mediaType = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return mediaType === 'application/json' || /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+\+json$/.test(mediaType);
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Parses a JSON body. The error is one line and contains no body content
 * (V8's messages quote the input, which may hold secrets).
 */
export function parseJsonBody(text: string): JsonParse {
  if (text.trim() === '') return { ok: false, error: 'body is empty' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const message = err instanceof Error ? err.message : '';
    const bytes = Buffer.byteLength(text);
    if (/end of (JSON )?input|Unterminated/i.test(message)) {
      return { ok: false, error: `body is not valid JSON: unexpected end of input (${bytes} bytes)` };
    }
    const position = /position (\d+)/.exec(message)?.[1];
    return {
      ok: false,
      error:
        position === undefined
          ? `body is not valid JSON (${bytes} bytes)`
          : `body is not valid JSON: unexpected character at position ${position} (${bytes} bytes)`,
    };
  }
}
