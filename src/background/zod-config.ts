import * as z from 'zod';

/**
 * zod settings of every context that validates: no eval probe (the MV3 CSP forbids eval, testing.md) and
 * Chinese messages, since validation errors are shown to users.
 */
export function configureZod(): void {
  z.config({ jitless: true, ...z.locales.zhCN() });
}
