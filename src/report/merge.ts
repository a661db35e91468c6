/**
 * `authconform merge`: shard records → the record of the whole run. Specs are ordered by their
 * position in the whole run, a spec's cases by its family order (each family runs in one shard,
 * in plan order); requests add up; the run spans the earliest start to the latest end. Records
 * of different tool versions, levels or spec contents do not merge (exit 2).
 */
import { AuthconformError } from '../util/errors.ts';
import type { RecordSpec, RunRecord } from './record.ts';

export function mergeRecords(records: Array<{ record: RunRecord; shown: string }>): RunRecord {
  const first = records[0];
  if (first === undefined) throw new AuthconformError('AC_USAGE', 'merge needs at least one run record');
  for (const { record, shown } of records.slice(1)) {
    for (const [what, a, b] of [
      ['tool version', record.tool.version, first.record.tool.version],
      ['level', record.options.level, first.record.options.level],
      ['--writes', String(record.options.writes), String(first.record.options.writes)],
      ['--spend-quota', String(record.options.spendQuota), String(first.record.options.spendQuota)],
      ['--only', record.options.only.join(','), first.record.options.only.join(',')],
    ] as const) {
      if (a !== b) throw new AuthconformError('AC_USAGE', `${shown}: ${what} ${a} differs from ${first.shown}'s ${b}; records of one run only`);
    }
  }
  const specs = new Map<string, { spec: RecordSpec; shown: string }>();
  for (const { record, shown } of records) {
    for (const spec of record.specs) {
      const seen = specs.get(spec.name);
      if (seen === undefined) {
        specs.set(spec.name, { spec: { ...spec, cases: [...spec.cases], roles: [...spec.roles] }, shown });
        continue;
      }
      if (seen.spec.sha256 !== spec.sha256) throw new AuthconformError('AC_USAGE', `${shown}: spec ${spec.name} has sha256 ${spec.sha256}, ${seen.shown} has ${seen.spec.sha256}`);
      const twice = spec.cases.find((c) => seen.spec.cases.some((d) => d.name === c.name));
      if (twice !== undefined) throw new AuthconformError('AC_USAGE', `${shown}: case "${twice.name}" of ${spec.name} is in ${seen.shown} too (the same shard twice?)`);
      seen.spec.cases.push(...spec.cases);
      seen.spec.requests += spec.requests;
      seen.spec.roles = [...new Set([...seen.spec.roles, ...spec.roles])];
    }
  }
  const merged = [...specs.values()].map(({ spec }) => ({ ...spec, cases: byFamilyOrder(spec) })).sort((a, b) => a.order - b.order);
  return {
    ...first.record,
    startedAt: records.map((r) => r.record.startedAt).sort()[0]!,
    endedAt: records.map((r) => r.record.endedAt).sort().at(-1)!,
    options: { ...first.record.options, shard: null },
    interrupted: records.some((r) => r.record.interrupted),
    errors: records.flatMap((r) => r.record.errors),
    specs: merged,
  };
}

function byFamilyOrder(spec: RecordSpec): RecordSpec['cases'] {
  const rank = (family: string): number => {
    const i = spec.families.indexOf(family);
    return i === -1 ? spec.families.length : i;
  };
  return spec.cases.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c.family) - rank(b.c.family) || a.i - b.i).map(({ c }) => c);
}
