/**
 * RFC 6750 §3 character sets of the Bearer challenge's attributes, checked on unquoted values:
 *   error, error_description: %x20-21 / %x23-5B / %x5D-7E
 *   scope: scope tokens of %x21 / %x23-5B / %x5D-7E, delimited by %x20
 */
import type { Challenge } from './challenges.ts';

export interface CharsetViolation {
  attribute: 'error' | 'error_description' | 'scope';
  /** code point of the first character outside the set, or undefined for a bad scope delimiter */
  codePoint?: number;
  reason: string;
}

const inTextSet = (cp: number) => cp === 0x20 || cp === 0x21 || (cp >= 0x23 && cp <= 0x5b) || (cp >= 0x5d && cp <= 0x7e);
const inScopeSet = (cp: number) => cp === 0x21 || (cp >= 0x23 && cp <= 0x5b) || (cp >= 0x5d && cp <= 0x7e);

function firstOutside(value: string, allowed: (cp: number) => boolean): number | undefined {
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (!allowed(cp)) return cp;
  }
  return undefined;
}

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

export function bearerCharsetViolations(ch: Challenge): CharsetViolation[] {
  const out: CharsetViolation[] = [];
  for (const p of ch.params) {
    const name = p.name.toLowerCase();
    if (name === 'error' || name === 'error_description') {
      const cp = firstOutside(p.value, inTextSet);
      if (cp !== undefined) out.push({ attribute: name, codePoint: cp, reason: `${name} contains ${hex(cp)}, outside %x20-21 / %x23-5B / %x5D-7E` });
    } else if (name === 'scope') {
      const tokens = p.value.split(' ');
      if (tokens.some((t) => t === '')) {
        out.push({ attribute: 'scope', reason: 'scope has an empty scope token (leading, trailing or doubled space)' });
        continue;
      }
      for (const t of tokens) {
        const cp = firstOutside(t, inScopeSet);
        if (cp !== undefined) {
          out.push({ attribute: 'scope', codePoint: cp, reason: `scope contains ${hex(cp)}, outside %x21 / %x23-5B / %x5D-7E` });
          break;
        }
      }
    }
  }
  return out;
}
