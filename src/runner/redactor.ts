/**
 * One redaction function for everything the runner and reporters write: known secrets in all
 * their encodings (transport/redact.ts), then anything shaped like a key with a documented prefix.
 */
import { maskSecret, redactText } from '../transport/redact.ts';

export type Redactor = (text: string) => string;

/** Characters a key body is made of after its prefix. */
const KEY_BODY = '[A-Za-z0-9_\\-]{8,}';

export function createRedactor(secrets: string[], keyPrefixes: string[]): Redactor {
  const prefixes = [...new Set(keyPrefixes.filter((p) => p.length >= 3))].sort((a, b) => b.length - a.length);
  const shape = prefixes.length === 0 ? undefined : new RegExp(`(?:${prefixes.map(escapeRegExp).join('|')})${KEY_BODY}`, 'g');
  const known = secrets.filter((s) => s !== '');
  return (text) => {
    const out = redactText(text, known, prefixes);
    return shape === undefined ? out : out.replace(shape, (match) => maskSecret(match, prefixes));
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
