/**
 * Validate checks of the issue-10 additions of wt/refusals: refused schemes and placements,
 * public operations (access.public, and credential.missing never on one), hidden resources, the
 * resource reference (`param` or `params`), and non-JSON static answers of the mock. Each problem
 * is one located finding.
 */
import type { Finding } from './finding.ts';
import { errorRef } from './format-checks.ts';
import { joinPointer } from './json-pointer.ts';
import { schemeWords } from './scheme-words.ts';
import { asArray, asObject, asString, securityOf } from './spec-index.ts';
import type { IndexedOperation, Json, SpecIndex } from './spec-index.ts';

const X = '/x-authconform';

/** Served without a credential: OpenAPI `security: []`, an empty requirement `{}` among its alternatives, or x-authconform.public. */
export function isPublicOperation(index: SpecIndex, op: IndexedOperation): boolean {
  const security = securityOf(index.document, op.raw);
  return op.ext?.public === true || security.length === 0 || security.some((item) => Object.keys(asObject(item) ?? {}).length === 0);
}

/** Lower-case scheme words the security schemes declare (as the loader reads them). */
function declaredWords(index: SpecIndex): Set<string> {
  const out = new Set<string>();
  for (const s of index.schemes) {
    if (s.ext === undefined || s.raw.type !== 'http') continue;
    const basic = asString(s.raw.scheme)?.toLowerCase() === 'basic';
    const words = asArray(s.ext.words).filter((w): w is string => typeof w === 'string');
    for (const w of schemeWords({ type: basic ? 'basic' : 'bearer', ...(words.length > 0 ? { words } : {}) })) out.add(w.toLowerCase());
  }
  return out;
}

/** The refused words, lower-case → as written. */
function checkRefusedSchemes(out: Finding[], index: SpecIndex): Map<string, string> {
  const declared = declaredWords(index);
  const words = new Map<string, string>();
  asArray(index.ext.refusedSchemes).forEach((v, i) => {
    const r = asObject(v);
    const at = `${X}/refusedSchemes/${i}`;
    errorRef(out, index, r?.error, `${at}/error`, `refusedSchemes[${i}]`);
    const word = asString(r?.word)?.toLowerCase();
    if (word === undefined) return;
    if (declared.has(word)) out.push({ pointer: `${at}/word`, message: `refusedSchemes[${i}] refuses "${String(r?.word)}", a word a security scheme declares`, hint: 'a scheme word is either accepted (a scheme\'s words) or refused' });
    if (words.has(word)) out.push({ pointer: `${at}/word`, message: `refusedSchemes[${i}] names "${String(r?.word)}" a second time`, hint: 'one entry per word' });
    words.set(word, String(r?.word));
  });
  return words;
}

function checkRefusedPlacements(out: Finding[], index: SpecIndex): void {
  const places = new Set(
    index.schemes.filter((s) => s.raw.type === 'apiKey').map((s) => `${String(s.raw.in)}:${String(s.raw.in) === 'header' ? String(s.raw.name).toLowerCase() : String(s.raw.name)}`),
  );
  if (index.schemes.some((s) => s.raw.type === 'http')) places.add('header:authorization');
  asArray(index.ext.refusedPlacements).forEach((v, i) => {
    const p = asObject(v);
    const at = `${X}/refusedPlacements/${i}`;
    errorRef(out, index, p?.error, `${at}/error`, `refusedPlacements[${i}]`);
    const name = asString(p?.name);
    if (name === undefined) return;
    const key = `${String(p?.in)}:${p?.in === 'header' ? name.toLowerCase() : name}`;
    if (places.has(key)) out.push({ pointer: `${at}/name`, message: `refusedPlacements[${i}] refuses the ${String(p?.in)} ${name}, where a security scheme sends the credential`, hint: 'a place is either a scheme\'s (accepted) or refused' });
  });
}

function operationOf(index: SpecIndex, id: string | undefined): IndexedOperation | undefined {
  const marked = index.operations.find((op) => op.ext?.probe === true);
  const wanted = id ?? marked?.operationId;
  return wanted === undefined ? undefined : index.operations.find((op) => op.operationId === wanted);
}

