import type { Metadata } from 'next';
import Link from 'next/link';
import { PageRefresher } from '@/components/common/page-refresher';
import { ReadFailure } from '@/components/feedback/read-failure';
import { RetryJobForm } from '@/components/jobs/retry-job-form';
import { formatDate } from '@/i18n/locales';
import { getI18n } from '@/i18n/server';
import { formatMonth } from '@/lib/months';
import { loadBillingGroup } from '@/loaders/billing-groups';
import { loadJob } from '@/loaders/jobs';
import { jobFailures } from '@/mappers/job-view';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.monthEnd.title };
}

/**
 * One month-end job: its progress as a bar and counts, re-read every second while it runs, and each
 * group that could not close, with the reason in words and a link to the group's month.
 */
export default async function JobPage({ params }: PageProps<'/jobs/[jobId]'>) {
  const { locale, t } = await getI18n();
  const { jobId } = await params;
  const job = await loadJob(jobId);
  if (!job.ok) return <ReadFailure failure={job} locale={locale} />;
  const { month, status, total, done, failed, kind, createdAt, updatedAt } = job.data;
  const groups = await Promise.all(job.data.errors.map((error) => loadBillingGroup(error.billingGroupId)));
  const failures = jobFailures(job.data.errors, groups, t);
  const settled = done + failed;
  const percent = total === 0 ? 100 : Math.round((settled / total) * 100);

  return (
    <div className="flex flex-col gap-4">
      <header>
        <p className="text-sm text-slate-600">
          <Link href="/jobs" className="underline">
            {t.monthEnd.title}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{t.monthEnd.jobTitle(formatMonth(month, locale))}</h1>
        <p className="text-sm text-slate-600">
          {t.monthEnd.kinds[kind]} · {job.data.id}
        </p>
      </header>

      <section aria-labelledby="job-progress" className="card flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="job-progress" className="text-lg font-semibold">
            {t.monthEnd.progress}
          </h2>
          <p>
            <span className="sr-only">{t.monthEnd.status}: </span>
            <span
              data-status={status}
              className="rounded bg-slate-100 px-2 py-0.5 text-sm font-semibold data-[status=FAILED]:bg-red-100 data-[status=FAILED]:text-red-900 data-[status=SUCCEEDED]:bg-green-100 data-[status=SUCCEEDED]:text-green-900"
            >
              {t.monthEnd.statuses[status]}
            </span>
          </p>
        </div>
        <div
          role="progressbar"
          aria-labelledby="job-progress"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={settled}
          aria-valuetext={t.monthEnd.progressText(done, failed, total)}
          className="flex h-3 w-full overflow-hidden rounded-full bg-slate-200"
        >
          <div
            className="h-full bg-green-600"
            style={{ width: `${total === 0 ? 100 : (done / total) * 100}%` }}
          />
          <div
            className="h-full bg-red-600"
            style={{ width: `${total === 0 ? 0 : (failed / total) * 100}%` }}
          />
        </div>
        <p className="text-sm">
          {t.monthEnd.progressText(done, failed, total)} ({percent}%)
        </p>
        <dl className="grid grid-cols-3 gap-2 text-sm sm:max-w-md">
          <div>
            <dt className="text-slate-600">{t.monthEnd.total}</dt>
            <dd className="text-lg font-semibold">{total}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t.monthEnd.done}</dt>
            <dd className="text-lg font-semibold">{done}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t.monthEnd.failed}</dt>
            <dd className="text-lg font-semibold">{failed}</dd>
          </div>
        </dl>
        <p className="text-sm text-slate-600">
          {t.monthEnd.createdAt} {formatDate(createdAt, locale)} · {t.monthEnd.updatedAt}{' '}
          {formatDate(updatedAt, locale)}
        </p>
        {status === 'RUNNING' ? <PageRefresher message={t.monthEnd.refreshing} /> : null}
        {status !== 'RUNNING' && total === 0 ? <p className="text-sm">{t.monthEnd.nothingToClose}</p> : null}
      </section>

      <section aria-labelledby="job-failures" className="card flex flex-col gap-3">
        <h2 id="job-failures" className="text-lg font-semibold">
          {t.monthEnd.failures}
        </h2>
        {failures.length === 0 ? (
          <p className="text-sm text-slate-600">{t.monthEnd.noFailures}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {failures.map((failure) => (
              <li
                key={failure.billingGroupId}
                className="rounded border border-red-200 bg-red-50 p-3 text-sm"
              >
                <Link
                  href={`/billing-groups/${failure.billingGroupId}?month=${month}`}
                  className="font-medium text-blue-800 underline"
                >
                  {failure.groupName}
                </Link>
                <p>{failure.reason}</p>
              </li>
            ))}
          </ul>
        )}
        {status === 'FAILED' ? <RetryJobForm month={month} /> : null}
      </section>
      <p>
        <Link href="/jobs" className="text-sm text-blue-800 underline">
          {t.monthEnd.backToStart}
        </Link>
      </p>
    </div>
  );
}
