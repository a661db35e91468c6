/**
 * Profiles layered onto a contract (`--profile NAME|FILE`, repeatable): each profile row whose kind
 * has a probe is appended to the contract's requirements with its origin (profile, the cited
 * document's title and URL); an id present twice (spec and profile, or two profiles) is an error.
 * Rows whose kind has no probe yet are listed (`authconform list --profile`) but not run; rows whose
 * kind needs a part of the spec it lacks (a login) do not apply to it and are left out.
 */
import { isRequirementKind, kindOf } from '../kinds/index.ts';
import type { Section } from '../kinds/kind.ts';
import { AuthconformError } from '../util/errors.ts';
import type { Contract, RequirementInput } from './contract.ts';
import { loadSpec, type LoadOptions } from './load.ts';
import type { LoadedSpec } from './mock-config.ts';
import type { Profile, ProfileRequirement } from './profile.ts';
import { resolveRequirement } from './resolve-requirement.ts';

/** Whether a profile row is probed (its kind is a requirement kind of src/kinds/). */
export function isProbed(row: ProfileRequirement): boolean {
  return isRequirementKind(row.kind);
}

/** Whether the contract has a part of x-authconform a kind needs (src/kinds/ `needs`). */
function hasSection(contract: Contract, section: Section): boolean {
  switch (section) {
    case 'rateLimit':
      return contract.rateLimit !== undefined;
    case 'rateLimit.headers':
      return contract.rateLimit?.headers !== undefined;
    case 'rateLimit.headers.used':
      return contract.rateLimit?.headers?.used !== undefined;
    case 'rateLimit.headers.resource':
      return contract.rateLimit?.headers?.resource !== undefined;
    case 'rateLimit.secondary':
      return (contract.rateLimit?.secondary ?? []).length > 0;
    case 'rotation':
      return contract.rotation !== undefined;
    case 'organization':
      return contract.organization !== undefined;
    case 'login':
      return contract.login !== undefined;
    case 'echoHeaders':
      return contract.echoHeaders.length > 0;
    case 'requiredHeaders':
      return contract.requiredHeaders.length > 0;
    case 'lockout':
      return contract.lockout !== undefined;
    case 'responseHeaders':
      return contract.responseHeaders.length > 0;
    case 'refusedSchemes':
      return (contract.refusedSchemes ?? []).length > 0;
    case 'refusedPlacements':
      return (contract.refusedPlacements ?? []).length > 0;
  }
}

/** Whether a probed row applies to this contract: the parts of the spec its kind needs are there (a login for the login rows). */
export function appliesTo(contract: Contract, row: ProfileRequirement): boolean {
  return isProbed(row) && kindOf(row.kind as RequirementInput['kind']).needs.every((s) => hasSection(contract, s));
}

export function layerProfiles(contract: Contract, profiles: Profile[]): Contract {
  if (profiles.length === 0) return contract;
  const seen = new Map(contract.requirements.map((r) => [r.id, `spec ${contract.name}`]));
  const refs = { errors: contract.errors, operations: contract.operations, probeOperation: contract.probeOperation };
  const added = profiles.flatMap((p) =>
    p.requirements.filter((row) => appliesTo(contract, row)).map((row) => {
      const other = seen.get(row.id);
      if (other !== undefined) {
        throw new AuthconformError('AC_SPEC_INVALID', `${p.file}: requirement ${row.id} of profile ${p.profile} is also in ${other}`);
      }
      seen.set(row.id, `profile ${p.profile}`);
      const input: RequirementInput = {
        id: row.id,
        level: row.level,
        kind: row.kind as RequirementInput['kind'],
        statement: row.statement,
        source: { doc: row.source.doc, section: row.source.section, quote: row.source.quote },
        errors: [],
      };
      if (row.role !== undefined) input.role = row.role;
      if (row.note !== undefined) input.note = row.note;
      const doc = p.sources[row.source.doc]!;
      return { ...resolveRequirement(input, refs), origin: { profile: p.profile, sourceTitle: doc.title, sourceUrl: doc.url } };
    }),
  );
  return { ...contract, requirements: [...contract.requirements, ...added], profiles: profiles.map((p) => p.profile) };
}

/** A spec with the profiles layered onto its contract (profiles by bundled name or file), and its mock's configuration. */
export async function loadSpecWithProfiles(spec: string, profiles: readonly string[], opts: LoadOptions = {}): Promise<LoadedSpec> {
  const loaded = await loadSpec(spec, opts);
  if (profiles.length === 0) return loaded;
  // profile files (YAML, their schema) load only when a profile is named
  const { loadProfile } = await import('./profile.ts');
  return {
    contract: layerProfiles(
      loaded.contract,
      profiles.map((p) => loadProfile(p, opts.cwd)),
    ),
    mock: loaded.mock,
  };
}

/** The contract of a spec with the profiles layered onto it. */
export async function loadContractWithProfiles(spec: string, profiles: readonly string[], opts: LoadOptions = {}): Promise<Contract> {
  return (await loadSpecWithProfiles(spec, profiles, opts)).contract;
}
