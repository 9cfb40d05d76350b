// `node docker/healthcheck.mjs URL`: exits 0 when URL answers 2xx within 3 s. docker-compose.yml's
// healthchecks use it because the Node images carry no curl.
try {
  const response = await fetch(process.argv[2], { signal: AbortSignal.timeout(3_000) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
