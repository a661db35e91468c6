/** `authconform list [spec...] [--format table|md|json]`: the requirements catalogue. */
import { presentBundledSpecs } from '../../spec/bundled.ts';
import { catalogueRows, renderCatalogueMarkdown, renderCatalogueText } from '../../spec/catalogue.ts';
import { loadContractWithProfiles } from '../../spec/layer-profiles.ts';
import { PROFILE_OPTION } from '../profile-option.ts';
import type { CliCommand } from '../command.ts';
import { parseCommandArgs, read } from '../parse-args.ts';

const FORMATS = ['table', 'md', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const command: CliCommand = {
  name: 'list',
  summary: 'list the requirements of specs (default: every bundled spec), or of profiles (--profile without a spec)',
  args: '[spec...]',
  argsHelp: 'bundled spec names or .yaml paths (default: every bundled spec)',
  options: [{ flags: '--format <FORMAT>', help: 'table, md (Markdown) or json', choices: FORMATS, default: 'table' }, PROFILE_OPTION],
  async run(argv, io) {
    const parsed = parseCommandArgs(command, argv);
    const { positionals } = parsed;
    const format = read.string(parsed, 'format') as Format;
    const profileNames = read.strings(parsed, 'profile');
    if (profileNames.length > 0 && positionals.length === 0) {
      // the profiles themselves: every row with its source (their YAML and schema load only here)
      const [{ loadProfile }, { profileRows, renderProfilesMarkdown, renderProfilesText }] = await Promise.all([import('../../spec/profile.ts'), import('../../spec/profile-catalogue.ts')]);
      const profiles = profileNames.map((p) => loadProfile(p, io.cwd));
      if (format === 'json') io.stdout(JSON.stringify(profileRows(profiles), null, 2));
      else if (format === 'md') io.stdout(renderProfilesMarkdown(profiles).trimEnd());
      else for (const line of renderProfilesText(profiles)) io.stdout(line);
      return 0;
    }
    const specs = positionals.length > 0 ? positionals : presentBundledSpecs();
    const contracts = await Promise.all(specs.map((spec) => loadContractWithProfiles(spec, profileNames, { cwd: io.cwd })));
    switch (format) {
      case 'json':
        io.stdout(JSON.stringify(catalogueRows(contracts), null, 2));
        break;
      case 'md':
        io.stdout(renderCatalogueMarkdown(contracts).trimEnd());
        break;
      default:
        for (const line of renderCatalogueText(contracts)) io.stdout(line);
    }
    return 0;
  },
};
