'use client';

import { useI18n } from '@/i18n/provider';
import type { CalculatorInput } from '@/lib/calculator-input';
import { useCalculatorStore } from '@/stores/provider';
import { Field, Section } from './fieldset';

export function ContractFields({ contract }: { contract: CalculatorInput['contract'] }) {
  const { t } = useI18n();
  const setContract = useCalculatorStore((state) => state.setContract);
  return (
    <Section legend={t.calculator.contract}>
      <div className="flex flex-wrap gap-2">
        <Field label={t.calculator.discountRate} id="contract-discount-rate">
          <input
            id="contract-discount-rate"
            inputMode="decimal"
            autoComplete="off"
            value={contract.discountRate}
            onChange={(event) => setContract({ discountRate: event.target.value })}
          />
        </Field>
        <Field label={t.calculator.minimumCharge} id="contract-minimum-charge">
          <input
            id="contract-minimum-charge"
            inputMode="decimal"
            autoComplete="off"
            value={contract.minimumCharge}
            onChange={(event) => setContract({ minimumCharge: event.target.value })}
          />
        </Field>
      </div>
    </Section>
  );
}
