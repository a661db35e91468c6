/** The process entry of `authconform` (bin/authconform.js loads its compiled form): runs main, sets the exit code. */
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
