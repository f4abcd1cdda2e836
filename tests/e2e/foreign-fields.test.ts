import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replica } from '../fixtures/replicas';
import { ZHANG } from '../helpers/applicants';
import { launch, ROOT, rulesIn, sendFrom, type Session } from './harness';

/**
 * A provincial 基本资料 page as a real one may be laid out beside the replica: an agent's section repeating the
 * applicant's labels under its own heading (a fieldset's legend), and a row copied with the id of the applicant's
 * telephone box, relabelled for a proxy. The preview offers none of those boxes, and the fill leaves them empty while
 * the applicant's own get the profile's values (a wrong value is worse than none). Served at the replica's own
 * address through the harness's routing (network guards as everywhere).
 */
const OTHERS = `<fieldset><legend>代办人信息</legend><table class="tableForm">
  <tr><td class="tdTitle">姓&nbsp;&nbsp;名：</td><td><input type="text" id="dbrXm" name="dbrxm" class="inputText"></td>
      <td class="tdTitle">手机号码：</td><td><input type="text" id="dbrSjhm" name="dbrsjhm" class="inputText"></td></tr>
  <tr><td class="tdTitle">证件号码：</td><td colspan="3"><input type="text" id="dbrZjhm" name="dbrzjhm" class="inputText"></td></tr>
</table></fieldset>
<table class="tableForm"><tr><td class="tdTitle">受托人联系电话：</td><td><input type="text" id="txtGddh" name="stdh" class="inputText copied"></td></tr></table>`;

describe("other people's boxes beside the applicant's", () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
    const bench = await s.openExtensionPage('options.html');
    const { id } = await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: ZHANG } });
    await sendFrom(bench, 'ui:active.set', { id });
    await bench.close();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('previews and fills only the applicant\'s boxes; the agent\'s section and a copied row stay empty', async () => {
    const r = replica('province-basic-info');
    const html = readFileSync(join(ROOT, 'tests', 'fixtures', r.file), 'utf8').replace('</table>', `</table>\n${OTHERS}`);
    const page = await s.context.newPage();
    // Only this one portal address gets the changed page; everything else goes through the harness's routing.
    await page.route((url) => url.href === r.url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto(r.url, { waitUntil: 'load' });
    await rulesIn(page);
    const popup = await s.openExtensionPage('popup.html');
    await popup.locator('[data-jzs-action="fill"]').click();
    const preview = popup.locator('[data-jzs-fill-preview]');
    await preview.waitFor();
    for (const key of ['name', 'mobile', 'idNumber', 'phone']) expect(await preview.locator(`[data-jzs-fill-item][data-key="${key}"]`).count(), key).toBe(1);
    await popup.locator('[data-jzs-action="confirm-fill"]').click();
    await popup.locator('[data-jzs-fill-results]').waitFor();
    expect(await page.locator('#txtXm').inputValue()).toBe(ZHANG.name);
    expect(await page.locator('#txtZjhm').inputValue()).toBe(ZHANG.idNumber);
    expect(await page.locator('#txtGddh:not(.copied)').inputValue()).toBe(ZHANG.phone);
    for (const sel of ['#dbrXm', '#dbrSjhm', '#dbrZjhm', 'input.copied']) expect(await page.locator(sel).inputValue(), sel).toBe('');
    await popup.close();
    await page.close();
  });
});
