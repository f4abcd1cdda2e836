import '../../src/i18n/all';
import { describe, expect, it } from 'vitest';
import { fieldViews } from '../../src/background/handlers';
import { PageValidator } from '../../src/content/validation';
import { readText } from '../../src/portals/fields';
import { readsPage } from '../helpers/checker';
import { mapFields } from '../helpers/map-fields';
import { bundledPack as pack } from '../../src/rules/bundled';
import { expectedFields } from '../../src/portals/page';
import { bundledPack } from '../../src/rules/bundled';
import { genericChecks } from '../../src/rules/view';
import { checklistView } from '../../src/rules/view';
import { REPLICAS } from '../fixtures/replicas';
import { replicaDocument } from '../helpers/replica-dom';

const defs = fieldViews(bundledPack().fields);
const pageById = (id: string) => pack().pages.find((p) => p.id === id);

describe('field mapping on the replicas', () => {
  // Inline page scripts are not run in unit tests, so MiniUI lists filled from page data stay empty here
  // (申请注册专业 on the e-form); the browser tests see them rendered.
  const notRenderedHere: Record<string, string[]> = { 'zwdt-eform-initial': ['specialty'] };

  for (const r of REPLICAS.filter((x) => x.page && pageById(x.page)?.expects)) {
    it(`${r.name}: finds every field the page is expected to show`, () => {
      const doc = replicaDocument(r, 'rendered');
      const keys = new Set(mapFields(doc, defs).map((f) => f.key));
      const expected = expectedFields(pageById(r.page!), r.business).filter((k) => !(notRenderedHere[r.name] ?? []).includes(k));
      expect([...expected].filter((k) => !keys.has(k))).toEqual([]);
    });
  }

  it('reads labels from every markup style the portals use', () => {
    const labelOf = (name: string, key: string) =>
      mapFields(replicaDocument(REPLICAS.find((r) => r.name === name)!, 'rendered'), defs)
        .filter((f) => f.key === key)
        .map((f) => f.label);
    expect(labelOf('province-basic-info', 'name')).toEqual(['姓名']); // <td>姓&nbsp;&nbsp;名：</td>
    expect(labelOf('zwdt-declaration-initial', 'mobile')).toEqual(['联系人手机']); // role=control label=…
    expect(labelOf('zwdt-eform-change', 'contractEnd')).toEqual(['劳动合同结束日期']); // <label for="X$text">…<span>*</span>:
    expect(labelOf('province-declaration-renewal', 'contractEnd')).toEqual(['劳动合同终止日期']); // <dt>
    expect(labelOf('province-declaration-initial', 'employerName')).toEqual(['聘用单位', '请输入上报的单位名称']); // text before
  });

  it('a box with no label cell is named by its placeholder or the line above it, never by the box before it', () => {
    document.body.innerHTML = `<table><tr><td>姓名：</td><td><input id="a"></td><td></td><td><input id="b" placeholder="请输入身份证号"></td></tr>
      <tr><td></td><td><div class="field-title">手机号码</div><input id="c"></td><td>电子邮箱：</td><td><input id="d"></td></tr></table>
      <div class="row"><div class="label">通讯地址：</div><div class="box"><input id="e"></div></div>
      <div class="row"><div class="label"></div><div class="box"><input id="f" title="邮政编码"></div></div>`;
    const got = mapFields(document, defs).map((f) => `${f.id}:${f.key}`);
    expect(got).toEqual(['a:name', 'b:idNumber', 'c:mobile', 'd:email', 'e:address', 'f:postcode']);
  });

  it('an empty <label for> says nothing: the name shown elsewhere counts', () => {
    document.body.innerHTML = '<div><label for="x"></label><input id="x" placeholder="请输入手机号码"></div>';
    expect(mapFields(document, defs).map((f) => f.key)).toEqual(['mobile']);
  });

  it('a company form maps the company, not the applicant', () => {
    const r = REPLICAS.find((x) => x.name === 'province-company-register')!;
    const only = pageById('province-company-register')!.onlyFields!;
    const keys = mapFields(replicaDocument(r, 'rendered'), defs).filter((f) => only.includes(f.key)).map((f) => f.key);
    expect(keys).toEqual(['employerName', 'employerCreditCode']);
  });

  it('a box for an earlier value, another party or an attribute of the ID card gets no field; the applicant\'s own do', () => {
    // 变更注册: 原聘用单位 is the employer being left — filling the current one there was a wrong value.
    const change = mapFields(replicaDocument(REPLICAS.find((x) => x.name === 'province-declaration-change')!, 'rendered'), defs);
    expect(change.filter((f) => f.key === 'employerName').map((f) => f.id)).toEqual(['xpydw', 'sbdwmc']);
    expect(change.find((f) => f.id === 'ypydw')).toBeUndefined();
    const wrong = ['原聘用单位', '原单位名称', '原注册编号', '变更前姓名', '旧手机号码', '身份证有效期', '身份证有效期至', '证件有效期至', '身份证地址', '身份证签发机关', '审核人电话', '受理人手机', '邮政编码（单位）', '身份证号（母亲）'];
    const right: Array<[string, string]> = [
      ['申请人手机号', 'mobile'], ['申请人身份证号码', 'idNumber'], ['申请人联系电话', 'phone'], ['新聘用单位', 'employerName'], ['现工作单位', 'employerName'],
      ['原单位解聘日期', 'dismissalDate'], ['与原单位解聘日期', 'dismissalDate'], ['聘用单位统一社会信用代码', 'employerCreditCode'], ['身份证号码（必填）', 'idNumber'],
    ];
    const row = (label: string, i: number) => `<tr><td>${label}：</td><td><input id="f${i}"></td></tr>`;
    document.body.innerHTML = `<table>${[...wrong, ...right.map(([l]) => l)].map(row).join('')}</table>`;
    const got = new Map(mapFields(document, defs).map((f) => [f.id, f.key]));
    expect(wrong.map((l, i) => [l, got.get(`f${i}`)])).toEqual(wrong.map((l) => [l, undefined]));
    expect(right.map(([l], i) => [l, got.get(`f${wrong.length + i}`)])).toEqual(right);
  });

  it('a modifier naming another person, body or thing, or another kind of the same thing, makes the box not the applicant\'s', () => {
    // Chinese names the thing last: 项目负责人姓名 is the project manager's name, 开户银行地址 the bank's address,
    // 户籍地址 not the 通讯地址 the profile holds. Composed, not listed: every modifier with every head.
    const heads: Array<[string, string]> = [['姓名', 'name'], ['地址', 'address'], ['联系电话', 'phone'], ['手机号码', 'mobile'], ['身份证号', 'idNumber'], ['电子邮箱', 'email'], ['邮政编码', 'postcode']];
    const others = ['项目', '工程', '项目负责人', '技术负责人', '收件人', '开户银行', '学校', '医院', '担保公司', '监理工程师', '经办员', '施工企业'];
    const kinds = ['户籍', '办公', '注册', '籍贯'];
    const own = ['申请人', '本人', '个人', '常用', '现'];
    const wrong = [...others, ...kinds].flatMap((m) => heads.filter(([h]) => !(kinds.includes(m) && h.length > 2)).map(([h]) => m + h));
    const right = own.flatMap((m) => heads.map(([h, key]): [string, string] => [m + h, key]));
    const row = (label: string, i: number) => `<tr><td>${label}：</td><td><input id="f${i}"></td></tr>`;
    document.body.innerHTML = `<table>${[...wrong, ...right.map(([l]) => l)].map(row).join('')}</table>`;
    const got = new Map(mapFields(document, defs).map((f) => [f.id, f.key]));
    expect(wrong.map((l, i) => [l, got.get(`f${i}`)])).toEqual(wrong.map((l) => [l, undefined]));
    expect(right.map(([l], i) => [l, got.get(`f${wrong.length + i}`)])).toEqual(right);
    // The employer: which body is the applicant's is said by 聘用, 工作, 所在; 施工单位, 监理单位名称, 派遣单位 are others.
    const bodies: Array<[string, string | undefined]> = [['施工单位', undefined], ['监理单位名称', undefined], ['派遣单位', undefined], ['发证单位', undefined], ['建设单位统一社会信用代码', undefined],
      ['受聘单位名称', 'employerName'], ['现工作单位', 'employerName'], ['所在单位名称', 'employerName'], ['聘用单位统一社会信用代码', 'employerCreditCode']];
    document.body.innerHTML = `<table>${bodies.map(([l], i) => row(l, i)).join('')}</table>`;
    const gotBodies = new Map(mapFields(document, defs).map((f) => [f.id, f.key]));
    expect(bodies.map(([l], i) => [l, gotBodies.get(`f${i}`)])).toEqual(bodies);
  });

  it('a word after the field\'s name that names a part of it makes it another field: 姓名拼音, 电话区号', () => {
    const labels: Array<[string, string | undefined]> = [['姓名拼音', undefined], ['联系电话区号', undefined], ['手机号码归属地', undefined], ['申请人全称', 'name'], ['电子邮箱地址', 'email'], ['联系电话1', 'phone'], ['联系电话2', undefined]];
    document.body.innerHTML = `<table>${labels.map(([l], i) => `<tr><td>${l}：</td><td><input id="f${i}"></td></tr>`).join('')}</table>`;
    const got = new Map(mapFields(document, defs).map((f) => [f.id, f.key]));
    expect(labels.map(([l], i) => [l, got.get(`f${i}`)])).toEqual(labels);
  });

  it('a validity date that does not say whose gets no field: 有效期 alone may be the ID card\'s, the B certificate\'s or the registration\'s', () => {
    // After an ID-number row, a bare 有效期 is most likely the card's; on 安全生产考核 pages it is the B certificate's.
    const labels = ['身份证号码', '有效期', '有效期至', '证书有效期', '安全生产考核合格证书有效期', '注册有效期至', '注册有效期'];
    document.body.innerHTML = `<table>${labels.map((l, i) => `<tr><td>${l}：</td><td><input id="f${i}"></td></tr>`).join('')}</table>`;
    const got = new Map(mapFields(document, defs).map((f) => [f.id, f.key]));
    expect(labels.map((l, i) => [l, got.get(`f${i}`)])).toEqual([
      ['身份证号码', 'idNumber'], ['有效期', undefined], ['有效期至', undefined], ['证书有效期', undefined], ['安全生产考核合格证书有效期', undefined],
      ['注册有效期至', 'registrationExpiry'], ['注册有效期', 'registrationExpiry'],
    ]);
  });

  /** Each label in its own table row; the field each row's box is mapped to. */
  const mapRows = (labels: readonly string[]) => {
    document.body.innerHTML = `<table>${labels.map((l, i) => `<tr><td>${l}：</td><td><input id="f${i}"></td></tr>`).join('')}</table>`;
    const got = new Map(mapFields(document, defs).map((f) => [f.id, f.key]));
    return labels.map((l, i) => [l, got.get(`f${i}`)] as const);
  };
  const personal: Array<[string, string]> = [['姓名', 'name'], ['手机号码', 'mobile'], ['身份证号', 'idNumber'], ['联系电话', 'phone'], ['电子邮箱', 'email']];

  it('a person named by a role before a personal field is someone else unless the role is the applicant\'s', () => {
    // Roles of people other than the applicant on 申报 forms (an agency's clerk, a proxy, the one filling in, kin).
    const others = ['代办人', '受托人', '被授权人', '填报人', '经手人', '证明人', '收件人', '工作人员', '家庭成员', '子女', '亲属', '项目技术负责人'];
    const own = ['申请人', '本人', '持证人', '注册人员', '联系人'];
    const wrong = others.flatMap((role) => personal.map(([label]) => `${role}${label}`));
    expect(mapRows(wrong).filter(([, key]) => key !== undefined)).toEqual([]);
    // The same role in a note in brackets after the field's name.
    expect(mapRows(others.map((role) => `手机号码（${role}）`)).filter(([, key]) => key !== undefined)).toEqual([]);
    const right = own.flatMap((role) => personal.map(([label, key]) => [`${role}${label}`, key] as const));
    expect(mapRows(right.map(([l]) => l))).toEqual(right);
  });

  it('an employer or a value named as the one being left gets no field, wherever the qualifier stands', () => {
    const former = ['原', '原执业', '上一', '调出', '离职', '解聘', '变更前'];
    const employer = ['单位', '单位名称', '聘用单位', '统一社会信用代码'];
    const wrong = former.flatMap((q) => employer.map((l) => `${q}${l}`));
    expect(mapRows([...wrong, '聘用单位（原）']).filter(([, key]) => key !== undefined)).toEqual([]);
    // A field about the employer left is read through the qualifier; the new side keeps its field.
    expect(mapRows(['原聘用单位解聘日期', '与原单位解聘日期', '现聘用单位', '新聘用单位名称'])).toEqual([
      ['原聘用单位解聘日期', 'dismissalDate'], ['与原单位解聘日期', 'dismissalDate'], ['现聘用单位', 'employerName'], ['新聘用单位名称', 'employerName'],
    ]);
  });

  it('the last word of a label names what it asks for: a known label going on with another field or kind is not that field', () => {
    // Known labels + a word for a number, a date or another field: the box asks for that (Chinese puts the head last).
    const heads = ['编号', '证书编号', '日期', '地址', '电话'];
    const notThese = ['学历', '聘用单位', '毕业院校', '所学专业', '工作单位', '民族'];
    const cases = notThese.flatMap((known) => heads.map((h) => `${known}${h}`));
    const known = new Map(mapRows(notThese));
    expect(mapRows(cases).filter(([label, key]) => key !== undefined && notThese.some((n) => label.startsWith(n) && known.get(n) === key))).toEqual([]);
    // When the head is a field of its own and the qualifier is the applicant's, it is that field.
    expect(mapRows(['本人手机号', '联系人手机号码', '邮箱地址', '电子邮箱地址', '身份证号码', '毕业院校名称'])).toEqual([
      ['本人手机号', 'mobile'], ['联系人手机号码', 'mobile'], ['邮箱地址', 'email'], ['电子邮箱地址', 'email'], ['身份证号码', 'idNumber'], ['毕业院校名称', 'school'],
    ]);
    // The address's postcode is a postcode or nothing, never the address.
    expect(mapRows(['通讯地址邮编'])[0]?.[1]).not.toBe('address');
  });

  it('a label that is one field\'s known label cut short is never mapped to another field it happens to hold', () => {
    // 考试报名单位 (examEmployerName) cut to 报名单位 also holds 单位 (employerName): it may mean either.
    const lexicon = pack().fields.flatMap((f) => f.labels.map((l) => [l, f.key] as const));
    const cut = lexicon.flatMap(([l, key]) => {
      const tail = l.slice(2);
      const other = lexicon.find(([k, otherKey]) => otherKey !== key && tail.length > k.length && tail.includes(k));
      return tail.length >= 3 && other && !lexicon.some(([k]) => k === tail) ? [[tail, other[1]] as const] : [];
    });
    expect(cut.length).toBeGreaterThan(0);
    const got = new Map(mapRows(cut.map(([tail]) => tail)));
    expect(cut.filter(([tail, other]) => got.get(tail) === other)).toEqual([]);
  });

  it("a section headed by another party holds that party's boxes, in every heading markup; the applicant's and the contact's keep theirs", () => {
    const rows = (prefix: string) => personal.map(([label], i) => `<tr><td>${label}：</td><td><input id="${prefix}${i}"></td></tr>`).join('');
    const heads: Array<(t: string, body: string) => string> = [
      (t, body) => `<fieldset><legend>${t}</legend><table>${body}</table></fieldset>`,
      (t, body) => `<div class="block"><div class="block-head"><span class="block-title">${t}</span></div><table>${body}</table></div>`,
      (t, body) => `<table><tr><td colspan="2">${t}</td></tr>${body}</table>`,
      (t, body) => `<div><h4>${t}</h4><table>${body}</table></div>`,
    ];
    for (const head of heads) {
      for (const other of ['代办人信息', '二、法定代表人基本情况', '经办人', '被委托人资料']) {
        document.body.innerHTML = head('申请人信息', rows('a')) + head(other, rows('o')) + head('联系人信息', rows('c'));
        const got = mapFields(document, defs);
        expect(got.filter((f) => f.id.startsWith('o')).map((f) => `${other}: ${f.label}→${f.key}`)).toEqual([]);
        expect(got.filter((f) => f.id.startsWith('a')).map((f) => f.key)).toEqual(personal.map(([, key]) => key));
        expect(got.filter((f) => f.id.startsWith('c')).map((f) => f.key)).toEqual(personal.map(([, key]) => key));
      }
    }
    // A unit's section: its contact details are not the applicant's, its name and credit code are the employer's.
    document.body.innerHTML = heads[0]!('聘用单位信息', '<tr><td>单位名称</td><td><input id="u1"></td></tr><tr><td>联系电话</td><td><input id="u2"></td></tr><tr><td>地址</td><td><input id="u3"></td></tr>');
    expect(mapFields(document, defs).map((f) => `${f.id}:${f.key}`)).toEqual(['u1:employerName']);
  });

  it('a copied row keeps neither the label nor the known id of the row it was copied from', () => {
    // The browser gives <label for> to the first element with the id; a known portal id repeated names only the first.
    document.body.innerHTML = `<div><label for="sj">手机号码</label><input id="sj"></div><table><tr><td>代办人电话</td><td><input id="sj"></td></tr></table>
      <div role="control" label="联系人手机"><input id="contactmobile"></div><table><tr><td>紧急联系人电话</td><td><input id="contactmobile"></td></tr></table>`;
    const inputs = Array.from(document.querySelectorAll('input'));
    const got = mapFields(document, defs);
    expect(inputs.map((el) => got.find((f) => f.input === el)?.key)).toEqual(['mobile', undefined, 'mobile', undefined]);
  });

  it('several boxes under one label get none of it; each box is read by its own words', () => {
    const layouts = [
      // One Epoint label over two controls.
      '<div role="control" label="联系人"><input id="a"><input id="b" placeholder="手机号码"></div>',
      // Two boxes in one cell (an earlier value and the new one, or 区号 and number).
      '<table><tr><td>联系人</td><td><input id="a"><input id="b" placeholder="手机号码"></td></tr></table>',
      // A label before two wrapped boxes in a div layout.
      '<div class="item"><label>联系人</label><div class="c"><input id="a"></div><div class="c"><input id="b" placeholder="手机号码"></div></div>',
    ];
    for (const html of layouts) {
      document.body.innerHTML = html;
      expect(mapFields(document, defs).map((f) => `${f.id}:${f.key}`), html).toEqual(['b:mobile']);
    }
  });

  it('labels written after their boxes are not taken by the next box', () => {
    const line = (wrap: (box: string, label: string) => string) => personal.slice(0, 3).map(([label], i) => wrap(`<input id="f${i}">`, label)).join('');
    for (const html of [
      `<p>${line((box, label) => `${box} ${label} `)}</p>`,
      `<div>${line((box, label) => `<span>${box}</span><span>${label}</span>`)}</div>`,
      `<table><tr>${line((box, label) => `<td>${box}</td><td>${label}</td>`)}</tr></table>`,
    ]) {
      document.body.innerHTML = html;
      expect(mapFields(document, defs).map((f) => `${f.id}:${f.key}`), html).toEqual([]);
    }
    // Labels before their boxes in the same markup still name them.
    document.body.innerHTML = `<p>${line((box, label) => `${label} ${box} `)}</p>`;
    expect(mapFields(document, defs).map((f) => f.key)).toEqual(personal.slice(0, 3).map(([, key]) => key));
  });

  it('where a company applies (法人办事: 申请人类型 企业, or a credit code as the applicant\'s ID type), the 申请人 boxes are not the person\'s', () => {
    const page = (kind: string, idType: string) => `
      <div role="control" label="申请人类型"><input type="radio" name="t" value="10" ${kind === '企业' ? 'checked' : ''}><label>企业</label><input type="radio" name="t" value="20" ${kind === '个人' ? 'checked' : ''}><label>个人</label></div>
      <div role="control" label="申请人名称"><input id="applyername"></div>
      <div role="control" label="证照类型"><select id="certtype"><option value="1" selected>${idType}</option></select></div>
      <div role="control" label="证件号码"><input id="certnum"></div>
      <div role="control" label="联系人姓名"><input id="contactperson"></div>`;
    const keys = (html: string) => {
      document.body.innerHTML = html;
      return mapFields(document, defs).map((f) => `${f.id}:${f.key}`);
    };
    expect(keys(page('个人', '身份证'))).toEqual(['applyername:name', 'certnum:idNumber', 'contactperson:name']);
    expect(keys(page('企业', '统一社会信用代码'))).toEqual(['contactperson:name']);
    expect(keys(page('企业', '身份证'))).toEqual(['contactperson:name']);
    expect(keys(page('', '统一社会信用代码'))).toEqual(['contactperson:name']);
  });

  it('a label cut short is read as a field only when one field\'s known labels hold it', () => {
    // Every known label's first characters, where the lexicon holds those characters in labels of two fields.
    const lexicon = pack().fields.flatMap((f) => f.labels.map((l) => [l, f.key] as const));
    const exact = new Set(lexicon.map(([l]) => l));
    const cuts = [...new Set(lexicon.flatMap(([l]) => [2, 3].map((n) => l.slice(0, n))))].filter((cut) => !exact.has(cut));
    const twoFields = cuts.filter((cut) => new Set(lexicon.filter(([l]) => l.includes(cut)).map(([, key]) => key)).size > 1);
    expect(twoFields.length).toBeGreaterThan(0);
    expect(mapRows(twoFields).filter(([, key]) => key !== undefined)).toEqual([]);
    expect(mapRows(['证件号', '合同开始'])).toEqual([['证件号', 'idNumber'], ['合同开始', 'contractStart']]);
  });

  it('证件号码 is not an ID number when 证件类型 is not 身份证', () => {
    document.body.innerHTML = `<table><tr><td>证件类型：</td><td><select id="t"><option value="3" selected>护照</option></select></td></tr>
      <tr><td>证件号码：</td><td><input id="n" value="E12345678"></td></tr></table>`;
    expect(mapFields(document, defs).map((f) => f.key)).not.toContain('idNumber');
    (document.getElementById('t') as HTMLSelectElement).innerHTML = '<option value="1" selected>居民身份证</option>';
    expect(mapFields(document, defs).map((f) => f.key)).toContain('idNumber');
  });
});

