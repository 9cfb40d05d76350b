'use client';

import type { Problem } from '@/api/types';
import { useI18n } from '@/i18n/provider';

/** An edge problem, said plainly: its title and detail, and each field the edge named. */
export function ErrorState({ problem, title }: { problem: Problem; title?: string }) {
  const { t } = useI18n();
  const unavailable = problem.type === '/problems/edge-unavailable';
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900">
      <p className="font-semibold">{title ?? (unavailable ? t.common.edgeUnavailable : problem.title)}</p>
      {problem.detail && !unavailable ? <p>{problem.detail}</p> : null}
      {problem.errors && problem.errors.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {problem.errors.map((error) => (
            <li key={`${error.field}-${error.rule}`}>
              <code>{error.field}</code>: {error.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
