// Writes pipelines/release-config.schema.json from the zod schema, so editors can autocomplete.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { releaseConfigJsonSchema } from '../src/json-schema';

const target = fileURLToPath(new URL('../../../pipelines/release-config.schema.json', import.meta.url));
writeFileSync(target, releaseConfigJsonSchema());
console.log(`wrote ${target}`);
