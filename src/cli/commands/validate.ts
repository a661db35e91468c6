/** `authconform validate <spec...>`: load and check each spec, report every problem, exit 2 if any. */
import { displayPath } from '../../spec/display-path.ts';
import { loadContractWithProfiles } from '../../spec/layer-profiles.ts';
import { PROFILE_OPTION } from '../profile-option.ts';
import { AuthconformError, formatProblem } from '../../util/errors.ts';
import type { CliCommand } from '../command.ts';
import { parseCommandArgs, read } from '../parse-args.ts';

export const command: CliCommand = {
  name: 'validate',
  summary: 'check specs against OpenAPI 3.1, the x-authconform schema and their cross-references',
  args: '<spec...>',
  argsHelp: 'bundled spec names (linkfetch) or .yaml paths',
  options: [PROFILE_OPTION],
  async run(argv, io) {
    const parsed = parseCommandArgs(command, argv);
    const { positionals } = parsed;
    const profiles = read.strings(parsed, 'profile');
    let failed = 0;
    for (const spec of positionals) {
      try {
        const contract = await loadContractWithProfiles(spec, profiles, { cwd: io.cwd, onWarning: (w) => io.stderr(`warning: ${formatProblem(w)}`) });
        const n = contract.requirements.length;
        io.stdout(`✓ ${contract.name} (${displayPath(contract.file, io.cwd)}): ${n} ${n === 1 ? 'requirement' : 'requirements'}`);
      } catch (err) {
        if (!(err instanceof AuthconformError)) throw err;
        failed++;
        io.stderr(`✗ ${err.message}`);
        for (const problem of err.problems) io.stderr(formatProblem(problem));
      }
    }
    return failed === 0 ? 0 : 2;
  },
};
