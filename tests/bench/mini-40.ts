/** What bench T8's floor writes into the 40 MiniUI controls of its page (bench.ts; tests/bench/fill-trace.ts traces the same). */
export const MINI_40_VALUES: Record<string, string> = {
  applyername: '张三', certnum: '370102199001011231', contactperson: '张三', contactcertnum: '370102199001011231', contactmobile: '13805310000',
  contactphone: '0531-61378805', contactpostcode: '250014', contactemail: 'zs@example.cn', address: '济南市历下区经十路14306号',
  B_XM: '张三', B_XB: '1', B_CSRQ: '1990-01-01', B_MZ: '01', B_SFZH: '370102199001011231', B_SJHM: '13805310000', B_LXDH: '0531-61378805',
  B_YX: 'zs@example.cn', B_DZ: '济南市历下区经十路14306号', B_YB: '250014', B_XL: '21', B_BYYX: '山东建筑大学', B_SXZY: '土木工程', B_BYSJ: '2012-07-01',
  B_ZGZS: '37151606000123456X', B_ZGRQ: '2016-11-30', B_ZY: 'JZ', B_ZCBH: '鲁2372010202404839', B_ZSRQ: '2023-12-20', B_YXQ: '2026-12-19',
  B_PYDW: '济南建工集团有限公司', B_XYDM: '913701001630469631', B_KSDW: '济南建工集团有限公司', B_HTKS: '2026-01-01', B_HTJZ: '2028-12-31',
  B_JPRQ: '2025-12-31', B_TX: '0', C_SQR: '张三', C_ZJHM: '370102199001011231', C_SJ: '13805310000', C_DW: '济南建工集团有限公司',
};
