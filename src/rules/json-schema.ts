import * as z from 'zod';
import { CaseStatusRules } from './case-statuses';
import { BusinessRules, Condition, FieldDefinition, PageDefinition, RulePack, Step } from './schema';

/**
 * JSON Schemas generated from the zod schemas, written beside the rule files (rules/schema/) so editors can
 * validate while a clerk edits; a test fails when they are stale (`npm run rules:schema` rewrites them).
 */
export function ruleJsonSchemas(): Record<string, unknown> {
  const gen = (schema: z.ZodType, title: string) => ({
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
    title,
  });
  return {
    'rule-pack.schema.json': gen(RulePack, '建造师注册助手规则包 (rule pack)'),
    'business.schema.json': gen(BusinessRules, '业务规则 (one business, rules/businesses/*.json)'),
    'conditions.schema.json': gen(z.array(Condition), '条件 (rules/shared/conditions.json)'),
    'steps.schema.json': gen(z.array(Step), '办理步骤 (rules/shared/steps.json)'),
    'page.schema.json': gen(PageDefinition, '页面定义 (one portal page, rules/pages/<page-id>.json)'),
    'fields.schema.json': gen(z.array(FieldDefinition), '字段定义 (rules/shared/fields.json)'),
    'case-statuses.schema.json': gen(CaseStatusRules, '办件状态映射 (rules/shared/case-statuses.json)'),
  };
}
