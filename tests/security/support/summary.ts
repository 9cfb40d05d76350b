import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The security run's counts (operations covered, generated cases, 5xx seen, races tried, the crash
 * test's outcome) in reports/security-summary.json, for the README to quote. Tests run in parallel
 * workers, so each test writes its own part and then merges every part of the run, under a lock,
 * into the summary: whichever test finishes last leaves the complete one.
 */

export const SUMMARY_PATH = join(process.cwd(), 'reports', 'security-summary.json');
const PARTS_ROOT = join(process.cwd(), 'reports', 'security-summary.parts');
const LOCK_PATH = `${SUMMARY_PATH}.lock`;

/** The command that reproduces the summary. */
export const REPRODUCE_COMMAND = 'EDGE_PORT=8810 npx playwright test --project=security';

export interface SummaryPart {
  counters: Record<string, Record<string, number>>;
  sets: Record<string, Record<string, string[]>>;
  notes: Record<string, Record<string, unknown>>;
}

export class SecuritySummary {
  private readonly counters: SummaryPart['counters'] = {};
  private readonly sets: Record<string, Record<string, Set<string>>> = {};
  private readonly notes: SummaryPart['notes'] = {};

  /** Adds to a count of an area (`fuzz.cases`, `races.tried`, …). */
  count(area: string, name: string, by = 1): void {
    const counters = child(this.counters, area, () => ({}));
    counters[name] = (counters[name] ?? 0) + by;
  }

  /** Adds distinct members to a set of an area; the summary gives its size (`operations`). */
  include(area: string, name: string, members: Iterable<string>): void {
    const set = child(
      child(this.sets, area, () => ({})),
      name,
      () => new Set<string>(),
    );
    for (const member of members) set.add(member);
  }

  /** Records a fact as is (the crash test's outcome). */
  note(area: string, name: string, value: unknown): void {
    child(this.notes, area, () => ({}))[name] = value;
  }

  isEmpty(): boolean {
    return (
      Object.keys(this.counters).length + Object.keys(this.sets).length + Object.keys(this.notes).length === 0
    );
  }

  toPart(): SummaryPart {
    const sets = Object.fromEntries(
      Object.entries(this.sets).map(([area, named]) => [
        area,
        Object.fromEntries(Object.entries(named).map(([name, set]) => [name, [...set].sort()])),
      ]),
    );
    return { counters: this.counters, sets, notes: this.notes };
  }
}

/** This run's id: the Playwright runner's pid (every worker is its child). */
function runId(): string {
  return String(process.ppid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Saves one test's part, then rewrites the summary from every part of this run. */
export async function recordPart(partName: string, part: SummaryPart): Promise<void> {
  const runDirectory = join(PARTS_ROOT, runId());
  mkdirSync(runDirectory, { recursive: true });
  writeFileSync(join(runDirectory, `${partName.replaceAll(/[^\w.-]/g, '_')}.json`), JSON.stringify(part));
  await withLock(() => {
    removeFinishedRuns();
    const parts = readdirSync(runDirectory).map(
      (file) => JSON.parse(readFileSync(join(runDirectory, file), 'utf8')) as SummaryPart,
    );
    const temporary = `${SUMMARY_PATH}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(merge(parts), null, 2)}\n`);
    renameSync(temporary, SUMMARY_PATH);
  });
}

function removeFinishedRuns(): void {
  for (const run of readdirSync(PARTS_ROOT)) {
    if (run !== runId() && !isAlive(Number(run)))
      rmSync(join(PARTS_ROOT, run), { recursive: true, force: true });
  }
}

function merge(parts: SummaryPart[]) {
  const areas: Record<string, Record<string, unknown>> = {};
  const sets: Record<string, Record<string, Set<string>>> = {};
  for (const part of parts) {
    for (const [area, counters] of Object.entries(part.counters)) {
      const target = child(areas, area, () => ({}));
      for (const [name, value] of Object.entries(counters)) {
        target[name] = ((target[name] as number | undefined) ?? 0) + value;
      }
    }
    for (const [area, named] of Object.entries(part.sets)) {
      for (const [name, members] of Object.entries(named)) {
        const set = child(
          child(sets, area, () => ({})),
          name,
          () => new Set<string>(),
        );
        for (const member of members) set.add(member);
      }
    }
    for (const [area, notes] of Object.entries(part.notes))
      Object.assign(
        child(areas, area, () => ({})),
        notes,
      );
  }
  for (const [area, named] of Object.entries(sets)) {
    for (const [name, set] of Object.entries(named)) child(areas, area, () => ({}))[name] = set.size;
  }
  return {
    updatedAt: new Date().toISOString(),
    reproduce: REPRODUCE_COMMAND,
    testsRecorded: parts.length,
    areas,
  };
}

/** The member of a record, created by `make` when missing. */
function child<T>(record: Record<string, T>, key: string, make: () => NoInfer<T>): T {
  const existing = record[key];
  if (existing !== undefined) return existing;
  const created = make();
  record[key] = created;
  return created;
}

function lockAgeMs(): number {
  try {
    return Date.now() - statSync(LOCK_PATH).mtimeMs;
  } catch {
    return 0;
  }
}

async function withLock(work: () => void): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      mkdirSync(LOCK_PATH);
      break;
    } catch {
      // A lock left by a killed run is stale after a few seconds: nothing holds one for long.
      if (lockAgeMs() > 5_000) {
        rmSync(LOCK_PATH, { recursive: true, force: true });
      } else if (Date.now() > deadline) {
        throw new Error(`could not lock ${LOCK_PATH}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  try {
    work();
  } finally {
    rmSync(LOCK_PATH, { recursive: true, force: true });
  }
}
