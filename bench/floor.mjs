// The floor of bench/run.ts: plain undici, no framework, no loader. Sends each target's `count`
// GET requests (at most 4 at a time per origin, as `authconform run` does) and exits.
// Usage: node bench/floor.mjs '<json [{ url, count }]>'
import { Agent, request } from 'undici';

const targets = JSON.parse(process.argv[2] ?? '[]');
for (const { url, count } of targets) {
  const agent = new Agent({ connections: 4 });
  let left = count;
  const worker = async () => {
    while (left > 0) {
      left--;
      const res = await request(url, { dispatcher: agent });
      await res.body.dump();
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  await agent.close();
}
