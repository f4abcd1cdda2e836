import type { Detection } from './detect';
import { headingText, normLabel, normText } from './dom';
import { labelIndex, labelOf, type PageField } from './fields';

/**
 * The "this page" structure report (issue 11 item 6, contract.md `[data-jzs-action="page-report"]`): what a
 * maintainer needs to write a page definition — URL path and query KEYS, headings, labels, control kinds,
 * ids, names, classes, table headers — and never a field value. Headings and 办件 titles often carry the
 * applicant's name, so text that looks like personal data is redacted (`redactReport`, in the background, before
 * anyone sees the report): the stored applicants' names, ID numbers, mobile numbers, and any other run of six or
 * more digits. Pure.
 */
export interface PageReport {
  format: 'jzs-page-report';
  portal: string | undefined;
  page: string | undefined;
  level: string | undefined;
  confidence: number | undefined;
  business: string | undefined;
  path: string;
  queryKeys: string[];
  headings: string[];
  labels: string[];
  controls: Array<{ tag: string; type: string; id: string; name: string; class: string; label: string; field: string | undefined }>;
  tables: string[][];
  frames: string[];
}

export function redactor(names: readonly string[]): (text: string) => string {
  const known = names.map((n) => n.trim()).filter((n) => n.length >= 2);
  return (text) => {
    let out = text
      .replace(/\d{17}[\dXx]|\d{15}/g, '[身份证号]')
      .replace(/(?:\+?86)?1[3-9]\d{9}/g, '[手机号]')
      .replace(/\d{6,}/g, '[数字]');
    for (const n of known) out = out.split(n).join('[姓名]');
    return out;
  };
}

/**
 * Every text of a report passed through `redactor`: in the background, which has the stored applicants' names
 * (the content script that built the report never has them, issue 11.6), the one pass before the panel shows it.
 * The report travels to it raw, inside the extension, as the page's label texts do.
 */
export function redactReport(report: PageReport, names: readonly string[]): PageReport {
  const r = redactor(names);
  const opt = (s: string | undefined) => (s === undefined ? undefined : r(s));
  // Field by field, no spread: a field added to PageReport must be added here (the type says so), or it
  // would pass unredacted.
  return {
    format: report.format,
    portal: opt(report.portal),
    page: opt(report.page),
    level: opt(report.level),
    confidence: report.confidence,
    business: opt(report.business),
    path: r(report.path),
    queryKeys: report.queryKeys.map(r),
    headings: report.headings.map(r),
    labels: report.labels.map(r),
    controls: report.controls.map((c) => ({ tag: r(c.tag), type: r(c.type), id: r(c.id), name: r(c.name), class: r(c.class), label: r(c.label), field: opt(c.field) })),
    tables: report.tables.map((row) => row.map(r)),
    frames: report.frames.map(r),
  };
}

const cut = (s: string) => (s.length > 80 ? `${s.slice(0, 80)}…` : s);
const pathOf = (src: string | null) => {
  try {
    return new URL(src ?? '', 'http://x.invalid').pathname;
  } catch {
    return '';
  }
};

/**
 * The report as the page shows it, not yet redacted (`redactReport` does that in the background). `fields`: the
 * page's fields as mapped (fields.ts `mapControls`), which says each control's field.
 */
export function pageReport(doc: Document, url: URL, d: Detection | undefined, fields: readonly PageField[]): PageReport {
  const mapped = new Map(fields.map((f) => [f.input, f]));
  const index = labelIndex(doc);
  const controls = Array.from(doc.querySelectorAll<HTMLInputElement>('input, select, textarea'))
    .filter((el) => el.type !== 'hidden' && !el.closest('jzs-overlay'))
    .slice(0, 200)
    .map((el) => {
      const f = mapped.get(el);
      return {
        tag: el.localName,
        type: el.type ?? '',
        id: el.id,
        name: el.getAttribute('name') ?? '',
        class: el.className,
        // The control's label as a person reads it (never the text of a cell that may hold a value).
        label: f?.label ?? labelOf(doc, el, el.id, index, el),
        field: f?.key,
      };
    });
  const tables = Array.from(doc.querySelectorAll('table'))
    .map((t) => Array.from(t.querySelector('tr')?.children ?? [], (c) => cut(normText(c.textContent))))
    .filter((h) => h.some(Boolean))
    .slice(0, 20);
  return {
    format: 'jzs-page-report',
    portal: d?.portal,
    page: d?.page,
    level: d?.level,
    confidence: d?.confidence,
    business: d?.business,
    path: url.pathname,
    queryKeys: [...new Set(url.searchParams.keys())],
    headings: headingText(doc).split(' | ').map(cut).filter(Boolean).slice(0, 40),
    labels: [
      ...new Set([
        ...controls.map((c) => c.label),
        ...Array.from(doc.querySelectorAll('label, [role="control"][label]'), (l) => normLabel(l.getAttribute('label') ?? l.textContent)),
      ]),
    ]
      .filter(Boolean)
      .slice(0, 200),
    controls,
    tables,
    frames: Array.from(doc.querySelectorAll('iframe, frame'), (f) => pathOf(f.getAttribute('src'))),
  };
}
