import type { Metadata } from 'next';
import { HistoryView } from '@/components/history/history-view';
import { getI18n } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.history.title };
}

export default async function HistoryPage() {
  const { t } = await getI18n();
  return (
    <div className="flex flex-col gap-4">
      <header>
        <h1 className="text-2xl font-bold">{t.history.title}</h1>
        <p className="text-sm text-slate-600">{t.history.intro}</p>
      </header>
      <HistoryView />
    </div>
  );
}
