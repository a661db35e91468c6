/**
 * Profiles (profiles/*.yaml): requirements every HTTP API owes on top of its spec, in the shape of
 * a spec's x-authconform requirements plus `appliesWhen` and `guards`. `loadProfile` reads a
 * bundled profile by name (`standards`, `security`) or a file by path, validates it against
 * profiles/profile.schema.json and reports every problem in one AC_SPEC_INVALID error, located
 * (file:line:column) like a spec's.
 */
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Level, Role } from './contract.ts';
import { ajvFindings } from './ajv-findings.ts';
import { repoRoot } from './bundled.ts';
import { locateFindings } from './finding.ts';
import { displayPath } from './display-path.ts';
import { parseYaml } from './parse-yaml.ts';
import { readInputFile } from './read-input.ts';
import { extensionSchema } from './validators.ts';
import { AuthconformError } from '../util/errors.ts';

const require = createRequire(import.meta.url);
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule.default;

export const PROFILES_DIR: string = join(repoRoot, 'profiles');
export const BUNDLED_PROFILES = ['standards', 'security'] as const;

export interface ProfileSourceRef {
  doc: string;
  section: string;
  quote: string;
}

export interface ProfileRequirement {
  id: string;
  level: Level;
  kind: string;
  statement: string;
  source: ProfileSourceRef;
  seeAlso?: ProfileSourceRef[];
  appliesWhen: string;
  guards: string[];
  role?: Role;
  note?: string;
}

export interface Profile {
  profile: string;
  title: string;
  /** the file it was read from (absolute) */
  file: string;
  sources: Record<string, { title: string; url: string; version?: string }>;
  requirements: ProfileRequirement[];
}

let validator: ValidateFunction | undefined;

function validateProfile(): ValidateFunction {
  if (validator !== undefined) return validator;
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(extensionSchema());
  const schema = require(join(PROFILES_DIR, 'profile.schema.json')) as Record<string, unknown>;
  validator = ajv.compile(schema);
  return validator;
}

/** Absolute path of a profile: a bundled name, else a file (anything with a `/` or a YAML extension). */
export function locateProfile(nameOrFile: string, cwd: string): string {
  if ((BUNDLED_PROFILES as readonly string[]).includes(nameOrFile)) return join(PROFILES_DIR, `${nameOrFile}.yaml`);
  const looksLikeFile = /[\\/]/.test(nameOrFile) || /\.ya?ml$/i.test(nameOrFile);
  const file = resolve(cwd, nameOrFile);
  if (!looksLikeFile || !existsSync(file) || !statSync(file).isFile()) {
    throw new AuthconformError(
      'AC_SPEC_NOT_FOUND',
      `profile "${nameOrFile}" not found${looksLikeFile ? ` (${file})` : ''}; bundled profiles: ${BUNDLED_PROFILES.join(', ')}`,
    );
  }
  return file;
}

const cache = new Map<string, Profile>();

/** A profile, validated. @throws AuthconformError AC_SPEC_NOT_FOUND / AC_SPEC_UNREADABLE / AC_SPEC_INVALID */
export function loadProfile(nameOrFile: string, cwd: string = process.cwd()): Profile {
  const file = locateProfile(nameOrFile, cwd);
  const shown = displayPath(file, cwd);
  const read = readInputFile(file);
  if (!read.ok) throw new AuthconformError('AC_SPEC_UNREADABLE', `${shown}: cannot read the profile: ${read.message}`);
  const cached = cache.get(read.text);
  if (cached !== undefined) return { ...cached, file };
  const parsed = parseYaml(read.text, shown);
  const invalid = (problems: ReturnType<typeof locateFindings>): AuthconformError =>
    new AuthconformError('AC_SPEC_INVALID', `${shown}: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`, problems);
  if (parsed.problems.length > 0) throw invalid(parsed.problems);
  const validate = validateProfile();
  if (!validate(parsed.value)) throw invalid(locateFindings(parsed, ajvFindings(validate.errors, '', parsed.value)));
  const profile = { ...(parsed.value as Omit<Profile, 'file'>), file };
  const findings = profile.requirements.flatMap((r, i) =>
    [r.source, ...(r.seeAlso ?? [])]
      .filter((s) => profile.sources[s.doc] === undefined)
      .map((s) => ({ pointer: `/requirements/${i}/source/doc`, message: `source "${s.doc}" is not in the profile's sources` })),
  );
  if (findings.length > 0) throw invalid(locateFindings(parsed, findings));
  cache.set(read.text, profile);
  return profile;
}
