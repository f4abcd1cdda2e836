import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { replica } from '../fixtures/replicas';
import { ZHANG } from '../helpers/applicants';
import { createActiveProfile, panelFrame, ROOT, rulesIn } from './harness';
import { browserPerFile } from './per-file';

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
  const s = browserPerFile();
  beforeAll(async () => {
    const bench = await s.openExtensionPage('options.html');
    await createActiveProfile(bench, { data: ZHANG });
    await bench.close();
  });

  /** The replica's page changed by `edit`, served at its own address (everything else through the harness's routing). */
  async function openChanged(name: string, edit: (html: string) => string) {
    const r = replica(name);
    const html = edit(readFileSync(join(ROOT, 'tests', 'fixtures', r.file), 'utf8'));
    const page = await s.context.newPage();
    await page.route((url) => url.href === r.url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto(r.url, { waitUntil: 'load' });
    await rulesIn(page);
    return page;
  }

  it('previews and fills only the applicant\'s boxes; the agent\'s section and a copied row stay empty', async () => {
    const page = await openChanged('province-basic-info', (html) => html.replace('</table>', `</table>\n${OTHERS}`));
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

  it('a field the page should have but whose label is not read is named in the panel, with what that means for the fill', async () => {
    // The mobile's label cut to a word that could name any number: the box is left alone (and the fixed line's box is
    // not taken for the mobile instead), and the panel says which field it did not find and what that means.
    const page = await openChanged('province-basic-info', (html) => html.replace('手机号码：</td>', '号码：</td>'));
    const panel = await panelFrame(page);
    const line = panel.locator('[data-jzs-missing-fields]');
    await line.waitFor();
    expect(await line.textContent()).toMatch(/1 项应有的字段未能认出：手机。.*不会填写/);
    await page.close();
  });
});
