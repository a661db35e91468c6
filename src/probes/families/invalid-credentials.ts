/**
 * credential.invalid: unknown keys with each documented prefix, a wrong prefix, a truncated key, a
 * changed last character, wrong schemes in Authorization, `Bearer` with no token and an empty
 * value (those two may also get the credential.missing errors), and a whitespace-padded valid key
 * (accepted, or refused with the invalid errors; never anything else).
 */
import type { Contract, ErrorSpec, RequestExample, Requirement } from '../../spec/contract.ts';
import { bareValueIsWrong, declaredWords } from '../../spec/scheme-words.ts';
import type { Fixtures } from '../../fixtures/fixtures.ts';
import type { Case, ProbeContext, ProbeFamily } from '../model.ts';
import type { Credential } from '../../fixtures/fixtures.ts';
import {
  canaryKey,
  credentialOf,
  lastCharChanged,
  missingRole,
  requireCredential,
  truncatedKey,
  wrongPrefixKey,
} from '../credential.ts';
import { makeCase } from '../make-case.ts';
import { fail, pass } from '../outcome.ts';
import { schemeByName, type BuildOptions } from '../request-builder.ts';
import { SkipCase } from '../skip-case.ts';
import { SKIP } from '../skip-reasons.ts';
import { expectRefused, refusalFailure, sendBuilt, acceptanceFailure } from '../steps.ts';
import { describeErrors } from '../expect-error.ts';
import { describeAccepted } from '../expect-accepted.ts';
import { describeActual, expectation } from '../messages.ts';
import { refusedKeyPlans } from './refused-keys.ts';
import { refusedSchemePlans } from './refused-forms.ts';

const ID = 'invalid-credentials';

interface Variant {
  title: string;
  note: string;
  /** the request, given the valid credential (absent when the variant does not need it) */
  build: (ctx: ProbeContext, valid: Credential | undefined) => BuildOptions;
  needsValid: boolean;
  /** may also get the credential.missing errors */
  orMissing?: boolean;
}

function variants(contract: Contract, fixtures: Fixtures, r: Requirement): Variant[] {
  const op = r.operation;
  const schemeName = credentialOf(fixtures, 'valid')?.scheme ?? contract.defaultScheme;
  const scheme = schemeByName(contract, schemeName);
  const base = { operation: op, request: r.request ?? {} };
  const keyed = (value: string, valid: Credential | undefined): BuildOptions => ({
    ...base,
    credential: { value, scheme: schemeName, headers: valid?.headers ?? {} },
  });
  const raw = (value: string, valid: Credential | undefined, secrets: string[] = []): BuildOptions => ({
    ...base,
    headers: { ...valid?.headers, [scheme.header]: value },
    secrets,
  });
  const out: Variant[] = [];
  const prefixes = [...contract.keyFormat.live, ...contract.keyFormat.test];
  for (const prefix of prefixes.length > 0 ? prefixes : [undefined]) {
    out.push({
      title: prefix === undefined ? 'unknown key is refused' : `unknown key with prefix ${prefix} is refused`,
      note: 'random key that cannot exist',
      needsValid: false,
      build: (ctx, valid) => keyed(canaryKey(ctx.contract, valid?.value, prefix), valid),
    });
  }
  if (prefixes.length > 0) {
    out.push({
      title: 'key with a wrong prefix is refused',
      note: 'valid key with an undocumented prefix',
      needsValid: true,
      build: (ctx, valid) => {
        const key = wrongPrefixKey(ctx.contract, valid!.value);
        if (key === undefined) throw new SkipCase(SKIP.noDocumentedPrefix('valid'));
        return keyed(key, valid);
      },
    });
  }
  out.push(
    {
      title: 'truncated key is refused',
      note: 'valid key cut in half',
      needsValid: true,
      build: (ctx, valid) => keyed(truncatedKey(ctx.contract, valid!.value), valid),
    },
    {
      title: 'key with a changed last character is refused',
      note: 'valid key with its last character changed',
      needsValid: true,
      build: (_ctx, valid) => keyed(lastCharChanged(valid!.value), valid),
    },
  );
  if (scheme.type !== 'query' && scheme.type !== 'cookie' && scheme.header.toLowerCase() === 'authorization') {
    // words a scheme declares are documented forms; words the docs refuse are credential.refused-scheme's case
    const declared = new Set([...declaredWords(contract), ...(contract.refusedSchemes ?? []).map((s) => s.word.toLowerCase())]);
    if (!declared.has('basic')) {
      out.push({
        title: 'Basic scheme is refused',
        note: 'valid key as Basic credentials',
        needsValid: true,
        build: (_ctx, valid) => {
          const encoded = Buffer.from(`${valid!.value}:`).toString('base64');
          return raw(`Basic ${encoded}`, valid, [encoded]);
        },
      });
    }
    if (!declared.has('token')) {
      out.push({
        title: 'Token scheme is refused',
        note: 'valid key with the Token scheme',
        needsValid: true,
        build: (_ctx, valid) => raw(`Token ${valid!.value}`, valid),
      });
    }
    out.push({
      title: 'Bearer with no token is refused',
      note: 'Authorization: Bearer with no token',
      needsValid: false,
      orMissing: true,
      build: (ctx) => raw('Bearer', credentialOf(ctx.fixtures, 'valid')),
    });
    if (bareValueIsWrong(contract, op.schemes, scheme)) {
      out.push({
        title: `bare key with no scheme word (${scheme.header}: KEY) is refused`,
        note: `valid key in ${scheme.header} without its scheme word`,
        needsValid: true,
        orMissing: true,
        build: (_ctx, valid) => raw(valid!.value, valid),
      });
    }
  }
  out.push({
    title: `empty ${scheme.header} value is refused`,
    note: `empty ${scheme.header} ${scheme.type === 'query' ? 'query parameter' : scheme.type === 'cookie' ? 'cookie' : 'header'}`,
    needsValid: false,
    orMissing: true,
    build: (ctx) => {
      const valid = credentialOf(ctx.fixtures, 'valid');
      if (scheme.type === 'query') return { ...base, request: mergeQuery(base.request, { [scheme.header]: '' }), headers: { ...valid?.headers } };
      if (scheme.type === 'cookie') return { ...base, headers: { ...valid?.headers, Cookie: `${scheme.header}=` } };
      return raw('', valid);
    },
  });
  return out;
}

