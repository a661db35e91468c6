/**
 * Every quote of a spec (traceability entries and requirement sources) must occur in the document
 * it cites, when that document's local copy (`sources.<id>.file`) is at hand. A copy that is
 * absent, outside the spec's folder, or a source with only a `url`, is one warning naming it: the
 * bundled specs cite vendor pages that are not part of the npm package. See quote-match.ts for
 * what "occurs" forgives.
 */
import { resolve } from 'node:path';
import type { Finding } from './finding.ts';
import { escapesFolder } from './inside-folder.ts';
import { joinPointer } from './json-pointer.ts';
import { normalizeForQuote, quoteOccurs } from './quote-match.ts';
import { readInputFile } from './read-input.ts';
import { asArray, asObject, asString } from './spec-index.ts';
import type { SpecIndex } from './spec-index.ts';

export interface QuoteChecks {
  /** quotes that are not in their source (errors) */
  findings: Finding[];
  /** sources whose quotes could not be checked (one each) */
  warnings: Finding[];
}

interface Quote {
  doc: string;
  text: string;
  pointer: string;
  owner: string;
}

function quotesOf(index: SpecIndex): Quote[] {
  const out: Quote[] = [];
  asArray(index.ext.traceability).forEach((item, i) => {
    const e = asObject(item);
    const doc = asString(e?.doc);
    const text = asString(e?.quote);
    if (doc !== undefined && text !== undefined) out.push({ doc, text, pointer: joinPointer('/x-authconform', 'traceability', i, 'quote'), owner: `traceability entry ${i}` });
  });
  asArray(index.ext.requirements).forEach((item, i) => {
    const r = asObject(item);
    const source = asObject(r?.source);
    const doc = asString(source?.doc);
    const text = asString(source?.quote);
    const id = asString(r?.id) ?? `x-authconform.requirements[${i}]`;
    if (doc !== undefined && text !== undefined) out.push({ doc, text, pointer: joinPointer('/x-authconform', 'requirements', i, 'source', 'quote'), owner: `requirement ${id}` });
  });
  return out;
}

const plural = (n: number): string => `${n} ${n === 1 ? 'quote' : 'quotes'}`;

function shorten(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}

/** The text of a source's local copy, or why its quotes are not checked. */
function sourceText(source: Record<string, unknown>, specDir: string, root: string): { text: string } | { why: string } {
  const file = asString(source.file);
  if (file === undefined) return { why: 'has only a url (add a local copy as `file` to check them)' };
  const escape = escapesFolder(root, specDir, file);
  // never read: the path may name any file on the machine
  if (escape !== undefined) return { why: `cites ${file}, which ${escape}` };
  const read = readInputFile(resolve(specDir, file));
  if (!read.ok) return { why: `cites ${file}, which is absent here (${read.message})` };
  return { text: normalizeForQuote(read.text) };
}

/**
 * Checks every quote against its source's local copy. `specDir` is the spec file's folder (paths
 * are relative to it); `root` the folder a cited file must be inside (the spec's, or the
 * package's for a bundled spec).
 */
export function checkQuotes(index: SpecIndex, specDir: string, root: string): QuoteChecks {
  const out: QuoteChecks = { findings: [], warnings: [] };
  const quotes = quotesOf(index);
  const sources = asObject(index.ext.sources) ?? {};
  for (const [id, raw] of Object.entries(sources)) {
    const source = asObject(raw);
    const mine = quotes.filter((q) => q.doc === id);
    if (source === undefined || mine.length === 0) continue;
    const got = sourceText(source, specDir, root);
    if ('why' in got) {
      const at = asString(source.file) !== undefined ? 'file' : 'url';
      out.warnings.push({ pointer: joinPointer('/x-authconform', 'sources', id, at), message: `source ${id} ${got.why}: its ${plural(mine.length)} are not checked` });
      continue;
    }
    for (const q of mine) {
      if (quoteOccurs(q.text, got.text)) continue;
      out.findings.push({
        pointer: q.pointer,
        message: `${q.owner} quotes "${shorten(q.text)}", which is not in source ${id} (${String(source.file)})`,
        hint: 'quote the document as written; whitespace, list markers, emphasis and typographic punctuation are ignored, and … marks omitted words',
      });
    }
  }
  return out;
}
