import { loadContract } from '../src/spec/load.ts';
import { listDefects } from '../src/mock/index.ts';
for (const n of ['linkfetch','linkt','linkkit','linkit','linq']) {
  const c = await loadContract(n);
  for (const d of listDefects(c)) console.log(`${n} ${d.id}`);
}
