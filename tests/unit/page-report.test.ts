import { describe, expect, it } from 'vitest';
import { fieldViews } from '../../src/background/handlers';
import { detectPage } from '../../src/portals/detect';
import { mapFields } from '../helpers/map-fields';
import { pageReport, redactReport } from '../../src/portals/page-report';
import { bundledPack } from '../../src/rules/bundled';
import { REPLICAS } from '../fixtures/replicas';
import { replicaDocument } from '../helpers/replica-dom';

const defs = fieldViews(bundledPack().fields);
// A known profile (valid check digit, plausible mobile).
const PROFILE = { name: '欧阳晓明', idNumber: '370102199001011231', mobile: '13912345678', email: 'oyxm@example.com', address: '济南市历下区经十路14306号' };

describe('the "this page" structure report', () => {
  for (const r of REPLICAS.filter((x) => x.page !== null)) {
    it(`${r.name}: carries no field value, name, ID number or mobile`, () => {
      const doc = replicaDocument(r, 'rendered');
      // Fill the page as a fill would, and put the applicant's name where 办件 titles put it.
      for (const f of mapFields(doc, defs)) {
        const value = (PROFILE as Record<string, string>)[f.key];
        if (value && 'value' in f.input) (f.input as HTMLInputElement).value = value;
      }
      for (const el of doc.querySelectorAll('input[type=text], input:not([type]), textarea')) (el as HTMLInputElement).value ||= `值${PROFILE.mobile}`;
      const h = doc.createElement('h2');
      h.textContent = `${PROFILE.name}的二级建造师注册申请（${PROFILE.idNumber}，${PROFILE.mobile}）`;
      doc.body.prepend(h);
      doc.title = `${PROFILE.name} - ${doc.title}`;
      const url = new URL(r.url);
      // As the panel gets it: built in the page's frame, redacted in the background with the stored names.
      const text = JSON.stringify(redactReport(pageReport(doc, url, detectPage(url, doc), mapFields(doc, defs)), [PROFILE.name]));
      for (const secret of Object.values(PROFILE)) expect(text, r.name).not.toContain(secret);
      expect(text).not.toMatch(/\d{6,}/);
      for (const v of url.searchParams.values()) if (v.length > 3) expect(text).not.toContain(v);
      // …and still says what a maintainer needs.
      expect(text).toContain(url.pathname);
      expect(text).toContain('[姓名]');
    });
  }

  it('lists labels, control kinds and table headers of an unrecognised form', () => {
    document.body.innerHTML = `<h3>资料补充</h3><div><label>申请人姓名</label><input id="sqr" name="sqr" class="txt"></div>
      <table><tr><th>材料名称</th><th>状态</th></tr><tr><td>身份证</td><td>已上传</td></tr></table>`;
    const url = new URL('http://124.128.226.254:8090/epoint-web-zwdt/epointzwmhwz/pages/other/page?guid=abcdef-123');
    const report = pageReport(document, url, detectPage(url, document), mapFields(document, defs));
    expect(report.queryKeys).toEqual(['guid']);
    expect(report.controls[0]).toMatchObject({ tag: 'input', id: 'sqr', name: 'sqr', class: 'txt', label: '申请人姓名', field: 'name' });
    expect(report.tables).toEqual([['材料名称', '状态']]);
    expect(report.headings).toContain('资料补充');
  });
});

describe('the background redaction of a structure report', () => {
  it('removes stored applicants\' names from every text of the report, keeps its shape', () => {
    const replica = REPLICAS.find((x) => x.page !== null);
    if (!replica) throw new Error('no recognised replica');
    const doc = replicaDocument(replica, 'rendered');
    const h = doc.createElement('h2');
    h.textContent = `${PROFILE.name}的注册申请`;
    doc.body.prepend(h);
    const url = new URL(replica.url);
    // As the content script builds it: raw (it has no names; the background redacts).
    const raw = pageReport(doc, url, detectPage(url, doc), mapFields(doc, defs));
    expect(JSON.stringify(raw)).toContain(PROFILE.name);
    const out = redactReport(raw, ['张三', PROFILE.name]);
    expect(JSON.stringify(out)).not.toContain(PROFILE.name);
    expect(out.headings).toContain('[姓名]的注册申请');
    expect(out.controls).toHaveLength(raw.controls.length);
    expect(out.confidence).toBe(raw.confidence);
  });
});
