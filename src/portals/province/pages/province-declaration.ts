import { businessFromText } from '../../../domain/business-text';
import { hasHeading, selectedTabText } from '../../dom';
import { anyPath, businessFromHeadings, definePage } from '../../page';

/**
 * 注册申报: pick the business, fill it, enter the reporting company's name, 上报单位 (seed §一 1(5)).
 * The business is the selected tab, else the breadcrumb.
 */
export default definePage({
  id: 'province-declaration',
  portal: 'province',
  nameZh: '注册申报',
  nameEn: 'Registration application',
  url: anyPath,
  dom: (doc) =>
    hasHeading(doc, /注册申报/) &&
    Array.from(
      doc.querySelectorAll<HTMLInputElement>('input[type=button], input[type=submit], button, a'),
    ).some((b) => /上报单位/.test(b.value || b.textContent || '')),
  business: (doc) =>
    businessFromText(selectedTabText(doc, '.ywTabs, .tabs, [id*=Tab], [class*=tab]')) ??
    businessFromHeadings(doc),
});
