'use client';

import { ControlError } from '@/components/forms/control-error';
import { useI18n } from '@/i18n/provider';
import { controlIdOf, newTier, type PricingDraft, type TierDraft } from '@/lib/pricing-draft';

interface PricingEditorProps {
  /** The API's path of this pricing (`entries[2].pricing`), to tie each control to its errors. */
  path: string;
  idPrefix: string;
  draft: PricingDraft;
  onChange: (draft: PricingDraft) => void;
  /** Refused values by control id. */
  errors: ReadonlyMap<string, string>;
}

/**
 * One counter's pricing: a model, then one unit price, or tiers given by their upper bounds (each
 * starts where the one before ends, the last is open-ended) and their unit prices.
 */
export function PricingEditor({ path, idPrefix, draft, onChange, errors }: PricingEditorProps) {
  const { t } = useI18n();
  const id = (field: string) => controlIdOf(idPrefix, `${path}.${field}`);
  const control = (field: string) => {
    const controlId = id(field);
    const message = errors.get(controlId);
    return {
      id: controlId,
      message,
      props: message ? { 'aria-invalid': true, 'aria-describedby': `${controlId}-error` } : {},
    };
  };
  const setTier = (index: number, change: Partial<TierDraft>) =>
    onChange({
      ...draft,
      tiers: draft.tiers.map((tier, at) => (at === index ? { ...tier, ...change } : tier)),
    });
  const model = control('model');
  const unitPrice = control('unitPrice');
  return (
    <div className="flex flex-col gap-2">
      <div className="field">
        <label htmlFor={model.id}>{t.pricing.model}</label>
        <select
          id={model.id}
          value={draft.model}
          onChange={(event) => onChange({ ...draft, model: event.target.value as PricingDraft['model'] })}
        >
          {(['PER_UNIT', 'GRADUATED', 'VOLUME'] as const).map((option) => (
            <option key={option} value={option}>
              {t.pricing.models[option]}
            </option>
          ))}
        </select>
        <span className="text-xs text-slate-600">{t.pricing.modelHints[draft.model]}</span>
      </div>
      {draft.model === 'PER_UNIT' ? (
        <div className="field max-w-48">
          <label htmlFor={unitPrice.id}>{t.pricing.unitPrice}</label>
          <input
            id={unitPrice.id}
            inputMode="decimal"
            autoComplete="off"
            value={draft.unitPrice}
            onChange={(event) => onChange({ ...draft, unitPrice: event.target.value })}
            {...unitPrice.props}
          />
          <ControlError id={unitPrice.id} message={unitPrice.message} />
        </div>
      ) : (
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-medium">{t.pricing.tiers}</legend>
          {draft.tiers.map((tier, index) => {
            const last = index === draft.tiers.length - 1;
            const to = control(`tiers[${index}].to`);
            const price = control(`tiers[${index}].unitPrice`);
            const from = index === 0 ? '0' : draft.tiers[index - 1]?.to || '…';
            return (
              <fieldset
                key={tier.key}
                className="flex flex-wrap items-end gap-2 rounded border border-slate-200 p-2"
              >
                <legend className="text-sm text-slate-700">{t.pricing.tierFrom(index + 1, from)}</legend>
                <div className="field min-w-0 flex-1 basis-28">
                  <label htmlFor={to.id}>{t.pricing.tierTo}</label>
                  {last ? (
                    <input id={to.id} value={t.pricing.openEnded} disabled />
                  ) : (
                    <input
                      id={to.id}
                      inputMode="decimal"
                      autoComplete="off"
                      value={tier.to}
                      onChange={(event) => setTier(index, { to: event.target.value })}
                      {...to.props}
                    />
                  )}
                  <ControlError id={to.id} message={to.message} />
                </div>
                <div className="field min-w-0 flex-1 basis-28">
                  <label htmlFor={price.id}>{t.pricing.unitPrice}</label>
                  <input
                    id={price.id}
                    inputMode="decimal"
                    autoComplete="off"
                    value={tier.unitPrice}
                    onChange={(event) => setTier(index, { unitPrice: event.target.value })}
                    {...price.props}
                  />
                  <ControlError id={price.id} message={price.message} />
                </div>
                {draft.tiers.length > 1 ? (
                  <button
                    type="button"
                    className="btn-secondary"
                    aria-label={t.pricing.removeTier(index + 1)}
                    onClick={() => onChange({ ...draft, tiers: draft.tiers.filter((_, at) => at !== index) })}
                  >
                    ✕
                  </button>
                ) : null}
              </fieldset>
            );
          })}
          <button
            type="button"
            className="btn-secondary self-start"
            onClick={() => onChange({ ...draft, tiers: [...draft.tiers, newTier()] })}
          >
            {t.pricing.addTier}
          </button>
        </fieldset>
      )}
    </div>
  );
}
