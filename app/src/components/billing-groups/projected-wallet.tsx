import { getI18n } from '@/i18n/server';
import { formatMoney } from '@/lib/money';
import type { ProjectedWallet as Projection } from '@/lib/projected-wallet';

/** Credit now, what the draft uses, and what closing the month would leave: three figures. */
export async function ProjectedWallet({
  projection,
  currency,
}: {
  projection: Projection;
  currency: string;
}) {
  const { locale, t } = await getI18n();
  const money = (amount: string) => formatMoney(amount, currency, locale);
  return (
    <section aria-labelledby="projected-heading" className="card flex flex-col gap-2">
      <h2 id="projected-heading" className="text-lg font-semibold">
        {t.groups.projected}
      </h2>
      <p className="text-sm text-slate-600">{t.groups.projectedNote}</p>
      <dl className="grid grid-cols-1 gap-2 sm:grid-cols-3">
        <div className="rounded bg-slate-50 p-2">
          <dt className="text-xs text-slate-600">{t.groups.projectedNow}</dt>
          <dd className="tabular-nums">{money(projection.now)}</dd>
        </div>
        <div className="rounded bg-slate-50 p-2">
          <dt className="text-xs text-slate-600">{t.groups.projectedBurned}</dt>
          <dd className="tabular-nums">{money(projection.burned)}</dd>
        </div>
        <div className="rounded bg-slate-100 p-2">
          <dt className="text-xs text-slate-600">{t.groups.afterDraft}</dt>
          <dd className="font-bold tabular-nums" data-testid="credit-after-draft">
            {money(projection.after)}
          </dd>
        </div>
      </dl>
    </section>
  );
}
