/**
 * Reads a response body up to a byte cap. The stream is always either fully
 * consumed or destroyed, so no socket is left dangling.
 */
import { TransportError } from './errors.ts';

/** The parts of undici's BodyReadable this module needs. */
export interface BodyStream extends AsyncIterable<Uint8Array> {
  destroy(error?: Error): unknown;
  readonly destroyed?: boolean;
}

export interface CappedBody {
  bytes: Buffer;
  /** true when the body was longer than the cap (only with `overflow: 'truncate'`) */
  truncated: boolean;
}

/**
 * @param declaredLength the Content-Length, when given; a declared length over
 *   the cap fails (or truncates) without reading anything
 * @param overflow 'error' throws AC_BODY_TOO_LARGE; 'truncate' keeps the first
 *   maxBytes and stops reading
 * @param onChunk called on every chunk received (a body-idle timer refreshes on it)
 */
export async function readCappedBody(
  body: BodyStream,
  maxBytes: number,
  overflow: 'error' | 'truncate',
  declaredLength?: number,
  onChunk?: () => void,
): Promise<CappedBody> {
  const tooLarge = (): TransportError =>
    new TransportError('AC_BODY_TOO_LARGE', `response body exceeded ${maxBytes} bytes`);

  if (declaredLength !== undefined && declaredLength > maxBytes && overflow === 'error') {
    body.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      onChunk?.();
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      if (size + buf.length > maxBytes) {
        if (overflow === 'error') throw tooLarge();
        chunks.push(buf.subarray(0, maxBytes - size));
        size = maxBytes;
        return { bytes: Buffer.concat(chunks, size), truncated: true };
      }
      chunks.push(buf);
      size += buf.length;
    }
  } finally {
    // leaving the loop early (cap, error) must not leave the socket half-read
    if (body.destroyed !== true) body.destroy();
  }
  return { bytes: Buffer.concat(chunks, size), truncated: false };
}
