import { join } from 'node:path';

/** The Handlebars templates statisticians edit live in the repository's templates/ folder. */
export function templatesDir(root: string): string {
  return join(root, 'templates');
}
