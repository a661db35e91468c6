/** `authconform list [spec...] [--format table|md|json]`: the requirements catalogue. */
import { presentBundledSpecs } from '../../spec/bundled.ts';
import { catalogueRows, renderCatalogueMarkdown, renderCatalogueText } from '../../spec/catalogue.ts';
import { loadContracts } from '../../spec/load.ts';
import type { CliCommand } from '../command.ts';
import { parseCommandArgs, usageError } from '../parse-args.ts';

const FORMATS = ['table', 'md', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const command: CliCommand = {
  name: 'list',
  summary: 'list the requirements of specs (default: every bundled spec)',
  usage: 'authconform list [spec...] [--format table|md|json]',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(command, argv, { format: { type: 'string', default: 'table' } });
    const format = values.format as string;
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw usageError(command, `--format must be one of ${FORMATS.join(', ')}, got "${format}"`);
    }
    const specs = positionals.length > 0 ? positionals : presentBundledSpecs();
    const contracts = await loadContracts(specs, { cwd: io.cwd });
    switch (format as Format) {
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
