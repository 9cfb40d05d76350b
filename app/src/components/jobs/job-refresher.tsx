'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { useI18n } from '@/i18n/provider';

const REFRESH_MS = 1000;

/** While the job runs, re-reads the page every second (a server render, no client fetch of its own). */
export function JobRefresher() {
  const { t } = useI18n();
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [router]);
  return <p className="text-sm text-slate-600">{t.monthEnd.refreshing}</p>;
}
