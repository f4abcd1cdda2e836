import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './e2e/harness';
const ID = '110105198806150022';
function scan(dir: string): string[] {
  const hits: string[] = [];
  const walk = (d: string) => { for (const f of readdirSync(d)) { const p = join(d, f); let st; try { st = statSync(p); } catch { continue; } if (st.isDirectory()) walk(p); else if (readFileSync(p).includes(Buffer.from(ID))) hits.push(p.replace(dir, '')); } };
  walk(join(dir, 'Default'));
  return hits;
}
const s = await launch();
const b = await s.openExtensionPage('options.html');
console.log(await b.evaluate(readFileSync('/tmp/bucket.js', 'utf8')));
await b.waitForTimeout(500);
console.log('after write:', scan(s.userDataDir));
console.log('remaining buckets:', await b.evaluate(readFileSync('/tmp/bucket-del.js', 'utf8')));
await b.waitForTimeout(1000);
console.log('after bucket delete:', scan(s.userDataDir));
await s.close({ keepProfile: true });
console.log('after close:', scan(s.userDataDir));
