/**
 * Each broken twin of the Stripe-like server breaks exactly the statement rows.ts names (checked by
 * the statement checks of stripe-like-statements.ts); conformant variants break none.
 */
import { ManualClock } from './clock.ts';
import { STRIPE_CHECKS } from './stripe-like-statements.ts';
import { startStripeLike } from './stripe-like-server.ts';
import { STRIPE_TWINS, type StripeTwinName } from './stripe-like-twins.ts';
import { describeTwins } from './twins-suite.ts';

describeTwins('stripe-like', Object.keys(STRIPE_TWINS), async (twin) => {
  const clock = new ManualClock();
  return { clock, server: await startStripeLike({ clock, twin: STRIPE_TWINS[twin as StripeTwinName] }) };
}, STRIPE_CHECKS);
