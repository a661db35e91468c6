/** Validation of a request's target URL. */
import { TransportError } from './errors.ts';

/**
 * Parses an absolute http(s) URL, or throws AC_INVALID_URL. The message names
 * the problem, not the URL (its query may carry a credential).
 */
export function parseTargetUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (err) {
    throw new TransportError('AC_INVALID_URL', 'invalid URL: not an absolute URL', { cause: err });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TransportError('AC_INVALID_URL', `invalid URL: scheme ${url.protocol} is not http: or https:`);
  }
  if (url.hostname === '') {
    throw new TransportError('AC_INVALID_URL', 'invalid URL: no host');
  }
  if (url.username !== '' || url.password !== '') {
    // undici would not send them as Basic auth anyway; say so instead of silently dropping them
    throw new TransportError('AC_INVALID_URL', 'invalid URL: credentials in the URL are not supported, send an Authorization header');
  }
  return url;
}
