import { firstProblem } from '@/api/client';
import type { BillingGroup } from '@/api/types';
import { CreditGrantForm } from '@/components/billing-groups/credit-grant-form';
import { CreditWallet } from '@/components/billing-groups/credit-wallet';
import { ErrorState } from '@/components/feedback/error-state';
import { getI18n } from '@/i18n/server';
import { projectWallet } from '@/lib/projected-wallet';
import { loadCredits } from '@/loaders/billing-groups';

/** The credit wallet, each grant's balance after the month's draft, the ledger, and a grant form. */
export async function CreditsSection({ group, month }: { group: BillingGroup; month: string }) {
  const { locale, t } = await getI18n();
  const { balances, grants, ledger, statement } = await loadCredits(group.id, month);
  const draft = statement.ok && statement.data.state === 'DRAFT' ? statement.data.result : null;
  return (
    <section aria-labelledby="credits-heading" className="card flex min-w-0 flex-col gap-3">
      <h2 id="credits-heading" className="text-lg font-semibold">
        {t.groups.credits}
      </h2>
      {balances.ok && grants.ok && ledger.ok ? (
        <CreditWallet
          balances={balances.data}
          grants={grants.data.items}
          ledger={ledger.data.items}
          afterDraft={draft ? projectWallet(balances.data, draft).afterByGrant : undefined}
        />
      ) : (
        <ErrorState locale={locale} problem={firstProblem(balances, grants, ledger)} />
      )}
      <CreditGrantForm billingGroupId={group.id} />
    </section>
  );
}
