/**
 * The security run's counts (operations covered, generated cases, 5xx seen, races tried, the crash
 * test's outcome) in reports/security-summary.json, for the README to quote. Each test attaches its
 * own part (SECURITY_SUMMARY_ATTACHMENT); the reporter tests/support/reporters/security-summary.ts
 * sees every test of every worker and writes their merge.
 */

/** The name of the attachment that carries a test's part of the summary. */
export const SECURITY_SUMMARY_ATTACHMENT = 'security-summary-part';

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

/** The run's summary: every part added up (counts summed, sets joined, notes as recorded). */
export function mergeSummaryParts(parts: SummaryPart[]) {
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
