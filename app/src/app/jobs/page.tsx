import type { Metadata } from 'next';
import { StartCloseMonthForm } from '@/components/jobs/start-close-month-form';
import { getI18n } from '@/i18n/server';
import { currentMonth } from '@/lib/months';
import { previousMonth } from '@/mappers/month-close';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.monthEnd.title };
}

/** The month-end batch: choose a month (the previous one by default) and close it for every group. */
export default async function MonthEndPage() {
  const { t } = await getI18n();
  const thisMonth = currentMonth();
  return (
    <div className="flex flex-col gap-4">
      <header>
        <h1 className="text-2xl font-bold">{t.monthEnd.title}</h1>
        <p className="text-sm text-slate-600">{t.monthEnd.intro}</p>
      </header>
      <section className="card">
        <StartCloseMonthForm defaultMonth={previousMonth(thisMonth)} thisMonth={thisMonth} />
      </section>
    </div>
  );
}
