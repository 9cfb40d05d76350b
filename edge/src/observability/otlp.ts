/** What every span's resource is called, on Workers and on Node. */
export const SERVICE_NAME = 'billing-edge';

/**
 * The OTLP/HTTP traces URL of a collector's base URL, as OTEL_EXPORTER_OTLP_ENDPOINT means it in
 * the OpenTelemetry specification: the signal's path is appended.
 */
export function tracesUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}

/** OTEL_EXPORTER_OTLP_HEADERS (`name=value,name2=value2`, values URL-encoded) as a headers object. */
export function otlpHeaders(value: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of (value ?? '').split(',')) {
    const separator = pair.indexOf('=');
    if (separator <= 0) continue;
    headers[pair.slice(0, separator).trim()] = decodeURIComponent(pair.slice(separator + 1).trim());
  }
  return headers;
}
