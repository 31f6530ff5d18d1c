/**
 * The `$schema` path `init` writes in a design's first line, so editor completion works
 * at once: the JSON Schema shipped in this pointsmith package (schema/program.schema.json),
 * as a path relative to the design. Only when the package lies inside the working folder
 * (`node_modules/pointsmith` of the project, or the pointsmith repository itself): a path
 * out of the project to a global install would resolve on this machine only.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** dist/cli/schema-reference.js and src/cli/schema-reference.ts are both two folders below the package root. */
const PACKAGE_SCHEMA = fileURLToPath(new URL('../../schema/program.schema.json', import.meta.url));

/** `../node_modules/pointsmith/schema/program.schema.json`, or undefined when no portable path exists. */
export function schemaReference(designFile: string, cwd: string, schemaFile = PACKAGE_SCHEMA): string | undefined {
  if (!existsSync(schemaFile)) return undefined;
  const fromProject = relative(cwd, schemaFile);
  if (fromProject.startsWith('..') || isAbsolute(fromProject)) return undefined;
  const path = relative(dirname(designFile), schemaFile).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}
