'use client';

import { type ReactNode, useRef, useState, useTransition } from 'react';
import type { SaveOutcome } from '@/actions/pricing';
import type { Problem } from '@/api/types';
import { RefusalSummary } from '@/components/forms/refusal-summary';
import { useFocusFirstInvalid } from '@/components/forms/use-focus-first-invalid';
import { useI18n } from '@/i18n/provider';
import { placeFieldErrors } from '@/mappers/form-errors';

interface PricingFormProps {
  label: string;
  submitLabel: string;
  /** Builds the body from the form's state and saves it; a refusal comes back, a success navigates. */
  save: () => Promise<SaveOutcome>;
  /** The prefix of the form's control ids (`controlIdOf`). */
  prefix: string;
  /** The ids of the controls that show their own refusal. */
  controlIds: ReadonlySet<string>;
  /** The form's fields, given each refused value's advice by control id. */
  children: (placed: ReadonlyMap<string, string>) => ReactNode;
}

/**
 * The frame of a form that saves a new price book or contract: what a refused save says above it
 * (how many values to fix, and what no field shows), focus on the first refused field, and the save
 * button, which says when it is saving.
 */
export function PricingForm({ label, submitLabel, save, prefix, controlIds, children }: PricingFormProps) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, problem);
  const { placed, unplaced } = placeFieldErrors(problem, prefix, controlIds, t);
  return (
    <form
      ref={formRef}
      aria-label={label}
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => setProblem((await save()).problem));
      }}
    >
      <RefusalSummary
        problem={problem}
        placedCount={placed.size}
        unplaced={unplaced}
        title={t.pricing.notSaved(placed.size + unplaced.length)}
      />
      {children(placed)}
      <div>
        <button type="submit" className="btn" disabled={pending}>
          {pending ? t.pricing.saving : submitLabel}
        </button>
      </div>
    </form>
  );
}
