/** std.http-date: Date (and a date-valued Retry-After) in IMF-fixdate (RFC 9110 §5.6.7). */
import { defineKind } from './kind.ts';

/** asctime-date (RFC 9110 §5.6.7 obs-date): "Sun Nov  6 08:49:37 1994", a form recipients parse and senders must not send. */
function asctime(ms: number): string {
  const d = new Date(ms);
  const [day, , month, , time] = d.toUTCString().split(' ');
  return `${day?.replace(',', '')} ${month} ${String(d.getUTCDate()).padStart(2, ' ')} ${time} ${d.getUTCFullYear()}`;
}

export const stdHttpDate = defineKind({
  kind: 'std.http-date',
  family: 'rate-limits',
  summary: 'Date, and a Retry-After that is a date, are IMF-fixdate',
  needs: [],
  fields: ['role', 'operation'],
  defaultRole: 'valid',
  defects: () => [{ description: 'the Date field of every response is in the obsolete asctime format', wrap: { dateField: () => (_rt, ms) => asctime(ms) } }],
});
