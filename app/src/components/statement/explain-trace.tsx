import type { Locale } from '@/i18n/locales';
import { messages } from '@/i18n/messages';
import { explainInWords } from '@/lib/explain-in-words';
import type { StatementView } from '@/mappers/statement-view';

interface ExplainTraceProps {
  trace: StatementView['trace'];
  locale: Locale;
  /** An amount as the page shows it. */
  money: (amount: string) => string;
  /** A credit grant's name, never its id. */
  creditName: (grantId: string) => string;
  /** A project's name, else its id. */
  projectName: (projectId: string) => string;
}

/**
 * "Why this amount": the engine's trace told in plain words, one sentence per step with the
 * statement's own figures (the same sentences as the PDF). The steps as the engine computed them,
 * with rule names and exact values, stay one click further for whoever checks the arithmetic.
 */
export function ExplainTrace({ trace, locale, money, creditName, projectName }: ExplainTraceProps) {
  const t = messages[locale];
  const sentences = explainInWords(trace, { locale, money, creditName, projectName });
  return (
    <details className="card">
      <summary className="cursor-pointer font-semibold">{t.statement.explain}</summary>
      <ol aria-label={t.statement.explain} className="mt-3 flex list-decimal flex-col gap-1 pl-6 text-sm">
        {sentences.map((sentence, index) => (
          // The sentences are derived from the trace in order; their position is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: a sentence can repeat (two equal adjustments).
          <li key={index}>{sentence}</li>
        ))}
      </ol>
      <details className="mt-3">
        <summary className="cursor-pointer text-sm text-slate-700">{t.statement.engineSteps}</summary>
        <p className="mt-2 text-sm text-slate-600">{t.statement.explainIntro}</p>
        {/* The engine's own words (its rule names and descriptions are English in every locale). */}
        <ol aria-label={t.statement.engineSteps} lang="en" className="mt-2 flex flex-col gap-2">
          {trace.map((step) => (
            <li key={step.step} className="rounded border border-slate-200 p-2 text-sm">
              <p className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-mono text-xs text-slate-500">
                  {step.step}. {step.rule}
                </span>
                <span>{step.description}</span>
                <span className="ml-auto font-semibold tabular-nums">{step.result}</span>
              </p>
              {step.rounding ? (
                <p className="text-xs text-slate-600">
                  {t.statement.rounded(step.rounding.before, step.rounding.after, step.rounding.mode)}
                </p>
              ) : null}
              {step.notes.length > 0 ? (
                <ul className="mt-1 list-disc pl-5 text-xs text-slate-700">
                  {step.notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </details>
    </details>
  );
}