function mergeQuery(request: RequestExample, query: Record<string, string>): RequestExample {
  return { ...request, query: { ...request.query, ...query } };
}

function missingErrors(contract: Contract): ErrorSpec[] {
  const missing = contract.requirements.find((q) => q.kind === 'credential.missing');
  return missing?.errors ?? [];
}

function paddedCase(contract: Contract, fixtures: Fixtures, r: Requirement, errors: ErrorSpec[]): Case {
  const op = r.operation;
  return makeCase(
    ID,
    r,
    'whitespace-padded valid key is accepted or refused as invalid',
    async (ctx) => {
      const valid = requireCredential(ctx.fixtures, 'valid');
      const s = await sendBuilt(ctx, {
        operation: op,
        request: r.request ?? {},
        credential: { ...valid, value: ` ${valid.value} ` },
      });
      const note = 'valid key padded with spaces';
      if (acceptanceFailure(s) === undefined) return pass(ctx, `${s.label} accepted the padded key with ${s.res.status}`);
      if (refusalFailure(s, errors) === undefined) return pass(ctx, `${s.label} refused the padded key with ${s.res.status}`);
      return fail(
        ctx,
        expectation(`${describeAccepted(op)} or ${describeErrors(errors)}`, describeActual(s.res), s.label, note),
      );
    },
    missingRole(fixtures, 'valid'),
  );
}

function plan(contract: Contract, fixtures: Fixtures, r: Requirement): Case[] {
  const errors = r.errors;
  const withMissing = [...errors, ...missingErrors(contract)];
  const cases = variants(contract, fixtures, r).map((v) =>
    makeCase(
      ID,
      r,
      v.title,
      (ctx) => {
        const valid = v.needsValid ? requireCredential(ctx.fixtures, 'valid') : credentialOf(ctx.fixtures, 'valid');
        return expectRefused(ctx, v.build(ctx, valid), v.orMissing ? withMissing : errors, { note: v.note });
      },
      v.needsValid ? missingRole(fixtures, 'valid') : undefined,
    ),
  );
  cases.push(paddedCase(contract, fixtures, r, errors));
  return cases;
}

export const invalidCredentials: ProbeFamily = {
  id: ID,
  title: 'Invalid credentials are refused',
  plans: { 'credential.invalid': plan, ...refusedKeyPlans, ...refusedSchemePlans },
};
