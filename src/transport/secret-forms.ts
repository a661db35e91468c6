/** The spellings in which a secret may show up on the wire or in a body. */

export type SecretEncoding = 'plain' | 'url-encoded' | 'base64' | 'base64url';

export interface SecretForm {
  text: string;
  encoding: SecretEncoding;
}

/**
 * The secret itself, its encodeURIComponent form, its padded base64 form, and
 * its base64 / base64url forms without padding (so embedded or unpadded
 * occurrences match too). Duplicates (a secret with nothing to encode, no
 * padding) are dropped; empty secrets have no forms. Longest first within an
 * encoding, so a replacement takes the padding along.
 */
export function secretForms(secret: string): SecretForm[] {
  if (secret === '') return [];
  const candidates: SecretForm[] = [
    { text: secret, encoding: 'plain' },
    { text: encodeURIComponent(secret), encoding: 'url-encoded' },
    { text: Buffer.from(secret, 'utf8').toString('base64'), encoding: 'base64' },
    { text: Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, ''), encoding: 'base64' },
    { text: Buffer.from(secret, 'utf8').toString('base64url'), encoding: 'base64url' },
  ];
  const seen = new Set<string>();
  return candidates.filter((form) => {
    if (form.text === '' || seen.has(form.text)) return false;
    seen.add(form.text);
    return true;
  });
}
