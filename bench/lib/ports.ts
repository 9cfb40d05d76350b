/**
 * Every port a benchmark listens on, as an offset from `BENCH_PORT_BASE` (default 8800, which gives
 * the ports the benchmarks always used: 8820–8851). Moving the base moves them all, so a benchmark
 * can run beside someone else's servers: `BENCH_PORT_BASE=8900 npm run bench`.
 */
export function benchPort(offset: number): number {
  const base = Number(process.env.BENCH_PORT_BASE ?? 8800);
  if (!Number.isInteger(base) || base < 1024 || base + offset > 65_535) {
    throw new Error(`BENCH_PORT_BASE must be a port number, not ${process.env.BENCH_PORT_BASE}`);
  }
  return base + offset;
}
