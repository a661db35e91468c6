/**
 * Every reason a case can be skipped, in one place (ajv's named skip lists): a reader of a report
 * finds here what each skip means and what to do about it.
 */
import type { Role } from '../spec/contract.ts';

export const SKIP = {
  /** a role the case needs is absent from the fixtures */
  missingRole: (role: Role): string => `no \`${role}\` credential in the fixtures`,
  /** a `{fixture:NAME}` path parameter has no value */
  missingResource: (name: string): string => `fixtures.resources.${name} is not set`,
  /** the login role lacks its email or password */
  missingLogin: (): string => 'the `login` credential in the fixtures needs email and password',
  /** organization cases need the member/foreign organizations */
  missingOrganizations: (what: 'member' | 'foreign'): string => `fixtures.organizations.${what} is not set`,
  /** a state-changing operation on a real target */
  unsafe: (label: string): string => `${label} changes state; run with --writes to probe it on a real target`,
  /** the probe advances the mock's clock or creates/revokes keys */
  mockOnly: (): string => "needs the mock's clock",
  /** no limit to exhaust */
  noLimit: (): string => 'the docs give no limit; set rateLimit.perMinute in the fixtures',
  /** every burst against a window shorter than a minute spread over more than two of its windows (the responses' Date) */
  burstSpanned: (window: string, tries: number): string =>
    `each of ${tries} bursts of requests spread over more than two ${window} windows (by the responses' Date), so none could show the limit; retry on a less loaded machine`,
  noDailyLimit: (): string => 'the docs give no daily limit; set rateLimit.perDay in the fixtures',
  /** exhausting a window longer than a minute (a daily quota) on a real target */
  quotaNeedsFlag: (window: string, requests: number): string =>
    `exhausting the ${window} limit (${requests} requests) on a real target spends the quota; run with --spend-quota`,
  /** a secondary limit the docs warn against probing (`probe: opt-in`) */
  secondaryOptIn: (id: string): string =>
    `the secondary limit ${id} is probed only on request: exceeding it on a real target may get the integration banned; set rateLimit.secondary: true in the fixtures to opt in`,
  /** several secondary limits and the requirement names none */
  whichSecondary: (ids: string[]): string => `the spec declares several secondary limits (${ids.join(', ')}); the requirement must name one (limit)`,
  /** several plans with numbers and no `plan` in the fixtures */
  noPlan: (plans: string[]): string => `the docs give several plans (${plans.join(', ')}); set plan in the fixtures`,
  /** waiting for a reset would exceed the bound */
  waitTooLong: (waitMs: number, maxWaitMs: number): string =>
    `the rate-limit reset is ${Math.ceil(waitMs / 1000)} s away, beyond the wait bound (--max-wait, maxWaitMs: ${Math.round(maxWaitMs / 1000)} s)`,
  /** no plain-HTTP endpoint to probe */
  noPlainUrl: (): string => 'the target itself is plain HTTP; set plainUrl in the fixtures',
  /** the request budget ran out */
  budget: (message: string): string => `request budget exhausted: ${message}`,
  /** no resource of the first tenant could be found */
  noResource: (label: string, pointer: string, param: string): string =>
    `${label} with the valid credential has nothing at ${pointer}; set fixtures.resources.${param}`,
  /** resource.params / resource.where: no listed item to use */
  noListedItem: (label: string, what: string): string => `${label} with the valid credential lists no ${what}; the case needs one`,
  /** a documented prefix is needed to tell which prefix the response must echo */
  noDocumentedPrefix: (role: Role): string => `the \`${role}\` key starts with no documented prefix`,
  /** nothing in the fixtures to compare with */
  noOtherCredential: (roles: Role[]): string => `no other credential (${roles.map((r) => `\`${r}\``).join(', ')}) in the fixtures`,
  /** a stage-setting step failed; the named requirement covers that behaviour (preconditions.ts) */
  precondition: (what: string, requirementId: string): string => `precondition not met: ${what} — see ${requirementId}`,
  /** the docs let the key owner choose the grace window and the fixtures name none */
  graceChoice: (choices: string[]): string => `the docs offer a choice of grace windows (${choices.join(', ')}); set rotation.grace in the fixtures`,
  /** the target's chosen grace is zero: no key can be in it */
  noGrace: (grace: string): string => `the target's grace window is ${grace} (fixtures.rotation.grace): no revoked key is in its grace window`,
  /** the contract gives no section the probe needs */
  noContractSection: (section: string): string => `the contract has no ${section} section`,
} as const;
