/** `authconform list [spec...] [--format table|md|json]`: the requirements catalogue. */
import { presentBundledSpecs } from '../../spec/bundled.ts';
import { catalogueRows, renderCatalogueMarkdown, renderCatalogueText } from '../../spec/catalogue.ts';
import { loadContracts } from '../../spec/load.ts';
import type { CliCommand } from '../command.ts';
import { parseCommandArgs, read } from '../parse-args.ts';

const FORMATS = ['table', 'md', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const command: CliCommand = {
  name: 'list',
  summary: 'list the requirements of specs (default: every bundled spec)',
  args: '[spec...]',
  argsHelp: 'bundled spec names or .yaml paths (default: every bundled spec)',
  options: [{ flags: '--format <FORMAT>', help: 'table, md (Markdown) or json', choices: FORMATS, default: 'table' }],
  async run(argv, io) {
    const parsed = parseCommandArgs(command, argv);
    const { positionals } = parsed;
    const format = read.string(parsed, 'format') as Format;
    const specs = positionals.length > 0 ? positionals : presentBundledSpecs();
    const contracts = await loadContracts(specs, { cwd: io.cwd });
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
