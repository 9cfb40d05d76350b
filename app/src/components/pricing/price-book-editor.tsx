'use client';

import { useState } from 'react';
import { savePriceBook } from '@/actions/pricing';
import type { PriceBook } from '@/api/types';
import { ControlError, invalidProps } from '@/components/forms/control-error';
import { useI18n } from '@/i18n/provider';
import { controlIdOf, draftOf, type PricingDraft, toPricing } from '@/lib/pricing-draft';
import { counterLabel, unitName } from '@/lib/usage-labels';
import { PricingEditor } from './pricing-editor';
import { PricingForm } from './pricing-form';

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
  const nameId = controlIdOf(PREFIX, 'name');
  const save = () =>
    savePriceBook({
      name: name.trim(),
      currency: source.currency,
      entries: entries.map((entry) => ({
        counterName: entry.counterName,
        unit: entry.unit,
        pricing: toPricing(entry.pricing),
      })),
    });

  return (
    <PricingForm
      label={t.pricing.newBook}
      submitLabel={t.pricing.saveBook}
      save={save}
      prefix={PREFIX}
      controlIds={controlIds(entries)}
    >
      {(placed) => (
        <>
          <div className="card flex flex-col gap-3">
            <div className="field max-w-md">
              <label htmlFor={nameId}>{t.pricing.name}</label>
              <input
                id={nameId}
                value={name}
                autoComplete="off"
                onChange={(event) => setName(event.target.value)}
                {...invalidProps(nameId, placed)}
              />
              <ControlError id={nameId} message={placed.get(nameId)} />
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
                  setEntries((current) =>
                    current.map((item, at) => (at === index ? { ...item, pricing } : item)),
                  )
                }
              />
            </fieldset>
          ))}
        </>
      )}
    </PricingForm>
  );
}
