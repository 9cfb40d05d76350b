'use client';

import { useState, useTransition } from 'react';
import { importUsage } from '@/actions/usage-import';
import type { UsageEventVerdict } from '@/api/types';
import type { Messages } from '@/i18n/messages';
import { useI18n } from '@/i18n/provider';
import { MAX_IMPORT_ROWS, parseUsageCsv } from '@/mappers/usage-csv';

interface RowVerdict {
  line: number;
  eventId: string;
  verdict: 'accepted' | 'duplicate' | 'rejected';
  reason: string;
}

type Outcome = { rows: RowVerdict[] } | { fileProblem: string };

/** Why an event was refused, in words: the column and the rule for an invalid one. */
function refusal(verdict: UsageEventVerdict, t: Messages): string {
  if (verdict.reason && verdict.reason !== 'invalid')
    return t.usageImport.reasons[verdict.reason] ?? verdict.reason;
  const issues = verdict.issues?.length
    ? verdict.issues
    : verdict.field
      ? [{ field: verdict.field, message: verdict.message ?? '' }]
      : [];
  if (issues.length === 0) return verdict.message ?? '';
  return issues.map((issue) => `${issue.field.replace(/^events\[\d+\]\./, '')}: ${issue.message}`).join('; ');
}

/** Reads a usage CSV in the browser, sends its events, and shows a verdict for every row. */
export function UsageImportForm({ billingGroupId }: { billingGroupId: string }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (form: FormData) =>
    startTransition(async () => {
      const file = form.get('file');
      if (!(file instanceof File)) return;
      const parsed = parseUsageCsv(await file.text());
      if (!parsed.ok) {
        setOutcome({
          fileProblem:
            'missingColumns' in parsed
              ? t.usageImport.missingColumns(parsed.missingColumns.join(', '))
              : 'noRows' in parsed
                ? t.usageImport.noRows
                : t.usageImport.tooManyRows(MAX_IMPORT_ROWS),
        });
        return;
      }
      const verdicts =
        parsed.events.length > 0
          ? await importUsage(
              billingGroupId,
              parsed.events.map(({ event }) => event),
            )
          : [];
      const rows: RowVerdict[] = [
        ...verdicts.map((verdict) => {
          const sent = parsed.events[verdict.index];
          return {
            line: sent?.line ?? 0,
            eventId: verdict.eventId ?? sent?.event.eventId ?? '',
            verdict: verdict.verdict,
            reason: verdict.verdict === 'rejected' ? refusal(verdict, t) : '',
          };
        }),
        ...parsed.malformed.map(({ line, count }) => ({
          line,
          eventId: '',
          verdict: 'rejected' as const,
          reason: t.usageImport.wrongValueCount(count, parsed.columns),
        })),
      ].sort((a, b) => a.line - b.line);
      setOutcome({ rows });
    });

  const rows = outcome && 'rows' in outcome ? outcome.rows : null;
  const count = (verdict: RowVerdict['verdict']) =>
    rows?.filter((row) => row.verdict === verdict).length ?? 0;
  return (
    <div className="flex flex-col gap-4">
      <form action={submit} aria-label={t.usageImport.link} className="flex flex-wrap items-end gap-3">
        <div className="field">
          <label htmlFor="usage-csv">{t.usageImport.file}</label>
          <input id="usage-csv" name="file" type="file" accept=".csv,text/csv" required />
        </div>
        <button type="submit" className="btn" disabled={pending}>
          {pending ? t.usageImport.importing : t.usageImport.import}
        </button>
      </form>
      {outcome && 'fileProblem' in outcome ? (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {outcome.fileProblem}
        </p>
      ) : null}
      {rows ? (
        <section aria-labelledby="usage-import-results" className="flex flex-col gap-2">
          <h2 id="usage-import-results" className="text-lg font-semibold">
            {t.usageImport.results}
          </h2>
          <p role="status" className="text-sm font-medium">
            {t.usageImport.summary(count('accepted'), count('duplicate'), count('rejected'))}
          </p>
          <div className="table-stack overflow-x-auto">
            <table>
              <caption className="sr-only">{t.usageImport.results}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t.usageImport.row}
                  </th>
                  <th scope="col">{t.usageImport.eventId}</th>
                  <th scope="col">{t.usageImport.verdict}</th>
                  <th scope="col">{t.usageImport.reason}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.line}>
                    <td data-primary="" className="num">
                      {t.usageImport.row} {row.line}
                    </td>
                    <td data-label={t.usageImport.eventId} className="break-all">
                      {row.eventId}
                    </td>
                    <td data-label={t.usageImport.verdict}>{t.usageImport.verdicts[row.verdict]}</td>
                    <td data-label={t.usageImport.reason}>{row.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
