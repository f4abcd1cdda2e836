/**
 * Display names of the pages, by page id. The background sends them with the page rules; the content
 * script does not need to carry them (its size is budgeted). A test keeps this in step with the registry.
 */
export const PAGE_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  'zwdt-application-detail': { zh: '办件详情', en: 'Application details' },
  'zwdt-declaration-notice': { zh: '申报须知', en: 'Application notice' },
  'zwdt-declaration': { zh: '填写申报信息', en: 'Application form and uploads' },
  'zwdt-eform': { zh: '电子申请表', en: 'Electronic application form' },
  'zwdt-event-detail': { zh: '事项详情', en: 'Service item details' },
  'zwdt-home': { zh: '网厅首页', en: 'Service hall home' },
  'zwdt-my-applications': { zh: '我的申请', en: 'My applications' },
  'zwfw-audit-project': { zh: '办件受理', en: 'Application intake' },
  'province-basic-info': { zh: '个人基本资料维护', en: 'Personal details' },
  'province-company-register': { zh: '单位账户注册', en: 'Company account registration' },
  'province-constructor-info': { zh: '二级注册建造师（执业师信息 / 工程业绩）', en: 'Constructor record (practice info / projects)' },
  'province-declaration': { zh: '注册申报', en: 'Registration application' },
  'province-info-change': { zh: '个人信息更改', en: 'Personal information change' },
  'province-orgindex': { zh: '系统首页（菜单）', en: 'Home (menu)' },
  'province-personal-register': { zh: '执业师个人账户注册', en: 'Personal account registration' },
  'province-practitioner-category': { zh: '执业师类别维护', en: 'Practitioner category' },
};
