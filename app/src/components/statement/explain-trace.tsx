import type { Locale } from '@/i18n/locales';
import { messages } from '@/i18n/messages';
import type { StatementView } from '@/mappers/statement-view';

/** "Why this amount": the engine's ordered trace, one step per rule applied. */
export function ExplainTrace({ trace, locale }: { trace: StatementView['trace']; locale: Locale }) {
  const t = messages[locale];
  return (
    <details className="card">
      <summary className="cursor-pointer font-semibold">{t.statement.explain}</summary>
      <p className="mt-2 text-sm text-slate-600">{t.statement.explainIntro}</p>
      <ol aria-label={t.statement.explain} className="mt-3 flex flex-col gap-2">
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
  );
}
