/**
 * Validate checks of the issue-10 format additions (wt/authfmt): lockout, refused key prefixes,
 * error message patterns and response-header rules. Each problem is one located finding.
 */
import { durationMs } from './duration.ts';
import type { Finding } from './finding.ts';
import { joinPointer } from './json-pointer.ts';
import { compileMessagePattern, patternProblem } from './message-pattern.ts';
import { asArray, asObject, asString } from './spec-index.ts';
import type { Json, SpecIndex } from './spec-index.ts';

const X = '/x-authconform';

export function errorRef(out: Finding[], index: SpecIndex, value: unknown, pointer: string, owner: string): void {
  if (typeof value !== 'string' || index.errorIds.has(value)) return;
  out.push({ pointer, message: `${owner} names error "${value}", which is not in x-authconform.errors`, hint: `known: ${[...index.errorIds].join(', ') || 'none'}` });
}

/** A regex field that does not compile; true when it compiles. */
function checkPattern(out: Finding[], pattern: unknown, pointer: string, owner: string): pattern is string {
  if (typeof pattern !== 'string') return false;
  const problem = patternProblem(pattern);
  if (problem === undefined) return true;
  out.push({ pointer, message: `${owner} "${pattern}" is not a regular expression (${problem})`, hint: 'write a JavaScript regular expression; a leading (?i) makes it case-insensitive' });
  return false;
}

function checkLockout(out: Finding[], index: SpecIndex): void {
  const x = index.ext;
  const lockout = asObject(x.lockout);
  if (lockout === undefined) return;
  errorRef(out, index, lockout.error, `${X}/lockout/error`, 'lockout');
  for (const key of ['within', 'lasts'] as const) {
    const v = lockout[key];
    if (typeof v === 'string' && durationMs(v) === undefined) out.push({ pointer: `${X}/lockout/${key}`, message: `lockout.${key} "${v}" is not an ISO 8601 duration`, hint: 'write e.g. PT1M, PT15M' });
  }
  const documented = lockout.after !== undefined && lockout.within !== undefined && lockout.lasts !== undefined;
  const mocked = asObject(asObject(x.mock)?.lockout) !== undefined;
  if (!documented && !mocked) {
    out.push({ pointer: `${X}/lockout`, at: 'key', message: 'lockout gives no after/within/lasts and mock.lockout none: the mock cannot lock out', hint: 'add mock.lockout {after, within, lasts} (the mock\'s numbers where the docs give none)' });
  }
}

function checkRefused(out: Finding[], index: SpecIndex): void {
  const kf = asObject(index.ext.keyFormat);
  const documented = new Set([...asArray(kf?.live), ...asArray(kf?.test)].filter((p): p is string => typeof p === 'string'));
  asArray(kf?.refused).forEach((v, i) => {
    const p = asObject(v);
    const at = `${X}/keyFormat/refused/${i}`;
    errorRef(out, index, p?.error, `${at}/error`, `keyFormat.refused[${i}]`);
    const prefix = asString(p?.prefix);
    if (prefix !== undefined && documented.has(prefix)) out.push({ pointer: `${at}/prefix`, message: `keyFormat.refused[${i}] prefix "${prefix}" is also a live or test prefix`, hint: 'a prefix is either accepted (live/test) or refused' });
    const role = asString(p?.role);
    if (role !== undefined && !index.roles.has(role)) out.push({ pointer: `${at}/role`, message: `keyFormat.refused[${i}] role "${role}" is not in x-authconform.roles`, hint: 'add it to roles (the target gives such a key in its fixtures)' });
  });
}

function checkErrors(out: Finding[], index: SpecIndex): void {
  for (const [id, v] of Object.entries(asObject(index.ext.errors) ?? {})) {
    const e = asObject(v);
    const at = joinPointer(X, 'errors', id);
    if (!checkPattern(out, e?.messagePattern, `${at}/messagePattern`, `errors.${id}.messagePattern`)) {
      if (e?.message !== undefined && e.messagePattern === undefined) out.push({ pointer: `${at}/message`, at: 'key', message: `errors.${id} has a message but no messagePattern`, hint: 'add messagePattern (what the probes check); message is what the mock serves' });
      continue;
    }
    const served = asString(e?.message) ?? asString(e?.description);
    if (served === undefined || !compileMessagePattern(e!.messagePattern as string).test(served)) {
      out.push({
        pointer: `${at}/${e?.message !== undefined ? 'message' : 'messagePattern'}`,
        message: `errors.${id}: the mock would serve ${served === undefined ? 'no message' : `"${served}"`}, which does not match messagePattern`,
        hint: 'add message: the documented text (it must match messagePattern)',
      });
    }
  }
}

