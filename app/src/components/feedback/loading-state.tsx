import { getI18n } from '@/i18n/server';

/** "Loading…" with a spinner: the fallback of every route's loading.tsx and of each Suspense boundary. */
export async function LoadingState() {
  const { t } = await getI18n();
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-2 py-8 text-slate-600">
      <span className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-blue-700" />
      {t.common.loading}
    </div>
  );
}
