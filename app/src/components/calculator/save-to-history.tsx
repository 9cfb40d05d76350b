'use client';

import { useState } from 'react';
import type { StatementCalculation } from '@/api/types';
import { useI18n } from '@/i18n/provider';
import type { CalculatorInput } from '@/lib/calculator-input';
import { formatMonth } from '@/lib/months';
import { toStatementTotals } from '@/mappers/statement-view';
import { useHistoryStore } from '@/stores/provider';

/** Saves the current inputs with their totals; disabled while the statement is being recomputed. */
export function SaveToHistory({
  input,
  result,
}: {
  input: CalculatorInput;
  result: StatementCalculation | null;
}) {
  const { locale, t } = useI18n();
  const save = useHistoryStore((state) => state.save);
  const savedCount = useHistoryStore((state) => state.entries.length);
  const [name, setName] = useState('');
  const [savedName, setSavedName] = useState<string | null>(null);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (!result) return;
        const entry = save(
          name.trim() || t.calculator.defaultName(formatMonth(input.month, locale), savedCount + 1),
          structuredClone(input),
          toStatementTotals(result),
        );
        setSavedName(entry.name);
        setName('');
      }}
    >
      <div className="field min-w-0 flex-1">
        <label htmlFor="history-name">{t.calculator.saveName}</label>
        <input
          id="history-name"
          value={name}
          placeholder={t.calculator.defaultName(formatMonth(input.month, locale), savedCount + 1)}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <button type="submit" className="btn" disabled={!result}>
        {t.calculator.save}
      </button>
      <p role="status" className="w-full text-sm text-green-800">
        {savedName ? t.calculator.saved(savedName) : ''}
      </p>
    </form>
  );
}
