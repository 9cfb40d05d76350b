import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParseError, parse } from 'jsonc-parser';

/** edge/wrangler.jsonc, the one place the Workers build's settings are written. */
export const WRANGLER_CONFIG = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'wrangler.jsonc');

interface WranglerConfig {
  vars?: Record<string, string>;
  env?: Record<string, { vars?: Record<string, string> }>;
}

/**
 * The `vars` wrangler.jsonc gives the Worker (top level, or one environment's), so the Node host
 * and the in-process test lane start with the settings the workerd edge has, not with a copy.
 */
export function wranglerVars(environment?: string): Record<string, string> {
  const errors: ParseError[] = [];
  const config = parse(readFileSync(WRANGLER_CONFIG, 'utf8'), errors) as WranglerConfig;
  if (errors.length > 0) throw new Error(`${WRANGLER_CONFIG} is not valid JSONC (${errors.length} errors)`);
  const vars = environment ? config.env?.[environment]?.vars : config.vars;
  if (!vars) throw new Error(`${WRANGLER_CONFIG} has no vars${environment ? ` for env.${environment}` : ''}`);
  return vars;
}
