import type { Problem } from '@/api/types';
import { ErrorState } from '@/components/feedback/error-state';
import type { Locale } from '@/i18n/locales';
import { messages } from '@/i18n/messages';

/** Why the edge refused an operator action, in plain words when the rule is known, beside the action. */
export function ActionProblem({ problem, locale }: { problem: Problem; locale: Locale }) {
  const t = messages[locale];
  const plain = t.operator.problems[problem.type];
  if (!plain) return <ErrorState locale={locale} problem={problem} title={t.operator.refused} />;
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      <p>
        <span className="font-semibold">{t.operator.refused}</span> {plain}
      </p>
    </div>
  );
}
