import { bodyText } from '../../dom';
import { businessFromHeadings, definePage, pathIncludes } from '../../page';

/**
 * declarationinfo: 完善基本信息, 下载空白表格, 上传申报材料, 保存, 下一步 (seed §二 1 ③). The same URL answers with
 * a login/timeout page when the session has expired, hence the DOM markers.
 */
export default definePage({
  id: 'zwdt-declaration',
  portal: 'jinan-zwdt',
  url: pathIncludes('/pages/onlinedeclaration/declarationinfo'),
  dom: (doc) => {
    const text = bodyText(doc);
    return text.includes('上传申报材料') || text.includes('完善基本信息');
  },
  business: businessFromHeadings,
  expects: () => ['name', 'idNumber', 'mobile'],
});
