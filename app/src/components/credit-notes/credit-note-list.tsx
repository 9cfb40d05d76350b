import type { CreditNote } from '@/api/types';
import { EmptyState } from '@/components/feedback/empty-state';
import { formatDate } from '@/i18n/locales';
import { getI18n } from '@/i18n/server';
import { formatMoney } from '@/lib/money';

/**
 * A statement's credit notes, oldest first: number, why, the total with its VAT, and how it settled
 * (taken off what is owed, or refunded as credit). Rows become labelled cards on a phone.
 */
export async function CreditNoteList({ notes }: { notes: CreditNote[] }) {
  const { locale, t } = await getI18n();
  if (notes.length === 0) return <EmptyState>{t.creditNotes.none}</EmptyState>;
  const money = (note: CreditNote, amount: string) => formatMoney(amount, note.currency, locale);
  return (
    <div className="table-stack overflow-x-auto">
      <table>
        <caption className="sr-only">{t.creditNotes.heading}</caption>
        <thead>
          <tr>
            <th scope="col">{t.creditNotes.number}</th>
            <th scope="col">{t.creditNotes.reason}</th>
            <th scope="col" className="num">
              {t.creditNotes.total}
            </th>
            <th scope="col">{t.creditNotes.settled}</th>
          </tr>
        </thead>
        <tbody>
          {notes.map((note) => (
            <tr key={note.id}>
              <td data-primary="">
                <span className="font-medium">{note.number}</span>
                <span className="block text-xs text-slate-600">{formatDate(note.createdAt, locale)}</span>
              </td>
              <td data-label={t.creditNotes.reason} className="wrap-anywhere">
                {note.reason}
              </td>
              <td className="num" data-label={t.creditNotes.total}>
                {money(note, note.total)}
                <span className="block text-xs text-slate-600">
                  {t.creditNotes.netAndVat(money(note, note.net), money(note, note.vat))}
                </span>
              </td>
              <td data-label={t.creditNotes.settled}>
                {t.creditNotes.settlement(money(note, note.applied), money(note, note.refunded))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
