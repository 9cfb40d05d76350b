'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

const REFRESH_MS = 1000;

/**
 * While work runs on the edge (a month-end job, a clock's advance), re-reads the page every second:
 * a server render, no client fetch of its own, so what the page shows moves with the work. The page
 * stops drawing this once the work is done, and the re-reading stops with it. `message` says so.
 */
export function PageRefresher({ message }: { message: string }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [router]);
  return <p className="text-sm text-slate-600">{message}</p>;
}
