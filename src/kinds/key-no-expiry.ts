/** key.no-expiry: mock only: after `after` (default P365D) of mock time the key still works. */
import { defineKind } from './kind.ts';

const DAY_MS = 86_400_000;

export const keyNoExpiry = defineKind({
  kind: 'key.no-expiry',
  family: 'key-lifecycle',
  summary: 'mock only: after `after` (default P365D) of mock time the key still works',
  needs: [],
  fields: ['role', 'operation', 'after'],
  defaultRole: 'valid',
  defects: ({ requirement: r }) => {
    const after = r.kind === 'key.no-expiry' ? r.afterMs : 90 * DAY_MS;
    const ms = Math.max(60_000, Math.min(30 * DAY_MS, after - 60_000));
    return [
      {
        description: `API keys stop working ${Math.round(ms / 3_600_000)} hours of mock time after their creation`,
        wrap: {
          credential: (next) => (rt, record, scheme, headers, now) =>
            record.kind === 'api_key' && now - record.createdAt > ms ? { kind: 'refused', error: rt.errors.invalid } : next(rt, record, scheme, headers, now),
        },
      },
    ];
  },
});
