/**
 * The page definitions shipped with the extension: rules/pages/*.json, bundled into the content script so
 * detection needs no round trip. The same files are part of the bundled rule pack (src/rules/bundled.ts); a
 * test keeps this list equal to the folder.
 */
import provinceOrgindex from '../../rules/pages/province-orgindex.json';
import provincePersonalRegister from '../../rules/pages/province-personal-register.json';
import provinceBasicInfo from '../../rules/pages/province-basic-info.json';
import provinceInfoChange from '../../rules/pages/province-info-change.json';
import provincePractitionerCategory from '../../rules/pages/province-practitioner-category.json';
import provinceConstructorInfo from '../../rules/pages/province-constructor-info.json';
import provinceDeclaration from '../../rules/pages/province-declaration.json';
import provinceCompanyRegister from '../../rules/pages/province-company-register.json';
import zwdtHome from '../../rules/pages/zwdt-home.json';
import zwdtEventDetail from '../../rules/pages/zwdt-event-detail.json';
import zwdtDeclarationNotice from '../../rules/pages/zwdt-declaration-notice.json';
import zwdtDeclaration from '../../rules/pages/zwdt-declaration.json';
import zwdtEform from '../../rules/pages/zwdt-eform.json';
import zwdtMyApplications from '../../rules/pages/zwdt-my-applications.json';
import zwdtApplicationDetail from '../../rules/pages/zwdt-application-detail.json';
import zwfwAuditProject from '../../rules/pages/zwfw-audit-project.json';

/** As raw JSON: the rule pack validates them with its schema; here their shape is trusted (tests parse them). */
export const BUILTIN_PAGE_DATA: readonly unknown[] = [
  provinceOrgindex,
  provincePersonalRegister,
  provinceBasicInfo,
  provinceInfoChange,
  provincePractitionerCategory,
  provinceConstructorInfo,
  provinceDeclaration,
  provinceCompanyRegister,
  zwdtHome,
  zwdtEventDetail,
  zwdtDeclarationNotice,
  zwdtDeclaration,
  zwdtEform,
  zwdtMyApplications,
  zwdtApplicationDetail,
  zwfwAuditProject,
];