describe('inline hints', () => {
  const setup = (html: string, business?: 'initial') => {
    document.body.innerHTML = html;
    const summaries: unknown[] = [];
    const v = new PageValidator(document, {
      defs,
      checks: business ? checklistView(bundledPack(), business).checks : genericChecks(bundledPack()),
      expected: ['name', 'idNumber', 'contractEnd'],
      conditions: () => new Set(),
      now: () => new Date('2026-11-23T12:00:00+08:00'), // noon in Jinan: "today" is Jinan's date
      onSummary: (s) => summaries.push(s),
      readText: readsPage,
    }, mapFields(document, defs));
    return { v, summaries };
  };
  const hint = (key: string) => document.querySelectorAll(`[data-jzs-field="${key}"]`);

  it('puts exactly one hint per field key beside the first field, and clears it when fixed', () => {
    const { v } = setup(`<table><tr><td>姓名：</td><td><input id="a" value="张三"></td></tr>
      <tr><td>证件号码：</td><td><input id="b" value="370102199001011237"></td></tr>
      <tr><td>联系人身份证号：</td><td><input id="c" value="370102199001011237"></td></tr></table>`);
    expect(hint('idNumber')).toHaveLength(1);
    expect(hint('idNumber')[0]!.previousElementSibling?.id).toBe('b');
    expect(hint('idNumber')[0]!.getAttribute('data-severity')).toBe('error');
    expect(hint('idNumber')[0]!.textContent).toContain('校验位错误');
    expect(hint('name')[0]!.getAttribute('data-severity')).toBe('ok');
    (document.getElementById('b') as HTMLInputElement).value = '370102199001011231';
    v.validate();
    expect(hint('idNumber')).toHaveLength(1);
    expect(hint('idNumber')[0]!.getAttribute('data-severity')).toBe('ok');
  });

  it('speaks of the box being entered, not of a read-only one showing the value on record', () => {
    // The contract registered before, shown read-only (too short now), above the box for the new one.
    const { v } = setup(
      `<table><tr><td>劳动合同截止日期：</td><td><input id="old" readonly value="2026-12-31"></td></tr>
       <tr><td>劳动合同截止日期（新）：</td><td><input id="new" value=""></td></tr></table>`,
      'initial',
    );
    (document.getElementById('new') as HTMLInputElement).value = '2028-06-30';
    v.validate();
    expect(hint('contractEnd')).toHaveLength(1);
    expect(hint('contractEnd')[0]!.previousElementSibling?.id).toBe('new');
    expect(hint('contractEnd')[0]!.getAttribute('data-severity')).toBe('ok');
  });

  it('reports fields the rules expect but the page lacks, and cross-field results', () => {
    const { summaries } = setup(
      `<table><tr><td>姓名：</td><td><input value="张三"></td></tr>
       <tr><td>劳动合同开始日期：</td><td><input value="2026-01-01"></td></tr></table>`,
      'initial',
    );
    const s = summaries.at(-1) as { missing: Array<{ key: string }> };
    expect(s.missing.map((m) => m.key)).toEqual(['idNumber', 'contractEnd']);
  });

  it('checks a contract end typed as 2027年11月22日 against today + 1 year', () => {
    const { v } = setup(`<table><tr><td>劳动合同截止日期：</td><td><input id="e" value="2027年11月22日"></td></tr></table>`, 'initial');
    expect(hint('contractEnd')[0]!.getAttribute('data-severity')).toBe('error');
    (document.getElementById('e') as HTMLInputElement).value = '2027/11/23';
    v.validate();
    expect(hint('contractEnd')[0]!.getAttribute('data-severity')).toBe('ok');
    expect(readText(document, mapFields(document, defs)[0]!)).toBe('2027/11/23');
  });
});
