/** The spellings in which a secret may show up on the wire or in a body. */

export type SecretEncoding = 'plain' | 'url-encoded' | 'base64' | 'base64url';

export interface SecretForm {
  text: string;
  encoding: SecretEncoding;
}

/** Embedded base64 forms shorter than this are not kept (they could match by chance). */
export const MIN_EMBEDDED_BASE64 = 12;

/**
 * The secret itself, its encodeURIComponent form, its padded base64 form, and
 * its base64 / base64url forms without padding (so embedded or unpadded
 * occurrences match too). Also the base64 and base64url text a secret turns
 * into inside a longer encoded value (`base64("Bearer " + key)`, a JSON
 * document, a JWT), at each of the three byte alignments. Duplicates (a
 * secret with nothing to encode, no padding) are dropped; empty secrets have
 * no forms. Longest first within an encoding, so a replacement takes the
 * padding along.
 */
export function secretForms(secret: string): SecretForm[] {
  if (secret === '') return [];
  const candidates: SecretForm[] = [
    { text: secret, encoding: 'plain' },
    { text: encodeURIComponent(secret), encoding: 'url-encoded' },
    { text: Buffer.from(secret, 'utf8').toString('base64'), encoding: 'base64' },
    { text: Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, ''), encoding: 'base64' },
    { text: Buffer.from(secret, 'utf8').toString('base64url'), encoding: 'base64url' },
    ...embeddedBase64(secret, 'base64'),
    ...embeddedBase64(secret, 'base64url'),
  ];
  const seen = new Set<string>();
  return candidates.filter((form) => {
    if (form.text === '' || seen.has(form.text)) return false;
    seen.add(form.text);
    return true;
  });
}

/**
 * For k = 0, 1, 2 bytes before the secret: the characters of the encoding
 * that depend on the secret's bytes alone (whatever comes before or after).
 */
function embeddedBase64(secret: string, encoding: 'base64' | 'base64url'): SecretForm[] {
  const bytes = Buffer.from(secret, 'utf8');
  const out: SecretForm[] = [];
  for (const k of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(k), bytes]).toString(encoding);
    const text = encoded.slice(Math.ceil((8 * k) / 6), Math.floor((8 * (k + bytes.length)) / 6));
    if (text.length >= MIN_EMBEDDED_BASE64) out.push({ text, encoding });
  }
  return out;
}
