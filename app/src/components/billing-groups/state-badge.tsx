import type { StatementState } from '@/api/types';
import { getI18n } from '@/i18n/server';

const TONES: Record<StatementState, string> = {
  DRAFT: 'bg-slate-200 text-slate-900',
  ISSUED: 'bg-blue-100 text-blue-900',
  PARTIALLY_PAID: 'bg-amber-100 text-amber-900',
  PAID: 'bg-green-100 text-green-900',
  OVERDUE: 'bg-red-100 text-red-900',
  CARRIED_FORWARD: 'bg-violet-100 text-violet-900',
  VOID: 'bg-slate-300 text-slate-900 line-through',
};

export async function StateBadge({ state }: { state: StatementState }) {
  const { t } = await getI18n();
  return (
    <span data-state={state} className={`rounded px-2 py-0.5 text-xs font-semibold ${TONES[state]}`}>
      {t.enums.statementState[state]}
    </span>
  );
}
