import type { TraceStep } from './types';

export type TraceEntry = Omit<TraceStep, 'step' | 'notes'> & { notes?: string[] };

/**
 * Collects the explain trace (DOMAIN §8). Steps are passed as thunks so that a statement computed
 * without `explain` pays nothing for building the descriptions.
 */
export class TraceBuilder {
  readonly steps: TraceStep[] = [];

  constructor(readonly enabled: boolean) {}

  record(build: () => TraceEntry): void {
    if (!this.enabled) return;
    const entry = build();
    this.steps.push({ step: this.steps.length + 1, ...entry, notes: entry.notes ?? [] });
  }
}

/** The steps of one rule, e.g. every `credit-burn` step, for readers of a trace. */
export function stepsOfRule(trace: readonly TraceStep[], rule: string): TraceStep[] {
  return trace.filter((step) => step.rule === rule);
}

/** A trace as plain text, one line per step: what the UI's "why this amount" view shows. */
export function formatTrace(trace: readonly TraceStep[]): string {
  return trace
    .map((step) => {
      const rounding = step.rounding ? ` (exact ${step.rounding.before}, ${step.rounding.mode})` : '';
      const notes = step.notes.length > 0 ? ` — ${step.notes.join('; ')}` : '';
      return `${step.step}. [${step.rule}] ${step.description}: ${step.result}${rounding}${notes}`;
    })
    .join('\n');
}
