'use client';

import type { Problem } from '@/api/types';
import { ErrorState } from '@/components/feedback/error-state';
import { useI18n } from '@/i18n/provider';

interface RefusalSummaryProps {
  problem: Problem | null;
  /** How many refusals their fields already show. */
  placedCount: number;
  /** The refusals no field of the form shows, listed as the API names them. */
  unplaced: NonNullable<Problem['errors']>;
  /** A heading ("Not saved: 2 values need fixing"); without one, nothing is said when every refusal is placed. */
  title?: string;
}

/**
 * What a refused save says above or below its form. Its fields say what is wrong in the page's
 * words, so the API's detail (which joins the same refusals in its words) is left out; what no field
 * shows is listed.
 */
export function RefusalSummary({ problem, placedCount, unplaced, title }: RefusalSummaryProps) {
  const { locale } = useI18n();
  if (!problem || (!title && placedCount > 0 && unplaced.length === 0)) return null;
  return (
    <ErrorState
      locale={locale}
      {...(title ? { title } : {})}
      problem={{ ...problem, detail: problem.errors?.length ? '' : problem.detail, errors: unplaced }}
    />
  );
}
