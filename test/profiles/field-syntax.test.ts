/**
 * The field grammars the profile rows judge without a target: the draft -10 RateLimit and
 * RateLimit-Policy fields (with the older generations told apart, not failed) and Retry-After.
 */
import { describe, expect, it } from 'vitest';
import { checkPolicyField, checkRateLimitField } from '../../src/http-auth/ratelimit-field-syntax.ts';
import { retryAfterProblem } from '../../src/probes/rate-limits/profile-429.ts';

describe('RateLimit-Policy (draft -10 §3)', () => {
  it("passes express-rate-limit's draft-8 form, spaces after ; included, and unknown parameters", () => {
    expect(checkPolicyField('"5-in-1min"; q=5; w=60; pk=:Y2ZjZDgxZTk4ZGRj:')).toEqual({ generation: 'draft -08 to -10', problems: [], names: ['5-in-1min'] });
    expect(checkPolicyField('"burst";q=100;w=1, "day";q=1000;w=86400;qu="requests";x=1').problems).toEqual([]);
  });

  it('tells the -06/-07 form (a bare Integer item) apart and does not judge it', () => {
    expect(checkPolicyField('100;w=60')).toEqual({ generation: 'draft -06/-07', problems: [], names: [] });
  });

  it('names each break of the grammar', () => {
    expect(checkPolicyField('default;q=100;w=60').problems).toEqual(['item 1: the name must be a String, is a Token']);
    expect(checkPolicyField('"a";w=60').problems).toEqual(['item 1: no q parameter']);
    expect(checkPolicyField('"a";q=-1').problems).toEqual(['item 1: q must be an Integer ≥ 0, is an Integer (-1)']);
    expect(checkPolicyField('"a";q=10.0;w=0').problems).toEqual(['item 1: q must be an Integer ≥ 0, is a Decimal (10)', 'item 1: w must be an Integer ≥ 1, is an Integer (0)']);
    expect(checkPolicyField('"a";q=1;pk="x"').problems).toEqual(['item 1: pk must be a Byte Sequence, is a String']);
    expect(checkPolicyField('("a" "b");q=1').problems).toEqual(['item 1 is an Inner List, not an Item']);
    expect(checkPolicyField('"a";q=1,,').generation).toBe('unparsed');
  });
});

describe('RateLimit (draft -10 §4)', () => {
  it('passes the draft-8 form and matches names against the policies', () => {
    expect(checkRateLimitField('"5-in-1min"; r=4; t=60', ['5-in-1min'])).toEqual({ generation: 'draft -08 to -10', problems: [], names: ['5-in-1min'] });
    expect(checkRateLimitField('"day";r=0', ['burst']).problems).toEqual(['"day" names no policy of RateLimit-Policy ("burst")']);
  });

  it('tells the -07 Dictionary apart and does not judge it', () => {
    expect(checkRateLimitField('limit=100, remaining=99, reset=57')).toEqual({ generation: 'draft -07', problems: [], names: [] });
  });

  it('names each break of the grammar', () => {
    expect(checkRateLimitField('"default";r="99"').problems).toEqual(['item 1: r must be an Integer ≥ 0, is a String']);
    expect(checkRateLimitField('"default";t=5').problems).toEqual(['item 1: no r parameter']);
    expect(checkRateLimitField('"default";r=1;t=-2').problems).toEqual(['item 1: t must be an Integer ≥ 0, is an Integer (-2)']);
    expect(checkRateLimitField('"a";r=1 garbage').generation).toBe('unparsed');
  });
});

describe('Retry-After (RFC 9110 §10.2.3)', () => {
  it('takes delay-seconds and an HTTP-date in any of the three formats (the format is std.http-date’s)', () => {
    for (const v of ['0', '120', ' 30 ', 'Sun, 06 Nov 1994 08:49:37 GMT', 'Sunday, 06-Nov-94 08:49:37 GMT', 'Sun Nov  6 08:49:37 1994']) expect(retryAfterProblem(v)).toBeUndefined();
  });

  it('refuses fractions, signs and anything else, saying which', () => {
    expect(retryAfterProblem('1.5')).toBe('a signed or fractional number: delay-seconds is digits only');
    expect(retryAfterProblem('30.0')).toBe('a signed or fractional number: delay-seconds is digits only');
    expect(retryAfterProblem('-1')).toBe('a signed or fractional number: delay-seconds is digits only');
    expect(retryAfterProblem('soon')).toBe('neither delay-seconds nor an HTTP-date');
    expect(retryAfterProblem('2026-11-30T12:00:00Z')).toBe('neither delay-seconds nor an HTTP-date');
  });
});
