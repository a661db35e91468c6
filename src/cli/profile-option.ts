/** `--profile NAME|FILE` (repeatable), shared by the commands that load specs. */
import type { OptionDecl } from './command.ts';

export const PROFILE_OPTION: OptionDecl = {
  flags: '--profile <NAME|FILE>',
  help: 'layer a profile onto the specs: standards, security, or a profile file (repeatable)',
  repeatable: true,
};
