import { readFileSync } from 'node:fs';
import * as lib from '@cantoo/pdf-lib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserPerFile } from './per-file';

interface Scan {
  name: string;
  width: number;
  height: number;
  seed: number;
  /** JPEG's magic, then noise: taken as a JPEG when added, refused only when decoded (in the worker). */
  broken?: boolean;
}

/**
 * Noisy phone-photo-like "scans" (noise keeps JPEG from shrinking them), fixed seeds, made in the page by the
 * browser's own JPEG encoder and picked in the PDF tool's file input the way Playwright's setInputFiles picks
 * buffers (a DataTransfer's files, then input and change). Made in node with jpeg-js (~7 s a 2100×1575 scan on
 * a loaded machine) and sent through the driver (40 MB of base64, decoded again in the page), five scans
 * outlasted setInputFiles' 30 s on a loaded machine. Returns the files' sizes.
 */
async function pickScans(page: Page, scans: Scan[]): Promise<number[]> {
  await page.locator('[data-jzs-pdf-input]').waitFor({ state: 'attached' });
  return page.evaluate(async (list) => {
    const encode = async ({ width, height, seed }: Scan) => {
      let s = seed;
      const image = new ImageData(width, height);
      for (let i = 0; i < width * height; i++) {
        s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
        const v = (s >> 16) & 0xff;
        image.data[i * 4] = v;
        image.data[i * 4 + 1] = (v + (i >> 7)) & 0xff;
        image.data[i * 4 + 2] = 255 - v;
        image.data[i * 4 + 3] = 255;
      }
      const canvas = new OffscreenCanvas(width, height);
      canvas.getContext('2d')?.putImageData(image, 0, 0);
      return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
    };
    const picked = new DataTransfer();
    for (const scan of list) {
      const jpeg = await encode(scan);
      const body = scan.broken ? new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), jpeg.slice(2000)]) : jpeg;
      picked.items.add(new File([body], scan.name, { type: 'image/jpeg' }));
    }
    const input = document.querySelector<HTMLInputElement>('[data-jzs-pdf-input]');
    if (!input) throw new Error('no [data-jzs-pdf-input]');
    // Read before the pick: the tool empties the input (and so this FileList) once it has the files.
    const sizes = [...picked.files].map((f) => f.size);
    input.files = picked.files;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return sizes;
  }, scans);
}

