'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { useI18n } from '@/i18n/provider';

const REFRESH_MS = 1000;

/**
 * While a clock advances, re-reads the page every second (a server render of the clocks, no client
 * fetch of its own), so its time, status and progress move; the page stops drawing this once every
 * clock is READY, and the re-reading stops with it.
 */
export function ClockRefresher() {
  const { t } = useI18n();
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [router]);
  return <p className="text-sm text-slate-600">{t.testClocks.refreshing}</p>;
}
