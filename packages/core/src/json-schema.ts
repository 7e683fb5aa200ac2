import { z } from 'zod';
import { ReleaseConfig } from './config';

/** The committed JSON Schema text of the release configuration (stable key order, trailing newline). */
export function releaseConfigJsonSchema(): string {
  const schema = z.toJSONSchema(ReleaseConfig, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'mch release configuration' }, null, 2)}\n`;
}
