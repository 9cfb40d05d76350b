'use client';

import { useState, useTransition } from 'react';
import { reconcileStatement } from '@/actions/statements';
import type { EdgeResult } from '@/api/client';
import type { StatementReconciliation } from '@/api/types';
import { useI18n } from '@/i18n/provider';
import { toReconcileRows } from '@/mappers/reconciliation';
import { ActionProblem } from './action-problem';

/** Runs reconcile on demand and shows its verdict: clean, or each difference closed vs recomputed. */
export function ReconcilePanel({ statementId }: { statementId: string }) {
  const { locale, t } = useI18n();
  const [outcome, setOutcome] = useState<EdgeResult<StatementReconciliation> | null>(null);
  const [pending, startTransition] = useTransition();
  const run = () =>
    startTransition(async () => {
      setOutcome(await reconcileStatement(statementId));
    });
  const report = outcome?.ok ? outcome.data : null;
  return (
    <section aria-labelledby="reconcile-heading" className="flex flex-col gap-2">
      <h3 id="reconcile-heading" className="font-semibold">
        {t.operator.reconcileHeading}
      </h3>
      <p className="text-sm text-slate-600">{t.operator.reconcileIntro}</p>
      <div>
        <button type="button" className="btn-secondary" disabled={pending} onClick={run}>
          {pending ? t.operator.reconciling : t.operator.reconcile}
        </button>
      </div>
      <div aria-live="polite">
        {outcome && !outcome.ok ? <ActionProblem locale={locale} problem={outcome.problem} /> : null}
        {report?.clean ? (
          <p role="status" className="text-sm font-medium text-green-800">
            {t.operator.reconcileClean}
          </p>
        ) : null}
        {report && !report.clean ? (
          <div className="flex flex-col gap-2">
            <p role="status" className="text-sm font-medium text-amber-900">
              {t.operator.reconcileDifferences(report.differences.length)}
            </p>
            <div className="table-stack overflow-x-auto">
              <table>
                <caption className="sr-only">{t.operator.reconcileHeading}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.operator.field}</th>
                    <th scope="col">{t.operator.closedValue}</th>
                    <th scope="col">{t.operator.recomputedValue}</th>
                  </tr>
                </thead>
                <tbody>
                  {toReconcileRows(report.differences, t).map((row) => (
                    <tr key={row.path}>
                      <td data-primary="">
                        {row.field}
                        <span className="block text-xs text-slate-600">{row.path}</span>
                      </td>
                      <td data-label={t.operator.closedValue} className="break-all">
                        {row.closed}
                      </td>
                      <td data-label={t.operator.recomputedValue} className="break-all">
                        {row.recomputed}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ) : null}
      </div>
    </section>
  );
}
