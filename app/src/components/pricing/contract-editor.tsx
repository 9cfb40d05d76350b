'use client';

import { useId, useState } from 'react';
import { saveContract } from '@/actions/pricing';
import type { Contract } from '@/api/types';
import { ControlError, invalidProps } from '@/components/forms/control-error';
import { useI18n } from '@/i18n/provider';
import type { CounterOption } from '@/lib/calculator-input';
import { controlIdOf, draftOf, newTier, type PricingDraft, toPricing } from '@/lib/pricing-draft';
import { counterLabel } from '@/lib/usage-labels';
import { PricingEditor } from './pricing-editor';
import { PricingForm } from './pricing-form';

const PREFIX = 'contract';

interface OverrideDraft {
  key: string;
  counterName: string;
  pricing: PricingDraft;
}

interface ContractEditorProps {
  /** The contract it starts from; none: a blank contract. */
  source: Contract | null;
  suggestedName: string;
  counters: readonly CounterOption[];
}

function controlIds(overrides: readonly OverrideDraft[]): Set<string> {
  const ids = new Set(['name', 'discountRate', 'minimumCharge'].map((field) => controlIdOf(PREFIX, field)));
  overrides.forEach((override, index) => {
    const path = `priceOverrides[${index}]`;
    ids.add(controlIdOf(PREFIX, `${path}.counterName`));
    ids.add(controlIdOf(PREFIX, `${path}.pricing.model`));
    ids.add(controlIdOf(PREFIX, `${path}.pricing.unitPrice`));
    override.pricing.tiers.forEach((_, tier) => {
      ids.add(controlIdOf(PREFIX, `${path}.pricing.tiers[${tier}].to`));
      ids.add(controlIdOf(PREFIX, `${path}.pricing.tiers[${tier}].unitPrice`));
    });
  });
  return ids;
}

/**
 * A new contract, blank or made from an existing one: its name, a discount on usage, a minimum
 * charge, and prices that replace the price book's. Contracts never change once made (assigned
 * months are priced with them), so saving creates a new one, to be assigned to billing groups.
 */
export function ContractEditor({ source, suggestedName, counters }: ContractEditorProps) {
  const { locale, t } = useI18n();
  const keyBase = useId();
  const [name, setName] = useState(suggestedName);
  const [discountRate, setDiscountRate] = useState(source?.discountRate ?? '');
  const [minimumCharge, setMinimumCharge] = useState(source?.minimumCharge ?? '');
  const [overrides, setOverrides] = useState<OverrideDraft[]>(() =>
    (source?.priceOverrides ?? []).map((override, index) => ({
      key: `${keyBase}-${index}`,
      counterName: override.counterName,
      pricing: draftOf(override.pricing),
    })),
  );
  const [added, setAdded] = useState(0);
  const save = () =>
    saveContract({
      name: name.trim(),
      discountRate: discountRate.trim() || null,
      minimumCharge: minimumCharge.trim() || null,
      priceOverrides: overrides.map((override) => ({
        counterName: override.counterName,
        pricing: toPricing(override.pricing),
      })),
    });

  const text = (
    placed: ReadonlyMap<string, string>,
    field: string,
    label: string,
    value: string,
    set: (value: string) => void,
    decimal = false,
  ) => {
    const id = controlIdOf(PREFIX, field);
    return (
      <div className="field max-w-md">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          value={value}
          autoComplete="off"
          {...(decimal ? { inputMode: 'decimal' as const } : {})}
          onChange={(event) => set(event.target.value)}
          {...invalidProps(id, placed)}
        />
        <ControlError id={id} message={placed.get(id)} />
      </div>
    );
  };

  return (
    <PricingForm
      label={t.pricing.newContract}
      submitLabel={t.pricing.saveContract}
      save={save}
      prefix={PREFIX}
      controlIds={controlIds(overrides)}
    >
      {(placed) => (
        <>
          <div className="card flex flex-col gap-3">
            {text(placed, 'name', t.pricing.name, name, setName)}
            {text(placed, 'discountRate', t.pricing.discountRateLabel, discountRate, setDiscountRate, true)}
            {text(placed, 'minimumCharge', t.pricing.minimumCharge, minimumCharge, setMinimumCharge, true)}
          </div>
          <section aria-labelledby="overrides-heading" className="flex flex-col gap-3">
            <h2 id="overrides-heading" className="text-lg font-semibold">
              {t.pricing.overrides}
            </h2>
            {overrides.length === 0 ? (
              <p className="text-sm text-slate-600">{t.pricing.noOverrides}</p>
            ) : null}
            {overrides.map((override, index) => {
              const counterId = controlIdOf(PREFIX, `priceOverrides[${index}].counterName`);
              return (
                <fieldset key={override.key} className="card flex flex-col gap-2">
                  <legend className="font-semibold">{t.pricing.overrideRow(index + 1)}</legend>
                  <div className="field">
                    <label htmlFor={counterId}>{t.pricing.product}</label>
                    <select
                      id={counterId}
                      value={override.counterName}
                      onChange={(event) =>
                        setOverrides((current) =>
                          current.map((item, at) =>
                            at === index ? { ...item, counterName: event.target.value } : item,
                          ),
                        )
                      }
                    >
                      {counters.map((counter) => (
                        <option key={counter.counterName} value={counter.counterName}>
                          {counterLabel(counter.counterName, locale)}
                        </option>
                      ))}
                    </select>
                    <ControlError id={counterId} message={placed.get(counterId)} />
                  </div>
                  <PricingEditor
                    path={`priceOverrides[${index}].pricing`}
                    idPrefix={PREFIX}
                    draft={override.pricing}
                    errors={placed}
                    onChange={(pricing) =>
                      setOverrides((current) =>
                        current.map((item, at) => (at === index ? { ...item, pricing } : item)),
                      )
                    }
                  />
                  <button
                    type="button"
                    className="btn-secondary self-start"
                    onClick={() => setOverrides((current) => current.filter((_, at) => at !== index))}
                  >
                    {t.pricing.removeOverride(index + 1)}
                  </button>
                </fieldset>
              );
            })}
            <button
              type="button"
              className="btn-secondary self-start"
              disabled={counters.length === 0}
              onClick={() => {
                setAdded((count) => count + 1);
                setOverrides((current) => [
                  ...current,
                  {
                    key: `${keyBase}-added-${added}`,
                    counterName: counters[0]?.counterName ?? '',
                    pricing: { model: 'PER_UNIT', unitPrice: '', tiers: [newTier()] },
                  },
                ]);
              }}
            >
              {t.pricing.addOverride}
            </button>
          </section>
        </>
      )}
    </PricingForm>
  );
}
