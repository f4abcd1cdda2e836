/**
 * Every page the extension knows, grouped by portal. Adding a page: create its file (file name = page id),
 * add it here, add a replica to tests/fixtures/replicas.ts; the meta-tests check the rest.
 */
import type { PageDefinition } from './page';
import type { PortalId } from './origins';
import provinceOrgindex from './province/pages/province-orgindex';
import provincePersonalRegister from './province/pages/province-personal-register';
import provinceBasicInfo from './province/pages/province-basic-info';
import provinceInfoChange from './province/pages/province-info-change';
import provincePractitionerCategory from './province/pages/province-practitioner-category';
import provinceConstructorInfo from './province/pages/province-constructor-info';
import provinceDeclaration from './province/pages/province-declaration';
import provinceCompanyRegister from './province/pages/province-company-register';
import zwdtHome from './jinan-zwdt/pages/zwdt-home';
import zwdtEventDetail from './jinan-zwdt/pages/zwdt-event-detail';
import zwdtDeclarationNotice from './jinan-zwdt/pages/zwdt-declaration-notice';
import zwdtDeclaration from './jinan-zwdt/pages/zwdt-declaration';
import zwdtEform from './jinan-zwdt/pages/zwdt-eform';
import zwdtMyApplications from './jinan-zwdt/pages/zwdt-my-applications';
import zwdtApplicationDetail from './jinan-zwdt/pages/zwdt-application-detail';
import zwfwAuditProject from './jinan-zwfw/pages/zwfw-audit-project';

export const PAGES: readonly PageDefinition[] = [
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

export function pagesOf(portal: PortalId): PageDefinition[] {
  return PAGES.filter((p) => p.portal === portal);
}

export function pageById(id: string): PageDefinition | undefined {
  return PAGES.find((p) => p.id === id);
}