function checkResource(out: Finding[], resource: Json | undefined, at: string, label: string): void {
  if (resource?.param !== undefined && resource.params !== undefined) {
    out.push({ pointer: `${at}/resource/params`, at: 'key', message: `${label}: resource has both param and params`, hint: 'param names the one path parameter the id fills; params maps several path parameters to pointers into the listed item' });
  }
}

function checkRequirements(out: Finding[], index: SpecIndex, refusedWords: Map<string, string>): void {
  asArray(index.ext.requirements).forEach((v, i) => {
    const req = asObject(v);
    const kind = asString(req?.kind);
    const at = `${X}/requirements/${i}`;
    const label = `requirement ${asString(req?.id) ?? `[${i}]`}`;
    checkResource(out, asObject(req?.resource), at, label);
    const needsErrors = kind === 'credential.refused-scheme' || kind === 'credential.refused-placement' || kind === 'resource.hidden';
    if (needsErrors && asArray(req?.errors).length === 0) out.push({ pointer: `${at}/kind`, message: `${label} is of kind ${kind} but names no errors`, hint: 'add errors: the documented refusal' });
    const opId = asString(req?.operation);
    const op = operationOf(index, opId);
    if (kind === 'credential.refused-scheme') {
      const scheme = asString(req?.scheme);
      if (scheme === undefined) out.push({ pointer: `${at}/kind`, message: `${label} is of kind credential.refused-scheme but names no scheme`, hint: 'add scheme: <a word of x-authconform.refusedSchemes>' });
      else if (!refusedWords.has(scheme.toLowerCase())) out.push({ pointer: `${at}/scheme`, message: `${label} names scheme "${scheme}", which no x-authconform.refusedSchemes entry refuses`, hint: `known: ${[...refusedWords.values()].join(', ') || 'none'}` });
    }
    if (kind === 'access.public' && op !== undefined && !isPublicOperation(index, op)) {
      out.push({ pointer: `${at}/${opId === undefined ? 'kind' : 'operation'}`, message: `${label} is of kind access.public, but operation ${op.operationId ?? ''} needs a credential`, hint: 'name an operation with security: [] (or x-authconform.public: true)' });
    }
    if (kind === 'resource.hidden') {
      const getId = asString(asObject(req?.resource)?.get) ?? opId;
      const get = operationOf(index, getId);
      if (get !== undefined && !isPublicOperation(index, get)) out.push({ pointer: `${at}/${getId === undefined ? 'kind' : opId !== undefined ? 'operation' : 'resource/get'}`, message: `${label} is of kind resource.hidden, but operation ${get.operationId ?? ''} needs a credential`, hint: 'resource.hidden is about an operation a credential is optional on (security: [{}, ...])' });
    }
    if (kind === 'credential.missing' && op !== undefined && isPublicOperation(index, op)) {
      out.push({ pointer: `${at}/${opId === undefined ? 'kind' : 'operation'}`, message: `${label} is of kind credential.missing, but operation ${op.operationId ?? ''} is served without a credential (public)`, hint: 'name an operation that needs a credential' });
    }
  });
}

function checkMock(out: Finding[], index: SpecIndex): void {
  for (const [opId, v] of Object.entries(asObject(asObject(index.ext.mock)?.operations) ?? {})) {
    const m = asObject(v);
    const at = joinPointer(X, 'mock', 'operations', opId);
    if (m?.respond === 'get' && m.param !== undefined && m.params !== undefined) {
      out.push({ pointer: `${at}/params`, at: 'key', message: `mock.operations.${opId} has both param and params`, hint: 'param: the path parameter holding the id; params: several path parameters, each a pointer into the item' });
    }
    const type = asString(m?.contentType);
    if (m?.respond === 'static' && type !== undefined && !/json/i.test(type) && typeof m.body !== 'string') {
      out.push({ pointer: `${at}/body`, message: `mock.operations.${opId} answers ${type}, but its body is not a string`, hint: 'write the body as the text served' });
    }
  }
}

export function refusalFindings(index: SpecIndex): Finding[] {
  const out: Finding[] = [];
  const refusedWords = checkRefusedSchemes(out, index);
  checkRefusedPlacements(out, index);
  checkRequirements(out, index, refusedWords);
  checkMock(out, index);
  return out;
}
