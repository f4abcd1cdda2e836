import { businessFromText } from '../../../domain/business-text';
import { bodyText } from '../../dom';
import { definePage, pathIncludes, valueNextToLabel } from '../../page';

/** 一窗受理 办件受理 (auditprojectinfo): the clerk's view of an application and its material grid. */
export default definePage({
  id: 'zwfw-audit-project',
  portal: 'jinan-zwfw',
  url: pathIncludes('/auditproject/auditprojectinfo'),
  dom: (doc) => {
    const text = bodyText(doc);
    return text.includes('受理') && /材料/.test(text);
  },
  business: (doc) => businessFromText(valueNextToLabel(doc, '事项名称')),
  expects: () => ['name', 'idNumber', 'mobile'],
});
