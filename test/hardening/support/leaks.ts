/**
 * Independent leak finder for the red-team tests (written apart from src/secrets/): every run of
 * 8 characters of a secret's body, looked for in the text as it is and in each decoding an echo
 * may use — reversed, hex (either case, either alignment), base64/base64url (every alignment),
 * percent-escapes, JSON \u escapes, and with 1-3 separator characters between characters.
 */

const RUN = 8;

function runsOf(body: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + RUN <= body.length; i++) out.add(body.slice(i, i + RUN));
  return out;
}

function found(runs: Set<string>, text: string): string[] {
  const hits: string[] = [];
  for (let i = 0; i + RUN <= text.length; i++) {
    const piece = text.slice(i, i + RUN);
    if (runs.has(piece)) hits.push(piece);
  }
  return hits;
}

function decodings(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [['plain', text], ['reversed', [...text].reverse().join('')]];
  for (const run of text.match(/[0-9a-fA-F]{16,}/g) ?? []) {
    for (const at of [0, 1]) out.push(['hex', Buffer.from(run.slice(at, at + Math.floor((run.length - at) / 2) * 2), 'hex').toString('latin1')]);
  }
  for (const run of text.match(/[A-Za-z0-9+/_-]{11,}/g) ?? []) {
    for (const at of [0, 1, 2, 3]) out.push(['base64', Buffer.from(run.slice(at).replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1')]);
  }
  out.push(['percent', text.replace(/%([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))]);
  out.push(['json', text.replace(/\\u([0-9a-fA-F]{4})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))]);
  for (const stride of [2, 3, 4]) {
    for (let r = 0; r < stride; r++) {
      let s = '';
      for (let i = r; i < text.length; i += stride) s += text[i];
      out.push([`every ${stride}th`, s]);
    }
  }
  return out;
}

/** Where runs of the secret's body (the part after `prefix`) show in `text`: `["hex: 4eC39Hq…"]`. */
export function secretLeaks(secret: string, text: string, prefix = ''): string[] {
  const runs = runsOf(secret.startsWith(prefix) ? secret.slice(prefix.length) : secret);
  const out: string[] = [];
  for (const [how, decoded] of decodings(text)) {
    const hits = found(runs, decoded);
    if (hits.length > 0) out.push(`${how}: ${hits[0]}`);
  }
  return [...new Set(out)];
}
