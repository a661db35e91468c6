/**
 * The server side of bench/timing-probe.ts, run in its own process: answers every request 401 with
 * a fixed JSON body, after DELAY_MS more milliseconds when the Authorization value starts with
 * "known_" (the timing defect: keys the server knows take longer). Prints its port on stdout.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const delayMs = Number(process.env.DELAY_MS ?? 0);
const body = JSON.stringify({ code: 401, error: 'Unauthorized', details: 'Invalid or expired token' });

const server = createServer({ keepAlive: true }, (req, res) => {
  const reply = () => {
    res.writeHead(401, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'WWW-Authenticate': 'Bearer realm="bench"' });
    res.end(body);
  };
  if (delayMs > 0 && (req.headers.authorization ?? '').startsWith('known_')) setTimeout(reply, delayMs);
  else reply();
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  process.exit(0);
});
