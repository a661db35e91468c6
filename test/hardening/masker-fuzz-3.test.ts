/** Part 3 of 4 of the masker fuzz (support/masker-fuzz.ts): 250 of its 1,000 random secrets. */
import { describe, it } from 'vitest';
import { fuzzPart } from './support/masker-fuzz.ts';

describe('masker fuzz', () => {
  it('250 random secrets (1-64 KB) in random spellings: no run of 8 characters survives, noise intact, linear work', () => fuzzPart(3), 120_000);
});
