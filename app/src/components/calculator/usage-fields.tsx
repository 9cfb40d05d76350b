'use client';

import { useI18n } from '@/i18n/provider';
import type { CounterOption, UsageRowInput } from '@/lib/calculator-input';
import { counterLabel, unitName } from '@/lib/usage-labels';
import { useCalculatorStore } from '@/stores/provider';
import { Field, Row, Section } from './fieldset';

export function UsageFields({ rows, counters }: { rows: UsageRowInput[]; counters: CounterOption[] }) {
  const { locale, t } = useI18n();
  const addUsage = useCalculatorStore((state) => state.addUsage);
  const updateUsage = useCalculatorStore((state) => state.updateUsage);
  const removeUsage = useCalculatorStore((state) => state.removeUsage);
  const units = [...new Set(counters.map((counter) => counter.unit))];
  const first = counters[0];
  return (
    <Section legend={t.calculator.usage}>
      {rows.map((row, index) => {
        const id = (field: string) => `${row.id}-${field}`;
        return (
          <Row
            key={row.id}
            legend={t.calculator.usageRow(index + 1)}
            removeLabel={t.calculator.removeUsage(index + 1)}
            onRemove={() => removeUsage(row.id)}
          >
            <Field label={t.calculator.counter} id={id('counter')} note={row.counterName} wide>
              <select
                id={id('counter')}
                value={row.counterName}
                onChange={(event) => {
                  const unit = counters.find((counter) => counter.counterName === event.target.value)?.unit;
                  updateUsage(row.id, { counterName: event.target.value, ...(unit ? { unit } : {}) });
                }}
              >
                {counters.map((counter) => (
                  <option key={counter.counterName} value={counter.counterName} title={counter.counterName}>
                    {counterLabel(counter.counterName, locale)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t.calculator.quantity} id={id('quantity')}>
              <input
                id={id('quantity')}
                inputMode="decimal"
                autoComplete="off"
                value={row.quantity}
                onChange={(event) => updateUsage(row.id, { quantity: event.target.value })}
              />
            </Field>
            <Field label={t.calculator.unit} id={id('unit')}>
              <select
                id={id('unit')}
                value={row.unit}
                onChange={(event) => updateUsage(row.id, { unit: event.target.value })}
              >
                {units.map((unit) => (
                  <option key={unit} value={unit}>
                    {unitName(unit, '2', locale)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t.calculator.project} id={id('project')}>
              <input
                id={id('project')}
                autoComplete="off"
                value={row.projectId}
                onChange={(event) => updateUsage(row.id, { projectId: event.target.value })}
              />
            </Field>
          </Row>
        );
      })}
      <button
        type="button"
        className="btn-secondary self-start"
        onClick={() =>
          addUsage({
            counterName: first?.counterName ?? '',
            unit: first?.unit ?? '',
            quantity: '',
            projectId: rows.at(-1)?.projectId ?? 'web',
          })
        }
      >
        + {t.calculator.addUsage}
      </button>
    </Section>
  );
}
