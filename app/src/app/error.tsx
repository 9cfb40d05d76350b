'use client';

import { useI18n } from '@/i18n/provider';

export default function PageError({ reset }: { error: Error; reset: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="card flex flex-col items-start gap-2 border-red-300">
      <h1 className="text-xl font-bold">{t.common.errorTitle}</h1>
      <p className="text-sm">{t.common.errorBody}</p>
      <button type="button" className="btn" onClick={reset}>
        {t.common.retry}
      </button>
    </div>
  );
}
