/** `npm run rules:schema`: regenerate rules/schema/*.json from the zod schemas. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleJsonSchemas } from '../../src/rules/json-schema';

const dir = join(import.meta.dirname, '..', '..', 'rules', 'schema');
for (const [file, schema] of Object.entries(ruleJsonSchemas())) {
  writeFileSync(join(dir, file), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote rules/schema/${file}`);
}
