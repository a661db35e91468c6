/** key.no-expiry: mock only: after `after` (default P365D) of mock time the key still works. */
import { defineKind } from './kind.ts';

export const keyNoExpiry = defineKind({
  kind: 'key.no-expiry',
  family: 'key-lifecycle',
  summary: 'mock only: after `after` (default P365D) of mock time the key still works',
  needs: [],
  fields: ['role', 'operation', 'after'],
  defaultRole: 'valid',
});
