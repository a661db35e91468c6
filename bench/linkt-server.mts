/**
 * The server side of bench/linkt-writes-run.mts, run in its own process: the second Linkt reading
 * (test/independent/second/linkt-server.ts, 60/min and 1,000/day on the valid key). Prints one JSON
 * line `{ "url": ..., "env": {...} }` (the URL and the environment its fixtures file reads) and
 * serves until SIGTERM.
 */
import { linktReading } from '../test/independent/second/readings.ts';

const reading = await linktReading();
process.stdout.write(`${JSON.stringify({ url: reading.url, env: reading.env })}\n`);
process.on('SIGTERM', () => {
  void reading.close().finally(() => process.exit(0));
});