describe('PDF bundle tool in the workbench', () => {
  const s = browserPerFile();

  it('merges generated scans into one PDF under 2 MB that the upload check accepts', async () => {
    const bench = await s.openExtensionPage('options.html');
    const files = Array.from({ length: 5 }, (_, i) => ({ name: `扫描件-${i + 1}.jpg`, width: 2100, height: 1575, seed: 7 + i }));
    const total = (await pickScans(bench, files)).reduce((n, size) => n + size, 0);
    expect(total).toBeGreaterThan(2 * 1024 * 1024); // the control: as they are, they would not fit
    await expect.poll(() => bench.locator('[data-jzs-pdf-page]').count()).toBe(5);
    // Turn the third page, move the last one first.
    await bench.locator('[data-jzs-pdf-page]').nth(2).locator('[data-jzs-action="rotate-page"]').click();
    // The re-encoding runs in the PDF tool's codec worker, not on the workbench page's thread.
    const workers: string[] = [];
    bench.on('worker', (w) => workers.push(w.url()));
    await bench.locator('[data-jzs-action="merge-pdf"]').click();
    const result = bench.locator('[data-jzs-pdf-result]');
    await result.waitFor({ timeout: 60_000 });
    expect(workers.filter((u) => u.includes('codec-worker'))).toHaveLength(1);
    const bytes = Number(await result.getAttribute('data-bytes'));
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(await result.getAttribute('data-setting')).not.toBe('original');
    await bench.locator('[data-jzs-pdf-check="ok"]').waitFor();
    const [download] = await Promise.all([bench.waitForEvent('download'), bench.locator('[data-jzs-action="download-pdf"]').click()]);
    const saved = readFileSync((await download.path())!);
    expect(saved.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(saved.length).toBe(bytes);
    // Every page's image has the side the setting shows the clerk (the browser's decoder once returned 1/8
    // steps below the size asked for: pages came out smaller than the setting said).
    const side = Number((await result.getAttribute('data-setting'))?.split(':')[0]);
    const doc = await lib.PDFDocument.load(saved);
    const images = doc.context
      .enumerateIndirectObjects()
      .map(([, o]) => o)
      .filter((o): o is lib.PDFRawStream => o instanceof lib.PDFRawStream && o.dict.get(lib.PDFName.of('Subtype')) === lib.PDFName.of('Image'));
    expect(images.map((o) => Math.max(Number(o.dict.get(lib.PDFName.of('Width'))?.toString()), Number(o.dict.get(lib.PDFName.of('Height'))?.toString())))).toEqual(files.map(() => Math.min(2100, side)));
    // No request left the machine.
    expect(s.requests.filter((r) => r.outcome !== 'extension')).toEqual([]);
  });

  it('reports a photo the codec worker cannot decode, and merges again once it is removed', async () => {
    const bench = await s.openExtensionPage('options.html');
    const broken = { name: '坏照片.jpg', width: 1200, height: 900, seed: 3, broken: true };
    await pickScans(bench, [broken, ...Array.from({ length: 3 }, (_, i) => ({ name: `扫描件-${i + 1}.jpg`, width: 2100, height: 1575, seed: 20 + i }))]);
    await expect.poll(() => bench.locator('[data-jzs-pdf-page]').count()).toBe(4);
    await bench.locator('[data-jzs-action="merge-pdf"]').click();
    await bench.locator('[data-jzs-pdf-error]').waitFor({ timeout: 60_000 });
    expect(await bench.locator('[data-jzs-pdf-result]').count()).toBe(0);
    await bench.locator('[data-jzs-pdf-page]').first().locator('[data-jzs-action="remove-page"]').click();
    await bench.locator('[data-jzs-action="merge-pdf"]').click();
    await bench.locator('[data-jzs-pdf-result]').waitFor({ timeout: 60_000 });
  });

  it('清空 and ✕ can be undone: the scans, their order, turns and the merged result come back', async () => {
    const bench = await s.openExtensionPage('options.html');
    await pickScans(bench, Array.from({ length: 3 }, (_, i) => ({ name: `证件-${i + 1}.jpg`, width: 400, height: 300, seed: 21 + i })));
    await expect.poll(() => bench.locator('[data-jzs-pdf-page]').count()).toBe(3);
    await bench.locator('[data-jzs-pdf-page]').nth(1).locator('[data-jzs-action="rotate-page"]').click();
    await bench.locator('[data-jzs-action="merge-pdf"]').click();
    await bench.locator('[data-jzs-pdf-result]').waitFor({ timeout: 60_000 });
    const listed = () => bench.locator('[data-jzs-pdf-page]').evaluateAll((els) => els.map((e) => `${e.textContent?.match(/证件-\d/)?.[0]}:${e.getAttribute('data-rotate')}`));
    const before = await listed();
    expect(before).toEqual(['证件-1:0', '证件-2:90', '证件-3:0']);
    // Each page's buttons are named with the page they act on (a screen reader reads them out of their row).
    const removeNames = await bench.locator('[data-jzs-action="remove-page"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(removeNames).toEqual(['删除：第 1 页（证件-1.jpg）', '删除：第 2 页（证件-2.jpg）', '删除：第 3 页（证件-3.jpg）']);

    // One page removed by mistake: it says which, and undo puts it back in its place.
    await bench.locator('[data-jzs-pdf-page]').nth(0).locator('[data-jzs-action="remove-page"]').click();
    expect(await listed()).toEqual(['证件-2:90', '证件-3:0']);
    expect(await bench.locator('[data-jzs-pdf-dropped]').textContent()).toContain('证件-1.jpg');
    await bench.locator('[data-jzs-action="pdf-undo"]').click();
    expect(await listed()).toEqual(before);

    // 清空 after a merge: everything comes back, the merged PDF too.
    await bench.locator('[data-jzs-action="pdf-clear"]').click();
    expect(await bench.locator('[data-jzs-pdf-page]').count()).toBe(0);
    expect(await bench.locator('[data-jzs-pdf-result]').count()).toBe(0);
    expect(await bench.locator('[data-jzs-pdf-dropped]').textContent()).toContain('3');
    await bench.locator('[data-jzs-action="pdf-undo"]').click();
    expect(await listed()).toEqual(before);
    await bench.locator('[data-jzs-pdf-result]').waitFor();
    expect(await bench.locator('[data-jzs-pdf-dropped]').count()).toBe(0);
    await bench.close();
  });

  it('names the file when a PDF is corrupt', async () => {
    const bench = await s.openExtensionPage('options.html');
    await bench.locator('[data-jzs-pdf-input]').setInputFiles([{ name: '坏掉的证书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj <<') }]);
    await expect.poll(() => bench.locator('[data-jzs-pdf-error]').textContent()).toContain('坏掉的证书.pdf');
  });
});
