'use client';

import { useState } from 'react';
import { EmptyState } from '@/components/feedback/empty-state';
import { useI18n } from '@/i18n/provider';
import { useHistoryStore } from '@/stores/provider';
import { ComparisonTable } from './comparison-table';
import { HistoryRow } from './history-row';

export function HistoryView() {
  const { locale, t } = useI18n();
  const hydrated = useHistoryStore((state) => state.hydrated);
  const entries = useHistoryStore((state) => state.entries);
  const [selected, setSelected] = useState<string[]>([]);

  if (!hydrated) return <p role="status">{t.common.loading}</p>;
  if (entries.length === 0) return <EmptyState>{t.history.empty}</EmptyState>;

  const toggle = (id: string, checked: boolean) =>
    setSelected((current) =>
      checked
        ? [...current.filter((other) => other !== id), id].slice(-2)
        : current.filter((other) => other !== id),
    );
  const compared = selected
    .map((id) => entries.find((entry) => entry.id === id))
    .filter((entry) => entry !== undefined);

  return (
    <div className="flex flex-col gap-4">
      <section className="card table-stack overflow-x-auto">
        <table>
          <caption className="sr-only">{t.history.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.history.compare}</th>
              <th scope="col">{t.history.name}</th>
              <th scope="col">{t.history.savedAt}</th>
              <th scope="col" className="num">
                {t.history.total}
              </th>
              <th scope="col">{t.history.actions}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <HistoryRow
                key={entry.id}
                entry={entry}
                selected={selected.includes(entry.id)}
                onSelect={(checked) => toggle(entry.id, checked)}
              />
            ))}
          </tbody>
        </table>
      </section>
      {compared.length === 2 && compared[0] && compared[1] ? (
        <>
          <button
            type="button"
            className="btn-secondary self-start"
            onClick={() => setSelected((current) => [...current].reverse())}
          >
            {t.history.swap}
          </button>
          <ComparisonTable baseline={compared[0]} candidate={compared[1]} locale={locale} />
        </>
      ) : (
        <p className="text-sm text-slate-600">{t.history.compareHint}</p>
      )}
    </div>
  );
}
