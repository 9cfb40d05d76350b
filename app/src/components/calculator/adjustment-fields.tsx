'use client';

import { useI18n } from '@/i18n/provider';
import {
  ADJUSTMENT_LEVELS,
  ADJUSTMENT_METHODS,
  ADJUSTMENT_TYPES,
  type AdjustmentInput,
} from '@/lib/calculator-input';
import { useCalculatorStore } from '@/stores/provider';
import { Field, Row, Section } from './fieldset';

export function AdjustmentFields({ adjustments }: { adjustments: AdjustmentInput[] }) {
  const { t } = useI18n();
  const addAdjustment = useCalculatorStore((state) => state.addAdjustment);
  const updateAdjustment = useCalculatorStore((state) => state.updateAdjustment);
  const removeAdjustment = useCalculatorStore((state) => state.removeAdjustment);
  const firstProject = useCalculatorStore((state) => state.input?.usage[0]?.projectId ?? '');
  return (
    <Section legend={t.calculator.adjustments}>
      {adjustments.map((adjustment, index) => {
        const id = (field: string) => `${adjustment.id}-${field}`;
        const change = (changes: Partial<AdjustmentInput>) => updateAdjustment(adjustment.id, changes);
        return (
          <Row
            key={adjustment.id}
            legend={t.calculator.adjustmentRow(index + 1)}
            removeLabel={t.calculator.removeAdjustment(index + 1)}
            onRemove={() => removeAdjustment(adjustment.id)}
          >
            <Field label={t.calculator.type} id={id('type')}>
              <select
                id={id('type')}
                value={adjustment.type}
                onChange={(event) => change({ type: event.target.value as AdjustmentInput['type'] })}
              >
                {ADJUSTMENT_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t.enums.adjustmentType[type]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t.calculator.method} id={id('method')}>
              <select
                id={id('method')}
                value={adjustment.method}
                onChange={(event) => change({ method: event.target.value as AdjustmentInput['method'] })}
              >
                {ADJUSTMENT_METHODS.map((method) => (
                  <option key={method} value={method}>
                    {t.enums.method[method]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t.calculator.value} id={id('value')}>
              <input
                id={id('value')}
                inputMode="decimal"
                autoComplete="off"
                title={t.calculator.valueHint}
                value={adjustment.value}
                onChange={(event) => change({ value: event.target.value })}
              />
            </Field>
            <Field label={t.calculator.level} id={id('level')}>
              <select
                id={id('level')}
                value={adjustment.level}
                onChange={(event) => change({ level: event.target.value as AdjustmentInput['level'] })}
              >
                {ADJUSTMENT_LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {t.enums.level[level]}
                  </option>
                ))}
              </select>
            </Field>
            {adjustment.level === 'PROJECT' ? (
              <Field label={t.calculator.targetProject} id={id('target')}>
                <input
                  id={id('target')}
                  autoComplete="off"
                  value={adjustment.targetProjectId}
                  onChange={(event) => change({ targetProjectId: event.target.value })}
                />
              </Field>
            ) : null}
          </Row>
        );
      })}
      <button
        type="button"
        className="btn-secondary self-start"
        onClick={() =>
          addAdjustment({
            type: 'DISCOUNT',
            method: 'RATE',
            value: '',
            level: 'BILLING_GROUP',
            targetProjectId: firstProject,
          })
        }
      >
        + {t.calculator.addAdjustment}
      </button>
    </Section>
  );
}
