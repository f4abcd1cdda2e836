import { hasHeading } from '../../dom';
import { businessFromHeadings, definePage, pathIncludes } from '../../page';

/** 申报须知: first step of 在线申报 (onlinedeclaration?itemCode=&userType=gr, domain.md). */
export default definePage({
  id: 'zwdt-declaration-notice',
  portal: 'jinan-zwdt',
  url: pathIncludes('/pages/onlinedeclaration/onlinedeclaration'),
  dom: (doc) => hasHeading(doc, /申报须知/),
  business: businessFromHeadings,
});
