/**
 * error.message: where the docs give an error's text, the message of that error (at its
 * `messagePointer`, else the first string of /message, /error/message, /error) matches its
 * `messagePattern`. The role's credential on the operation brings the error.
 */
import { defineKind } from './kind.ts';

export const errorMessage = defineKind({
  kind: 'error.message',
  family: 'invalid-credentials',
  summary: "an error's message matches the documented text (messagePattern) where the docs give it",
  needs: [],
  fields: ['errors', 'role', 'operation', 'request'],
  defaultRole: 'valid',
  defects: ({ requirement: r }) => [
    {
      description: `the message of ${r.errors.map((e) => e.id).join(', ')} says something else than the documented text`,
      wrap: {
        errorText: (next) => (rt, spec) => (r.errors.some((e) => e.id === spec.id) ? 'The request could not be completed.' : next(rt, spec)),
      },
    },
  ],
});
