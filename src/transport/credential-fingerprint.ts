/**
 * A short, non-reversible fingerprint of the credentials a request carries, so
 * rate-limit state can be tracked per (origin, credential) without keeping the
 * secrets themselves.
 */
import { createHash } from 'node:crypto';
import type { ProbeRequest } from './types.ts';

/**
 * sha256 over the request's secrets that actually occur in a header value or in
 * the URL (plain or URL-encoded), sorted; '' when the request carries none.
 */
export function credentialFingerprint(req: Pick<ProbeRequest, 'headers' | 'url' | 'secrets'>): string {
  const secrets = req.secrets ?? [];
  if (secrets.length === 0) return '';
  const values = Object.values(req.headers);
  const used = [...new Set(secrets)]
    .filter((s) => s !== '')
    .filter(
      (s) => values.some((v) => v.includes(s)) || req.url.includes(s) || req.url.includes(encodeURIComponent(s)),
    )
    .sort();
  if (used.length === 0) return '';
  return createHash('sha256').update(used.join('\0')).digest('hex').slice(0, 16);
}
