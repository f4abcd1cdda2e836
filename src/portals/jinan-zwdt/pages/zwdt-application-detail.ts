import { businessFromText } from '../../../domain/business-text';
import { hasHeading } from '../../dom';
import { definePage, pathIncludes, valueNextToLabel } from '../../page';

/** 办件详情 (myspace/detail?projectguid=&tabtype=N): status, 补正 opinion, progress. */
export default definePage({
  id: 'zwdt-application-detail',
  portal: 'jinan-zwdt',
  url: pathIncludes('/pages/myspace/detail'),
  dom: (doc) => hasHeading(doc, /办件详情|办件信息|办理进度/),
  business: (doc) => businessFromText(valueNextToLabel(doc, '事项名称')),
});
