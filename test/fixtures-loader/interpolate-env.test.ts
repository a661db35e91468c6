import { describe, expect, it } from 'vitest';
import { interpolateEnv } from '../../src/fixtures/interpolate-env.ts';

describe('interpolateEnv', () => {
  it('replaces each ${NAME} and lists the names used', () => {
    expect(interpolateEnv('${A}-${B}/${A}', { A: 'x', B: 'y' })).toEqual({ value: 'x-y/x', used: ['A', 'B', 'A'], missing: [] });
  });

  it('lists unset and empty variables as missing', () => {
    expect(interpolateEnv('${A}${B}', { B: '' })).toEqual({ value: '', used: ['A', 'B'], missing: ['A', 'B'] });
  });

  it('does not interpolate inside a value that came from the environment', () => {
    expect(interpolateEnv('${A}', { A: '${B}', B: 'no' }).value).toBe('${B}');
  });

  it('flags a malformed reference', () => {
    expect(interpolateEnv('${not a name}', {}).malformed).toBe('${not a name}');
    expect(interpolateEnv('${UNCLOSED', {}).malformed).toBe('${');
  });

  it('reads $${ as a literal ${', () => {
    expect(interpolateEnv('$${A}', { A: 'x' })).toEqual({ value: '${A}', used: [], missing: [] });
  });

  it('${NAME:-default} takes the default when NAME is unset or empty, and is never missing', () => {
    expect(interpolateEnv('${A:-x}/${B:-y}/${C:-}', { A: 'a', B: '' })).toEqual({ value: 'a/y/', used: ['A', 'B', 'C'], missing: [] });
    expect(interpolateEnv('${A:-}', {})).toEqual({ value: '', used: ['A'], missing: [] });
  });
});
