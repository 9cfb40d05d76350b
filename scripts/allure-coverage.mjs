// Adds the last coverage run's figures (coverage/coverage-summary.json, as `lastRunFigures` reads
// them) to allure-results/environment.properties, for CI, where coverage runs beside the tests
// rather than before them. Nothing to add (no coverage report): says so and leaves the file alone.
//   node scripts/allure-coverage.mjs
import { appendFileSync, existsSync } from 'node:fs';
import { lastRunFigures } from './coverage.mjs';

const figures = lastRunFigures();
if (!figures) {
  console.log('no coverage report in coverage/: the Allure environment shows no coverage');
} else if (!existsSync('allure-results')) {
  console.log('no allure-results/: nothing to add the coverage to');
} else {
  // A Java properties line: the spaces of the key escaped, as Allure reads it.
  appendFileSync('allure-results/environment.properties', `coverage\\ (lines)=${figures}\n`);
  console.log(`Allure environment: coverage (lines) = ${figures}`);
}
