/**
 * Renders assets/icon/icon.svg to the toolbar/store PNG sizes in assets/public/icons/ (committed; run again
 * after changing the drawing: `npx tsx tests/tools/draw-icons.ts`). Uses Debian's Chromium, offline: the page
 * is set from a string and the browser gets the dead proxy like every test (testing.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, chromiumPath } from '../e2e/harness';

export const ICON_SIZES = [16, 32, 48, 128] as const;

async function main(): Promise<void> {
  const svg = readFileSync(join(ROOT, 'assets', 'icon', 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--proxy-server=127.0.0.1:9', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    for (const size of ICON_SIZES) {
      await page.setViewportSize({ width: size, height: size });
      const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
      await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
      const png = await page.locator('svg').screenshot({ omitBackground: true });
      writeFileSync(join(ROOT, 'assets', 'public', 'icons', `${size}.png`), png);
    }
  } finally {
    await browser.close();
  }
}

await main();