function checkResponseHeaders(out: Finding[], index: SpecIndex): Set<string> {
  const names = new Set<string>();
  asArray(index.ext.responseHeaders).forEach((v, i) => {
    const h = asObject(v);
    const at = `${X}/responseHeaders/${i}`;
    const name = asString(h?.name)?.toLowerCase();
    if (name !== undefined) {
      if (names.has(name)) out.push({ pointer: `${at}/name`, message: `responseHeaders[${i}] names ${h?.name} a second time`, hint: 'one rule per header' });
      names.add(name);
    }
    if (!checkPattern(out, h?.pattern, `${at}/pattern`, `responseHeaders[${i}].pattern`)) return;
    const example = asString(h?.example);
    if (example === undefined) out.push({ pointer: `${at}/pattern`, at: 'key', message: `responseHeaders[${i}] has a pattern but no example (the value the mock serves)`, hint: 'add example: a value that matches the pattern' });
    else if (!compileMessagePattern(h!.pattern as string).test(example)) out.push({ pointer: `${at}/example`, message: `responseHeaders[${i}].example "${example}" does not match its pattern`, hint: 'the mock serves the example: make it match' });
  });
  return names;
}

function checkRequirementUses(out: Finding[], index: SpecIndex, headerNames: Set<string>): void {
  const errors = asObject(index.ext.errors) ?? {};
  const refusedRoles = new Set(asArray(asObject(index.ext.keyFormat)?.refused).map((p) => asString(asObject(p)?.role)));
  asArray(index.ext.requirements).forEach((v, i) => {
    const req = asObject(v) as Json | undefined;
    const kind = asString(req?.kind);
    const at = `${X}/requirements/${i}`;
    const label = `requirement ${asString(req?.id) ?? `[${i}]`}`;
    if (kind === 'response.header') {
      const header = asString(req?.header);
      if (header === undefined) out.push({ pointer: `${at}/kind`, message: `${label} is of kind response.header but names no header`, hint: 'add header: <name of an x-authconform.responseHeaders rule>' });
      else if (!headerNames.has(header.toLowerCase())) out.push({ pointer: `${at}/header`, message: `${label} names header "${header}", which no x-authconform.responseHeaders rule describes`, hint: `known: ${[...headerNames].join(', ') || 'none'}` });
    }
    if (kind === 'error.message') {
      const ids = asArray(req?.errors).filter((e): e is string => typeof e === 'string');
      if (ids.length === 0) out.push({ pointer: `${at}/kind`, message: `${label} is of kind error.message but names no errors`, hint: 'add errors: the errors whose message the docs give' });
      ids.forEach((id, j) => {
        if (id in errors && asObject(errors[id])?.messagePattern === undefined) out.push({ pointer: `${at}/errors/${j}`, message: `${label} checks the message of error ${id}, which has no messagePattern`, hint: `add messagePattern to x-authconform.errors.${id}` });
      });
    }
    if (kind === 'credential.refused-prefix') {
      const role = asString(req?.role) ?? 'publishable';
      if (!refusedRoles.has(role)) out.push({ pointer: `${at}/${req?.role === undefined ? 'kind' : 'role'}`, message: `${label} is about role ${role}, which no keyFormat.refused prefix has`, hint: 'add the prefix to keyFormat.refused with this role, or name its role' });
      if (asArray(req?.errors).length === 0) out.push({ pointer: `${at}/kind`, message: `${label} is of kind credential.refused-prefix but names no errors`, hint: 'add errors: the documented refusal' });
    }
  });
}

export function formatFindings(index: SpecIndex): Finding[] {
  const out: Finding[] = [];
  checkLockout(out, index);
  checkRefused(out, index);
  checkErrors(out, index);
  checkRequirementUses(out, index, checkResponseHeaders(out, index));
  return out;
}
