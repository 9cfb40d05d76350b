import { notFound } from 'next/navigation';
import type { Problem } from '@/api/types';
import type { Locale } from '@/i18n/locales';
import { ErrorState } from './error-state';

/**
 * What a page shows when the one thing it is about could not be read: Next's 404 page when the edge
 * says there is no such thing (or it is another tenant's), else the problem, said plainly.
 */
export function ReadFailure({
  failure,
  locale,
}: {
  failure: { status: number; problem: Problem };
  locale: Locale;
}) {
  if (failure.status === 404) notFound();
  return <ErrorState problem={failure.problem} locale={locale} />;
}
