/**
 * A V8 CPU profile (`node --cpu-prof`) as two tables: the functions that spend the most self time,
 * and the self time per module (the engine, the edge, each package, Node itself), so a change to the
 * request path can be weighed by what it removes.
 */
import { formatFixed } from './report';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time by the V8 node each sample landed in, in microseconds. */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const times = new Map<number, number>();
  profile.samples.forEach((nodeId, index) => {
    times.set(nodeId, (times.get(nodeId) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  return times;
}

/** The module a frame belongs to: `engine`, `edge`, a package's name, `node:…`, or V8's own. */
export function moduleOf(url: string, functionName: string): string {
  if (url === '') return `(${functionName || 'anonymous'})`;
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch) return packageMatch[1] as string;
  if (url.startsWith('node:')) return url.split('/')[0] as string;
  const workspace = /\/(engine|edge|mock|fixtures|bench)\/src\//.exec(url) ?? /\/(bench)\//.exec(url);
  return workspace ? (workspace[1] as string) : url;
}

function shortUrl(url: string): string {
  const packageAt = url.lastIndexOf('node_modules/');
  if (packageAt >= 0) return url.slice(packageAt + 'node_modules/'.length);
  const workspace = /\/((?:engine|edge|mock|fixtures|bench)\/.*)$/.exec(url);
  return workspace ? (workspace[1] as string) : url;
}

export function summariseProfile(profile: CpuProfile, options: { top: number; requests: number }): string {
  const byNode = selfTimes(profile);
  const total = [...byNode.values()].reduce((sum, time) => sum + time, 0);
  const idleIds = new Set(
    profile.nodes.filter((node) => node.callFrame.functionName === '(idle)').map((node) => node.id),
  );
  const idle = [...idleIds].reduce((sum, id) => sum + (byNode.get(id) ?? 0), 0);
  const busy = total - idle;
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  for (const node of profile.nodes) {
    if (idleIds.has(node.id)) continue;
    const time = byNode.get(node.id) ?? 0;
    if (time === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${shortUrl(url)}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'}\t${where}`;
    functions.set(key, (functions.get(key) ?? 0) + time);
    const module = moduleOf(url, functionName);
    modules.set(module, (modules.get(module) ?? 0) + time);
  }
  const perRequest = (micros: number) =>
    options.requests > 0 ? formatFixed(micros / options.requests, 1) : '–';
  const share = (micros: number) => `${formatFixed((100 * micros) / Math.max(1, busy), 1)}%`;
  const rows = (entries: Map<string, number>, limit: number) =>
    [...entries.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([key, micros]) => `${share(micros).padStart(6)}  ${perRequest(micros).padStart(7)} µs  ${key}`);
  return [
    `CPU busy ${formatFixed(busy / 1e3, 0)} ms of ${formatFixed(total / 1e3, 0)} ms profiled` +
      (options.requests > 0
        ? `; ${perRequest(busy)} µs per timed request (set-up and warm-up included)`
        : ''),
    '',
    'Self time per module (share of busy time, µs per request):',
    ...rows(modules, 20),
    '',
    `The ${options.top} functions with the most self time:`,
    ...rows(functions, options.top),
  ].join('\n');
}
