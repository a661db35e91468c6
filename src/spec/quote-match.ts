/**
 * Whether a spec's quote occurs in the document it cites. The rule (docs/TEAM-NOTES.md, "Sources
 * and quotes") forgives layout, never words:
 *
 * - whitespace is ignored entirely (line breaks, indentation, spaces a page lacks: "sk_live_…—"
 *   and "sk_live_… —" match), and so is a backslash before whitespace (shell line continuations);
 * - a list marker at the start of a line (`-`, `*`, `•`, `1.`) and markdown emphasis or code marks
 *   (`*`, `` ` ``) are ignored, so a quote may join bullet lines or drop formatting;
 * - typographic punctuation reads as its ASCII form (‘’ → ', “” → ", – — → -, non-breaking
 *   spaces → space), in the quote and in the page alike;
 * - `…` or `...` in a quote is an elision: the parts around it must occur in that order. (A page's
 *   own `…`, e.g. `sk_live_…`, is matched by the same elision, which then needs no gap.)
 *
 * Letters, digits, case and every other character must be as in the page.
 */

const TYPOGRAPHIC: ReadonlyArray<[RegExp, string]> = [
  [/[‘’‚‛′]/g, "'"],
  [/[“”„‟″]/g, '"'],
  [/[‐‑‒–—―−]/g, '-'],
];

/** The text as the rule compares it: no whitespace, no list markers or emphasis, ASCII punctuation. */
export function normalizeForQuote(text: string): string {
  let t = text.normalize('NFC');
  for (const [re, ascii] of TYPOGRAPHIC) t = t.replace(re, ascii);
  return t
    .replace(/^[ \t\u00a0]*(?:[-*•]|\d+[.)])[ \t\u00a0]+/gm, '')
    .replace(/\\(?=\s)/g, '')
    .replace(/[*`]/g, '')
    .replace(/\s+/gu, '');
}

/** The parts of a quote between its elisions, normalised (empty parts dropped). */
function quoteParts(quote: string): string[] {
  return quote
    .split(/…|\.\.\./)
    .map(normalizeForQuote)
    .filter((p) => p !== '');
}

/**
 * Whether `quote` occurs in `document` under the rule above; `normalizedDocument` is
 * `normalizeForQuote(document)` (computed once per document by the caller).
 */
export function quoteOccurs(quote: string, normalizedDocument: string): boolean {
  let from = 0;
  for (const part of quoteParts(quote)) {
    const at = normalizedDocument.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}
