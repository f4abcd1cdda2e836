/**
 * A portal frame's request for its page's rules (`cs:pageRules`) can get no answer: Chrome stops an idle service
 * worker, and a request it was answering is lost. The frame asks again a bounded number of times
 * (src/content/main.ts `askRules`); only then does the panel say the frame was not checked. The worker here
 * answers the first requests with nothing, as a stopped one does, through a listener of its own that replies
 * before the extension's router (which answers later; Chrome takes the first reply).
 */
import type { Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { panelFrame, rulesIn, typeInto } from './harness';
import { browserPerFile } from './per-file';

interface Failing {
  __failRules?: number;
  __rulesAsked?: number;
}

/** The next `n` rules requests get no answer; counts every rules request from now on. */
async function failRules(worker: Worker, n: number): Promise<void> {
  await worker.evaluate((count) => {
    const g = globalThis as unknown as Failing & { chrome: { runtime: { onMessage: { addListener(f: (m: unknown, s: unknown, reply: (r?: unknown) => void) => void): void } } } };
    if (g.__failRules === undefined) {
      g.chrome.runtime.onMessage.addListener((m, _s, reply) => {
        if ((m as { name?: string } | null)?.name !== 'cs:pageRules') return;
        g.__rulesAsked = (g.__rulesAsked ?? 0) + 1;
        if ((g.__failRules ?? 0) > 0) {
          g.__failRules = (g.__failRules ?? 0) - 1;
          reply(undefined);
        }
      });
    }
    g.__failRules = count;
    g.__rulesAsked = 0;
  }, n);
}

/** The next `n` injections of the validators (portal-checks.js) fail, as into a frame that navigated meanwhile. */
async function failChecksInjection(worker: Worker, n: number): Promise<void> {
  await worker.evaluate((count) => {
    type Inject = (injection: { files?: string[] }) => Promise<unknown>;
    const g = globalThis as unknown as { __failChecks?: number; chrome: { scripting: { executeScript: Inject } } };
    if (g.__failChecks === undefined) {
      const real: Inject = g.chrome.scripting.executeScript.bind(g.chrome.scripting);
      g.chrome.scripting.executeScript = (injection) => {
        if (!injection.files?.includes('/portal-checks.js') || (g.__failChecks ?? 0) <= 0) return real(injection);
        g.__failChecks = (g.__failChecks ?? 0) - 1;
        return Promise.reject(new Error('Frame with ID 0 was removed.'));
      };
    }
    g.__failChecks = count;
  }, n);
}

const asked = (worker: Worker) => worker.evaluate(() => (globalThis as unknown as Failing).__rulesAsked ?? 0);

describe('a page rules request that gets no answer', () => {
  const s = browserPerFile();
  const worker = () => {
    const w = s.context.serviceWorkers()[0];
    if (!w) throw new Error('no service worker');
    return w;
  };

  it('is asked again: the first answer lost, the page still gets its rules and hints, and is not called unchecked', async () => {
    await failRules(worker(), 1);
    const page = await s.open('province-basic-info');
    await rulesIn(page);
    expect(await asked(worker())).toBe(2);
    await typeInto(page.mainFrame(), '#txtZjhm', '370102199001011237');
    await expect.poll(() => page.locator('[data-jzs-field="idNumber"]').getAttribute('data-severity')).toBe('error');
    const panel = await panelFrame(page);
    await panel.locator('[data-jzs-summary-field="idNumber"][data-severity="error"]').waitFor();
    expect(await panel.locator('[data-jzs-validation-unchecked]').count()).toBe(0);
    await page.close();
  });

  it('is asked a bounded number of times, then the panel says the frame was not checked (never 「未发现问题」)', async () => {
    await failRules(worker(), 100);
    const page = await s.open('province-basic-info');
    const panel = await panelFrame(page);
    const unchecked = panel.locator('[data-jzs-validation-unchecked]');
    await unchecked.waitFor({ timeout: 20_000 });
    expect(await unchecked.textContent()).toContain('未能载入');
    expect(await panel.locator('[data-jzs-validation-summary] h2').textContent()).not.toContain('未发现问题');
    // Once at first, then each retry; no more come after the frame gave up.
    expect(await asked(worker())).toBe(4);
    expect(await page.locator('[data-jzs-overlay][data-rules]').count()).toBe(0);
    await page.close();
  });

  it('validators whose injection failed, then injected by a file choice: the panel shows the frame checked, with what the checks find', async () => {
    await failRules(worker(), 0);
    await failChecksInjection(worker(), 1);
    const page = await s.open('province-info-change');
    await rulesIn(page);
    const panel = await panelFrame(page);
    await panel.locator('[data-jzs-validation-unchecked]').waitFor();
    await typeInto(page.mainFrame(), '#xzjhm', '370102199001011237');
    // A file chosen: the validators come (cs:checks) and check the upload — and the page's fields.
    await page.locator('#fjFile').setInputFiles({ name: 'ok.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await page.locator('[data-jzs-upload="info-change-pdf"]').waitFor({ state: 'attached' });
    await expect.poll(() => panel.locator('[data-jzs-validation-unchecked]').count()).toBe(0);
    await panel.locator('[data-jzs-summary-field="idNumber"][data-severity="error"]').waitFor();
    expect(await page.locator('[data-jzs-field="idNumber"]').getAttribute('data-severity')).toBe('error');
    await page.close();
  });
});
