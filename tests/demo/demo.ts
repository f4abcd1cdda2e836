/**
 * `npm start`: an offline demo. Opens Chromium with the built extension on the replica portals, served at
 * their real URLs through request routing with the same network guards as the tests (nothing leaves the
 * machine). With a display it opens a window and waits for you to close it; without one it runs headless and
 * writes a screenshot of every replica page, overlay expanded, to the folder it prints.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPLICAS } from '../fixtures/replicas';
import { launch, panelFrame, ROOT } from '../e2e/harness';

const headed = Boolean(process.env.DISPLAY) && process.env.JZS_DEMO_HEADLESS !== '1';
const outDir = join(ROOT, '.output', 'demo-screenshots');

async function main(): Promise<void> {
  const session = await launch({ headless: !headed });
  if (headed) {
    for (const name of ['province-orgindex', 'zwdt-home', 'zwdt-declaration-initial', 'zwfw-audit-project'])
      await session.open(name);
    console.log('演示已打开：关闭浏览器窗口即结束。 Demo open: close the browser window to finish.');
    await new Promise<void>((resolve) => session.context.on('close', () => resolve()));
    return;
  }
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const r of REPLICAS.filter((x) => x.page)) {
    const page = await session.open(r.name);
    const panel = await panelFrame(page);
    await panel.locator('[data-jzs-panel-page] .meta').waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300); // the checklist is drawn a frame later
    const file = join(outDir, `${r.name}.png`);
    await page.screenshot({ path: file, fullPage: false });
    written.push(file);
    await page.close();
  }
  await session.close();
  const leaked = session.requests.filter((q) => q.outcome === 'not-found');
  console.log(`已写入 ${written.length} 张截图 / wrote ${written.length} screenshots to ${outDir}`);
  if (leaked.length)
    console.log(`(replica URLs without a fixture, answered 404: ${leaked.map((q) => q.url).join(', ')})`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
