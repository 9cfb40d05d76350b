import { StatementList } from '@/components/billing-groups/statement-list';
import { ErrorState } from '@/components/feedback/error-state';
import { getI18n } from '@/i18n/server';
import { loadStatements } from '@/loaders/billing-groups';

/** Every closed statement of the group, newest first, with its state and what is outstanding. */
export async function StatementsSection({ billingGroupId }: { billingGroupId: string }) {
  const { locale, t } = await getI18n();
  const statements = await loadStatements(billingGroupId);
  return (
    <section aria-labelledby="statements-heading" className="card flex flex-col gap-3">
      <h2 id="statements-heading" className="text-lg font-semibold">
        {t.groups.statements}
      </h2>
      {statements.ok ? (
        <StatementList statements={statements.data.items} />
      ) : (
        <ErrorState locale={locale} problem={statements.problem} />
      )}
    </section>
  );
}
