import { IssueCollector } from '@billing/engine';
import { validationFailed } from '../http/problem';

/** Where the engine's parsers are pointed; stripped again so fields read from the body's root. */
const ROOT = 'body';

/** An engine parser: records every broken rule under `field`, answers undefined when it recorded any. */
type EngineParser<T> = (issues: IssueCollector, field: string, value: unknown) => T | undefined;

/**
 * Checks a request body with the engine's own rules, so the API refuses exactly what a statement
 * would, with the engine's rule names; the 422 names fields from the body's root, e.g.
 * `entries[1].pricing.tiers[0].from`.
 */
export function parseWithEngine<T>(parse: EngineParser<T>, body: unknown): T {
  const issues = new IssueCollector();
  const parsed = parse(issues, ROOT, body);
  if (!issues.ok || parsed === undefined) {
    throw validationFailed(
      issues.issues.map((issue) => ({ ...issue, field: issue.field.replace(/^body\.?/, '') || ROOT })),
    );
  }
  return parsed;
}
