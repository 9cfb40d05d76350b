'use client';

import { useRef, useState, useTransition } from 'react';
import { savePriceBook } from '@/actions/pricing';
import type { PriceBook, Problem } from '@/api/types';
import { ErrorState } from '@/components/feedback/error-state';
import { ControlError } from '@/components/forms/control-error';
import { useFocusFirstInvalid } from '@/components/forms/use-focus-first-invalid';
import { useI18n } from '@/i18n/provider';
import { controlIdOf, draftOf, type PricingDraft, toPricing } from '@/lib/pricing-draft';
import { counterLabel, unitName } from '@/lib/usage-labels';
import { placeFieldErrors } from '@/mappers/form-errors';
import { PricingEditor } from './pricing-editor';

const PREFIX = 'pb';

interface EntryDraft {
  counterName: string;
  unit: string;
  pricing: PricingDraft;
}

/** The ids of the form's controls, to place the edge's field errors beside them. */
function controlIds(entries: readonly EntryDraft[]): Set<string> {
  const ids = new Set([controlIdOf(PREFIX, 'name')]);
  entries.forEach((entry, index) => {
    const path = `entries[${index}].pricing`;
    ids.add(controlIdOf(PREFIX, `${path}.model`));
    ids.add(controlIdOf(PREFIX, `${path}.unitPrice`));
    entry.pricing.tiers.forEach((_, tier) => {
      ids.add(controlIdOf(PREFIX, `${path}.tiers[${tier}].to`));
      ids.add(controlIdOf(PREFIX, `${path}.tiers[${tier}].unitPrice`));
    });
  });
  return ids;
}

/**
 * A new price book made from an existing one: its name, and each counter's pricing. Price books never
 * change once made (a statement must be recomputable from the book it was priced with), so saving
 * creates a new book; billing groups move to it when their price book is set.
 */
export function PriceBookEditor({ source, suggestedName }: { source: PriceBook; suggestedName: string }) {
  const { locale, t } = useI18n();
  const [name, setName] = useState(suggestedName);
  const [entries, setEntries] = useState<EntryDraft[]>(() =>
    source.entries.map((entry) => ({
      counterName: entry.counterName,
      unit: entry.unit,
      pricing: draftOf(entry.pricing),
    })),
  );
  const [problem, setProblem] = useState<Problem | null>(null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, problem);
  const { placed, unplaced } = placeFieldErrors(problem, PREFIX, controlIds(entries), t);
  const nameId = controlIdOf(PREFIX, 'name');
  const nameError = placed.get(nameId);

  const save = () =>
    startTransition(async () => {
      const outcome = await savePriceBook({
        name: name.trim(),
        currency: source.currency,
        entries: entries.map((entry) => ({
          counterName: entry.counterName,
          unit: entry.unit,
          pricing: toPricing(entry.pricing),
        })),
      });
      setProblem(outcome.problem);
    });

  return (
    <form
      ref={formRef}
      aria-label={t.pricing.newBook}
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      {problem ? (
        <ErrorState
          locale={locale}
          title={t.pricing.notSaved(placed.size + unplaced.length)}
          problem={{ ...problem, detail: problem.errors?.length ? '' : problem.detail, errors: unplaced }}
        />
      ) : null}
      <div className="card flex flex-col gap-3">
        <div className="field max-w-md">
          <label htmlFor={nameId}>{t.pricing.name}</label>
          <input
            id={nameId}
            value={name}
            autoComplete="off"
            onChange={(event) => setName(event.target.value)}
            {...(nameError ? { 'aria-invalid': true, 'aria-describedby': `${nameId}-error` } : {})}
          />
          <ControlError id={nameId} message={nameError} />
        </div>
        <p className="text-sm text-slate-600">
          {t.pricing.currency}: {source.currency}
        </p>
      </div>
      {entries.map((entry, index) => (
        <fieldset key={entry.counterName} className="card flex flex-col gap-2">
          <legend className="font-semibold">{counterLabel(entry.counterName, locale)}</legend>
          <p className="text-xs text-slate-600">
            {entry.counterName} · {unitName(entry.unit, '2', locale)}
          </p>
          <PricingEditor
            path={`entries[${index}].pricing`}
            idPrefix={PREFIX}
            draft={entry.pricing}
            errors={placed}
            onChange={(pricing) =>
              setEntries((current) => current.map((item, at) => (at === index ? { ...item, pricing } : item)))
            }
          />
        </fieldset>
      ))}
      <div>
        <button type="submit" className="btn" disabled={pending}>
          {pending ? t.pricing.saving : t.pricing.saveBook}
        </button>
      </div>
    </form>
  );
}
