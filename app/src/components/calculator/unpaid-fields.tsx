'use client';

import { useI18n } from '@/i18n/provider';
import type { CalculatorInput } from '@/lib/calculator-input';
import { useCalculatorStore } from '@/stores/provider';
import { Field, Section } from './fieldset';

export function UnpaidFields({ unpaid }: { unpaid: CalculatorInput['unpaid'] }) {
  const { t } = useI18n();
  const setUnpaid = useCalculatorStore((state) => state.setUnpaid);
  return (
    <Section legend={t.calculator.unpaid}>
      <div className="flex flex-wrap items-end gap-3">
        <Field label={t.calculator.unpaidAmount} id="unpaid-amount">
          <input
            id="unpaid-amount"
            inputMode="decimal"
            autoComplete="off"
            value={unpaid.amount}
            onChange={(event) => setUnpaid({ amount: event.target.value })}
          />
        </Field>
        <div className="flex items-center gap-2 pb-2">
          <input
            id="unpaid-overdue"
            type="checkbox"
            className="h-4 w-4"
            checked={unpaid.isOverdue}
            onChange={(event) => setUnpaid({ isOverdue: event.target.checked })}
          />
          <label htmlFor="unpaid-overdue">{t.calculator.overdue}</label>
        </div>
      </div>
    </Section>
  );
}
