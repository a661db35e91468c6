import { describe, expect, it } from 'vitest';
import { interleave } from '../../src/stats/interleave.ts';

const classesOf = (plan: { class: string }[]) => plan.map((r) => r.class).join('');

describe('interleaving plan', () => {
  it('alternates two classes as AB BA BA AB', () => {
    expect(classesOf(interleave(['A', 'B'], 4))).toBe('ABBABAAB');
  });

  it('rotates three classes and reverses every other cycle', () => {
    expect(classesOf(interleave(['A', 'B', 'C'], 6))).toBe('ABCBCACABCBAACBBAC');
  });

  it('sends every class perClass times, one per block', () => {
    const plan = interleave(['unknown', 'revoked', 'prefix'], 25);
    expect(plan).toHaveLength(75);
    for (const c of ['unknown', 'revoked', 'prefix']) expect(plan.filter((r) => r.class === c)).toHaveLength(25);
    for (let b = 0; b < 25; b++) expect(new Set(plan.filter((r) => r.block === b).map((r) => r.class)).size).toBe(3);
    expect(plan.map((r) => r.index)).toEqual([...Array(75).keys()]);
  });

  it('gives every class the same mean position over 2K blocks, so a linear drift hits all alike', () => {
    for (const classes of [['A', 'B'], ['A', 'B', 'C'], ['A', 'B', 'C', 'D']]) {
      const plan = interleave(classes, 2 * classes.length * 5);
      const sums = classes.map((c) => plan.filter((r) => r.class === c).reduce((s, r) => s + r.index, 0));
      expect(new Set(sums).size).toBe(1);
    }
  });

  it('refuses fewer than two classes, duplicates and a bad count', () => {
    expect(() => interleave(['A'], 3)).toThrow('at least two classes');
    expect(() => interleave(['A', 'A'], 3)).toThrow('distinct');
    expect(() => interleave(['A', 'B'], 0)).toThrow('positive integer, got 0');
  });
});
