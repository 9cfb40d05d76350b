import { EDGE_PROBLEMS, type Problem } from '@/api/types';
import type { Locale } from '@/i18n/locales';
import { type Messages, messages } from '@/i18n/messages';

/** What to say when the edge gave no usable answer: the app's own words, not a problem title. */
function unansweredMessage(problem: Problem, t: Messages): string | null {
  switch (problem.type) {
    case EDGE_PROBLEMS.unavailable:
      return t.common.edgeUnavailable;
    case EDGE_PROBLEMS.timeout:
      return t.common.edgeTimeout;
    case EDGE_PROBLEMS.badResponse:
      return t.common.edgeBadResponse;
    default:
      return null;
  }
}

interface ErrorStateProps {
  problem: Problem;
  locale: Locale;
  title?: string;
}

/**
 * An edge problem, said plainly: its title and detail, and each field the edge named. The heading is
 * in the reader's language (by the problem's status); the API's own detail and field messages are
 * English, so under another language they are introduced as the API's words and marked `lang="en"`.
 * No hooks: a server page renders it as it is, and a client form renders it with the locale of its
 * context.
 */
export function ErrorState({ problem, locale, title }: ErrorStateProps) {
  const t = messages[locale];
  const unanswered = unansweredMessage(problem, t);
  const apiLang = locale === 'en' ? undefined : 'en';
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900">
      <p className="font-semibold">
        {title ??
          unanswered ??
          t.common.problemTypes[problem.type] ??
          t.common.problemTitle(problem.status, problem.title)}
      </p>
      {title && unanswered ? <p>{unanswered}</p> : null}
      {problem.detail && !unanswered ? (
        <p>
          {t.common.apiSaid}
          <span lang={apiLang}>{problem.detail}</span>
        </p>
      ) : null}
      {problem.errors && problem.errors.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {problem.errors.map((error) => (
            <li key={`${error.field}-${error.rule}`} lang={apiLang}>
              <code>{error.field}</code>: {error.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
