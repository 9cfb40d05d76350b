'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { formatDate } from '@/i18n/locales';
import { useI18n } from '@/i18n/provider';
import { formatMoney } from '@/lib/money';
import type { SavedCalculation } from '@/stores/history-store';
import { useCalculatorStore, useHistoryStore } from '@/stores/provider';

interface HistoryRowProps {
  entry: SavedCalculation;
  selected: boolean;
  onSelect: (checked: boolean) => void;
}

export function HistoryRow({ entry, selected, onSelect }: HistoryRowProps) {
  const { locale, t } = useI18n();
  const router = useRouter();
  const rename = useHistoryStore((state) => state.rename);
  const remove = useHistoryStore((state) => state.remove);
  const restore = useCalculatorStore((state) => state.replace);
  const [editing, setEditing] = useState(false);
  const [draftName, setDraftName] = useState(entry.name);

  return (
    <tr>
      <td data-label={t.history.compare}>
        <input
          type="checkbox"
          className="h-4 w-4"
          aria-label={t.history.compareLabel(entry.name)}
          checked={selected}
          onChange={(event) => onSelect(event.target.checked)}
        />
      </td>
      <td data-primary="">
        {editing ? (
          <form
            className="flex flex-wrap gap-1"
            onSubmit={(event) => {
              event.preventDefault();
              if (draftName.trim()) rename(entry.id, draftName.trim());
              setEditing(false);
            }}
          >
            <input
              aria-label={t.history.renameLabel(entry.name)}
              value={draftName}
              // biome-ignore lint/a11y/noAutofocus: the field appears because the user asked to rename
              autoFocus
              onChange={(event) => setDraftName(event.target.value)}
              onKeyDown={(event) => event.key === 'Escape' && setEditing(false)}
            />
            <button type="submit" className="btn">
              {t.common.save}
            </button>
            <button type="button" className="btn-secondary" onClick={() => setEditing(false)}>
              {t.common.cancel}
            </button>
          </form>
        ) : (
          <span className="font-medium">{entry.name}</span>
        )}
      </td>
      <td className="whitespace-nowrap" data-label={t.history.savedAt}>
        {formatDate(entry.savedAt, locale)}
      </td>
      <td className="num" data-label={t.history.total}>
        {formatMoney(entry.totals.total, entry.totals.currency, locale)}
      </td>
      <td data-label={t.history.actions}>
        <div className="flex flex-wrap justify-end gap-1">
          <button
            type="button"
            className="btn-secondary"
            aria-label={t.history.restoreLabel(entry.name)}
            onClick={() => {
              restore(structuredClone(entry.input));
              router.push('/');
            }}
          >
            {t.history.restore}
          </button>
          <button
            type="button"
            className="btn-secondary"
            aria-label={t.history.renameAction(entry.name)}
            onClick={() => {
              setDraftName(entry.name);
              setEditing(true);
            }}
          >
            {t.history.rename}
          </button>
          <button
            type="button"
            className="btn-secondary"
            aria-label={t.history.deleteLabel(entry.name)}
            onClick={() => remove(entry.id)}
          >
            {t.common.delete}
          </button>
        </div>
      </td>
    </tr>
  );
}
