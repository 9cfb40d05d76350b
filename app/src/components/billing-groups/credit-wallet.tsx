import type { CreditBalances, CreditGrant, CreditLedgerEntry } from '@/api/types';
import { EmptyState } from '@/components/feedback/empty-state';
import { formatDate } from '@/i18n/locales';
import { getI18n } from '@/i18n/server';
import { creditGrantName, creditNamer } from '@/lib/credit-names';
import { formatMoney } from '@/lib/money';

interface CreditWalletProps {
  balances: CreditBalances;
  grants: CreditGrant[];
  ledger: CreditLedgerEntry[];
  /** Each grant's balance once the month's draft is closed; absent when the month is closed. */
  afterDraft?: ReadonlyMap<string, string> | undefined;
}

/**
 * Balances by type, each grant's balance, and the ledger that explains them. Grants go by their
 * name (or type); the `cg_` id is the name's title, for whoever needs to quote it to the API.
 */
export async function CreditWallet({ balances, grants, ledger, afterDraft }: CreditWalletProps) {
  const { locale, t } = await getI18n();
  const money = (amount: string) => formatMoney(amount, balances.currency, locale);
  const expiredIds = new Set(balances.grants.filter((grant) => grant.expired).map((grant) => grant.grantId));
  const grantName = creditNamer(grants, locale);
  return (
    <div className="flex flex-col gap-3">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5">
        <div className="col-span-2 rounded bg-slate-100 p-2 sm:col-span-1">
          <dt className="text-xs text-slate-600">{t.groups.balanceTotal}</dt>
          <dd className="font-bold tabular-nums" data-testid="credit-total">
            {money(balances.total)}
          </dd>
        </div>
        {(['PROMOTIONAL', 'FREE', 'REFUND', 'PAID'] as const).map((type) => (
          <div key={type} className="rounded bg-slate-50 p-2">
            <dt className="text-xs text-slate-600">{t.enums.creditType[type]}</dt>
            <dd className="tabular-nums">{money(balances.byType[type])}</dd>
          </div>
        ))}
      </dl>

      <h3 className="font-semibold">{t.groups.grants}</h3>
      {grants.length === 0 ? (
        <EmptyState>{t.groups.noGrants}</EmptyState>
      ) : (
        <div className="table-stack overflow-x-auto">
          <table>
            <caption className="sr-only">{t.groups.grants}</caption>
            <thead>
              <tr>
                <th scope="col">{t.groups.grantName}</th>
                <th scope="col">{t.calculator.creditType}</th>
                <th scope="col" className="num">
                  {t.calculator.priority}
                </th>
                <th scope="col" className="num">
                  {t.groups.balance}
                </th>
                {afterDraft ? (
                  <th scope="col" className="num">
                    {t.groups.afterDraft}
                  </th>
                ) : null}
                <th scope="col">{t.groups.expires}</th>
                <th scope="col" className="num">
                  {t.groups.lowBalance}
                </th>
              </tr>
            </thead>
            <tbody>
              {grants.map((grant) => (
                <tr key={grant.id}>
                  <td data-primary="">
                    <span title={grant.id}>{creditGrantName(grant, locale)}</span>
                  </td>
                  <td data-label={t.calculator.creditType}>{t.enums.creditType[grant.type]}</td>
                  <td className="num" data-label={t.calculator.priority}>
                    {grant.priority}
                  </td>
                  <td className="num" data-label={t.groups.balance}>
                    {money(grant.balance)} / {money(grant.amount)}
                  </td>
                  {afterDraft ? (
                    <td className="num" data-label={t.groups.afterDraft}>
                      {money(afterDraft.get(grant.id) ?? grant.balance)}
                    </td>
                  ) : null}
                  <td data-label={t.groups.expires} className="whitespace-nowrap">
                    {grant.expiresAt ? formatDate(grant.expiresAt, locale) : t.groups.never}
                    {expiredIds.has(grant.id) ? ` (${t.groups.expired})` : ''}
                  </td>
                  <td className="num" data-label={t.groups.lowBalance}>
                    {grant.lowBalanceThreshold
                      ? t.groups.lowBalanceBelow(money(grant.lowBalanceThreshold))
                      : t.common.none}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3 className="font-semibold">{t.groups.ledger}</h3>
      {ledger.length === 0 ? (
        <EmptyState>{t.groups.noLedger}</EmptyState>
      ) : (
        <div className="table-stack overflow-x-auto">
          <table>
            <caption className="sr-only">{t.groups.ledger}</caption>
            <thead>
              <tr>
                <th scope="col">{t.groups.kind}</th>
                <th scope="col">{t.groups.grantName}</th>
                <th scope="col" className="num">
                  {t.calculator.amount}
                </th>
                <th scope="col">{t.groups.at}</th>
              </tr>
            </thead>
            <tbody>
              {ledger.map((entry) => (
                <tr key={entry.seq}>
                  <td data-primary="">{t.enums.ledgerKind[entry.kind]}</td>
                  <td data-label={t.groups.grantName}>
                    <span title={entry.grantId}>{grantName(entry.grantId)}</span>
                  </td>
                  <td className="num" data-label={t.calculator.amount}>
                    {money(entry.amount)}
                  </td>
                  <td data-label={t.groups.at} className="whitespace-nowrap">
                    {formatDate(entry.at, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
