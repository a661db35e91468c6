/**
 * Each broken twin of the GitHub-like server breaks exactly the statements rows.ts names (checked by
 * the statement checks of github-like-statements.ts); conformant variants break none.
 */
import { ManualClock } from './clock.ts';
import { GITHUB_CHECKS } from './github-like-statements.ts';
import { startGithubLike } from './github-like-server.ts';
import { GITHUB_TWINS, type GithubTwinName } from './github-like-twins.ts';
import { describeTwins } from './twins-suite.ts';

describeTwins('github-like', Object.keys(GITHUB_TWINS), async (twin) => {
  const clock = new ManualClock();
  return { clock, server: await startGithubLike({ clock, twin: GITHUB_TWINS[twin as GithubTwinName] }) };
}, GITHUB_CHECKS);
