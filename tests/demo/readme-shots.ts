/**
 * `npx tsx tests/demo/readme-shots.ts`: the README's screenshots of the panel docked beside the form, taken
 * from the offline replicas in headless Chromium (same network guards as the tests), at 1280×860.
 */
import { join } from 'node:path';
import { launch, panelFrame, ROOT } from '../e2e/harness';
import { replica } from '../fixtures/replicas';

const SHOTS: Array<[string, string]> = [
  ['province-declaration-renewal', 'panel-province.png'],
  ['zwdt-declaration-change', 'panel-zwdt.png'],
];

async function main(): Promise<void> {
  const session = await launch();
  for (const [name, file] of SHOTS) {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.goto(replica(name).url, { waitUntil: 'load' });
    const panel = await panelFrame(page);
    await panel.locator('[data-jzs-material]').first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', file) });
    console.log(`${name}: ${await page.locator('[data-jzs-overlay]').first().getAttribute('data-dock')} → docs/screenshots/${file}`);
    await page.close();
  }
  await session.close();
}

void main();
