/**
 * The bundled profiles are data: they validate against profiles/profile.schema.json (which reuses
 * the spec schema's kinds and roles), their ids are unique and carry the profile's prefix, every
 * cited document is in the profile's sources, and the waiver shape refuses a waiver without a reason.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const root = new URL('../../', import.meta.url);
const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as Record<string, unknown>;

interface ProfileRequirement {
  id: string;
  level: string;
  kind: string;
  source: { doc: string };
  seeAlso?: { doc: string }[];
}
interface Profile {
  profile: string;
  sources: Record<string, unknown>;
  requirements: ProfileRequirement[];
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(readJson('specs/authconform.schema.json'));
ajv.addSchema(readJson('profiles/profile.schema.json'));
const validateProfile = ajv.getSchema('https://authconform.dev/schemas/profile.schema.json')!;
const validateWaiver = ajv.getSchema('https://authconform.dev/schemas/profile.schema.json#/$defs/waiver')!;

const PROFILES: [string, string, string][] = [
  ['standards', 'STD-', 'std.'],
  ['security', 'SEC-', 'sec.'],
];
const load = (name: string) => parse(readFileSync(new URL(`profiles/${name}.yaml`, root), 'utf8')) as Profile;

describe.each(PROFILES)('the %s profile', (name, idPrefix, kindPrefix) => {
  const profile = load(name);

  it('validates against the profile schema', () => {
    const ok = validateProfile(profile);
    expect(validateProfile.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(profile.profile).toBe(name);
  });

  it(`has unique ${idPrefix}* ids and ${kindPrefix}* kinds, one kind per requirement`, () => {
    const ids = profile.requirements.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of profile.requirements) {
      expect(r.id.startsWith(idPrefix)).toBe(true);
      expect(r.kind.startsWith(kindPrefix)).toBe(true);
    }
    const kinds = profile.requirements.map((r) => r.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it('cites only documents listed in its sources', () => {
    const cited = profile.requirements.flatMap((r) => [r.source.doc, ...(r.seeAlso ?? []).map((s) => s.doc)]);
    expect(cited.filter((doc) => !(doc in profile.sources))).toEqual([]);
  });
});

describe('the two profiles together', () => {
  it('share no id, so both can be layered onto one spec', () => {
    const all = PROFILES.flatMap(([name]) => load(name).requirements.map((r) => r.id));
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(23);
  });

  it('have a MUST row for a login that accepts a wrong password', () => {
    const row = load('security').requirements.find((r) => r.kind === 'sec.login-password-exact');
    expect(row).toMatchObject({ id: 'SEC-LOGIN-PASSWORD-EXACT', level: 'MUST', source: { doc: 'asvs5' } });
  });

  it('describe every kind in PROPOSAL.md', () => {
    const proposal = readFileSync(new URL('profiles/PROPOSAL.md', root), 'utf8');
    const kinds = PROFILES.flatMap(([name]) => load(name).requirements.map((r) => r.kind));
    expect(kinds.filter((k) => !proposal.includes(`\`${k}\``))).toEqual([]);
  });
});

describe('a waiver', () => {
  it('names a profile requirement and gives a reason', () => {
    expect(validateWaiver({ id: 'STD-HTTP-401-CHALLENGE', reason: 'The docs show the 401 without WWW-Authenticate.' })).toBe(true);
  });

  it('without a reason, or with a blank one, is invalid', () => {
    expect(validateWaiver({ id: 'STD-HTTP-401-CHALLENGE' })).toBe(false);
    expect(validateWaiver({ id: 'STD-HTTP-401-CHALLENGE', reason: '   ' })).toBe(false);
    expect(validateWaiver({ id: 'LINKIT-AUTH-01', reason: 'a spec requirement is not waivable' })).toBe(false);
  });
});
