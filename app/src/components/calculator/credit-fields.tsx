'use client';

import { DateSelect } from '@/components/forms/date-select';
import { useI18n } from '@/i18n/provider';
import { CREDIT_TYPES, type CreditInput } from '@/lib/calculator-input';
import { useCalculatorStore } from '@/stores/provider';
import { FieldErrorMessage, useFieldError } from './field-errors';
import { Field, Row, Section } from './fieldset';

export function CreditFields({ credits }: { credits: CreditInput[] }) {
  const { t } = useI18n();
  const addCredit = useCalculatorStore((state) => state.addCredit);
  const updateCredit = useCalculatorStore((state) => state.updateCredit);
  const removeCredit = useCalculatorStore((state) => state.removeCredit);
  return (
    <Section legend={t.calculator.credits}>
      {credits.map((credit, index) => {
        const id = (field: string) => `${credit.id}-${field}`;
        const change = (changes: Partial<CreditInput>) => updateCredit(credit.id, changes);
        return (
          <Row
            key={credit.id}
            legend={t.calculator.creditRow(index + 1)}
            removeLabel={t.calculator.removeCredit(index + 1)}
            onRemove={() => removeCredit(credit.id)}
          >
            <Field label={t.calculator.creditType} id={id('type')}>
              <select
                id={id('type')}
                value={credit.type}
                onChange={(event) => change({ type: event.target.value as CreditInput['type'] })}
              >
                {CREDIT_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t.enums.creditType[type]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t.calculator.amount} id={id('amount')}>
              <input
                id={id('amount')}
                inputMode="decimal"
                autoComplete="off"
                value={credit.amount}
                onChange={(event) => change({ amount: event.target.value })}
              />
            </Field>
            <Field label={t.calculator.priority} id={id('priority')}>
              <input
                id={id('priority')}
                type="number"
                step={1}
                title={t.calculator.priorityHint}
                value={credit.priority}
                onChange={(event) => change({ priority: event.target.value })}
              />
            </Field>
            <ExpiryField
              id={id('expiry')}
              label={t.calculator.expiry}
              value={credit.expiresOn}
              onChange={(expiresOn) => change({ expiresOn })}
            />
          </Row>
        );
      })}
      <button
        type="button"
        className="btn-secondary self-start"
        onClick={() => addCredit({ type: 'PROMOTIONAL', amount: '', priority: '', expiresOn: '' })}
      >
        + {t.calculator.addCredit}
      </button>
    </Section>
  );
}

/** The grant's optional expiry day, with its refusal beside it. */
function ExpiryField(props: { id: string; label: string; value: string; onChange: (date: string) => void }) {
  const { message, messageId, controlProps } = useFieldError(props.id);
  return (
    <div className="min-w-0 flex-1 basis-full sm:basis-72">
      <DateSelect {...props} years={{ first: 2000, last: 2099 }} controlProps={controlProps} />
      <FieldErrorMessage id={messageId} message={message} />
    </div>
  );
}
