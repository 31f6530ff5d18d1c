/**
 * The JSON Schemas of the commands' `--format json` documents, generated from the
 * TypeScript types the JSON renderers are compiled against (the one source of truth: a
 * renderer cannot print a key its type lacks, so the schema cannot drift from the output).
 * `npm run schemas` writes them to schema/<command>.schema.json; test/output-schemas.test.ts
 * fails when a committed copy is stale. `pointsmith schema --output <command>` prints the
 * committed copy (ts-json-schema-generator is a dev dependency: it needs the sources).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createFormatter, createParser, createProgram, SchemaGenerator } from 'ts-json-schema-generator';

const root = new URL('../', import.meta.url);

/** Each command's JSON document: the file declaring its type, and the type. */
export const OUTPUT_DOCUMENTS = [
  { command: 'run', path: 'src/analysis/summary-types.ts', type: 'RunSummary' },
  { command: 'check', path: 'src/report/check/json.ts', type: 'CheckJson' },
  { command: 'compare', path: 'src/report/compare/json.ts', type: 'CompareJson' },
  { command: 'sensitivity', path: 'src/report/sensitivity/json.ts', type: 'SensitivityJson' },
  { command: 'simulate', path: 'src/report/simulate/json.ts', type: 'SimulateJson' },
  { command: 'explain', path: 'src/analysis/statement-types.ts', type: 'Statement' },
  { command: 'transition', path: 'src/analysis/transition-types.ts', type: 'TransitionReport' },
  { command: 'validate', path: 'src/report/diagnostics/json.ts', type: 'DiagnosticsJson' },
  { command: 'generate', path: 'src/report/generate/json.ts', type: 'GenerateJson' },
  { command: 'init', path: 'src/report/init/json.ts', type: 'InitJson' },
  { command: 'calibrate', path: 'src/report/calibrate/json.ts', type: 'CalibrateJson' },
];

/** `urn:pointsmith:output:run:1`: a stable name, like the program format's, not a download address. */
export function outputSchemaId(command) {
  return `urn:pointsmith:output:${command}:1`;
}

/** command → the schema's text, two-space indented with a final newline (the committed bytes). */
export function outputSchemas() {
  const out = new Map();
  const config = {
    path: fileURLToPath(new URL('src/index.ts', root)),
    tsconfig: fileURLToPath(new URL('tsconfig.json', root)),
    // tsc checks the sources; the generator only reads the types.
    skipTypeCheck: true,
    // The renderers write no key their type lacks: a consumer may rely on it.
    additionalProperties: false,
    sortProps: false,
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
  };
  // One program for every document: parsing the sources once is most of the time.
  const program = createProgram(config);
  for (const { command, path, type } of OUTPUT_DOCUMENTS) {
    const generator = new SchemaGenerator(program, createParser(program, config), createFormatter(config), { ...config, path: fileURLToPath(new URL(path, root)) });
    const { $schema, ...rest } = generator.createSchema(type);
    const schema = { $schema, $id: outputSchemaId(command), title: `pointsmith ${command} --format json`, ...rest };
    out.set(command, `${JSON.stringify(schema, null, 2)}\n`);
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [command, text] of outputSchemas()) {
    writeFileSync(new URL(`schema/${command}.schema.json`, root), text);
    console.log(`schema/${command}.schema.json`);
  }
}
