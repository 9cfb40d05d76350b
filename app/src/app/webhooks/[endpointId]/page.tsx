import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import type { WebhookAttempt, WebhookDelivery } from '@/api/types';
import { EmptyState } from '@/components/feedback/empty-state';
import { ErrorState } from '@/components/feedback/error-state';
import { LoadingState } from '@/components/feedback/loading-state';
import { ReadFailure } from '@/components/feedback/read-failure';
import { EndpointActions } from '@/components/webhooks/endpoint-actions';
import { EndpointStatus, eventTypesInWords } from '@/components/webhooks/event-type-list';
import { RedeliverButton } from '@/components/webhooks/redeliver-button';
import { formatDate, numberLocale } from '@/i18n/locales';
import type { Messages } from '@/i18n/messages';
import { getI18n } from '@/i18n/server';
import { loadRecentDeliveries, loadWebhookEndpoint } from '@/loaders/webhooks';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.webhooks.details };
}

/**
 * One webhook endpoint: what it receives and its actions, then its recent deliveries (the event in
 * words, the state, attempts, the receiver's last answer), each opening to its attempts and offering
 * to send the event again.
 */
export default async function WebhookEndpointPage({ params }: PageProps<'/webhooks/[endpointId]'>) {
  const { locale, t } = await getI18n();
  const { endpointId } = await params;
  const endpoint = await loadWebhookEndpoint(endpointId);
  if (!endpoint.ok) return <ReadFailure failure={endpoint} locale={locale} />;
  const { url, description, eventTypes, enabled, createdAt } = endpoint.data;
  return (
    <div className="flex flex-col gap-4">
      <header className="flex min-w-0 flex-col gap-2">
        <p className="text-sm text-slate-600">
          <Link href="/webhooks" className="underline">
            {t.webhooks.backToList}
          </Link>
        </p>
        <h1 className="text-2xl font-bold wrap-anywhere">{url}</h1>
        {description ? <p className="text-sm text-slate-700">{description}</p> : null}
      </header>
      <section aria-labelledby="endpoint-heading" className="card flex min-w-0 flex-col gap-3">
        <h2 id="endpoint-heading" className="text-lg font-semibold">
          {t.webhooks.endpointHeading}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">{t.webhooks.status}</dt>
          <dd>
            <EndpointStatus enabled={enabled} t={t} />
          </dd>
          <dt className="text-slate-600">{t.webhooks.events}</dt>
          <dd>{eventTypesInWords(eventTypes, t).join(', ')}</dd>
          <dt className="text-slate-600">{t.webhooks.created}</dt>
          <dd>{formatDate(createdAt, locale)}</dd>
        </dl>
        <EndpointActions endpoint={endpoint.data} afterDelete="/webhooks" />
      </section>
      <section aria-labelledby="deliveries-heading" className="card flex min-w-0 flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="deliveries-heading" className="text-lg font-semibold">
            {t.webhooks.deliveriesHeading}
          </h2>
          <Link href={`/webhooks/${endpointId}`} className="btn-secondary" prefetch={false}>
            {t.webhooks.reload}
          </Link>
        </div>
        <Suspense fallback={<LoadingState />}>
          <Deliveries endpointId={endpointId} />
        </Suspense>
      </section>
    </div>
  );
}

const STATE_TONES: Record<WebhookDelivery['state'], string> = {
  PENDING: 'bg-amber-100 text-amber-900',
  SUCCEEDED: 'bg-green-100 text-green-900',
  FAILED: 'bg-red-100 text-red-900',
};

async function Deliveries({ endpointId }: { endpointId: string }) {
  const { locale, t } = await getI18n();
  const loaded = await loadRecentDeliveries(endpointId);
  if (!loaded.ok) return <ErrorState problem={loaded.problem} locale={locale} />;
  if (loaded.data.length === 0) return <EmptyState>{t.webhooks.noDeliveries}</EmptyState>;
  return (
    <ol className="flex flex-col gap-3" aria-label={t.webhooks.deliveriesHeading}>
      {loaded.data.map(({ delivery, attempts }) => {
        const eventName = t.webhooks.eventTypes[delivery.eventType];
        return (
          <li
            key={delivery.id}
            aria-labelledby={`delivery-${delivery.id}`}
            className="flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 p-3"
            data-delivery={delivery.id}
          >
            <div className="flex flex-wrap items-center gap-2">
              <h3 id={`delivery-${delivery.id}`} className="font-semibold">
                {eventName}
              </h3>
              <span
                data-state={delivery.state}
                className={`rounded px-2 py-0.5 text-xs font-semibold ${STATE_TONES[delivery.state]}`}
              >
                {t.webhooks.deliveryState[delivery.state]}
              </span>
            </div>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
              <div>
                <dt className="text-xs text-slate-600">{t.webhooks.attempts}</dt>
                <dd className="tabular-nums">{delivery.attempts}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-600">{t.webhooks.lastStatus}</dt>
                <dd className="tabular-nums">{delivery.lastStatus ?? t.webhooks.noAnswer}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-600">{t.webhooks.when}</dt>
                <dd>{formatDate(delivery.createdAt, locale)}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-600">{t.webhooks.nextAttempt}</dt>
                <dd>{delivery.nextAttemptAt ? formatDate(delivery.nextAttemptAt, locale) : t.common.none}</dd>
              </div>
              <div className="col-span-2 sm:col-span-4">
                <dt className="text-xs text-slate-600">{t.webhooks.eventId}</dt>
                <dd className="font-mono text-xs wrap-anywhere">{delivery.eventId}</dd>
              </div>
            </dl>
            <details className="min-w-0">
              <summary className="cursor-pointer text-sm font-medium text-blue-800">
                {t.webhooks.showAttempts(attempts.length)}
              </summary>
              <AttemptTable attempts={attempts} t={t} locale={locale} />
            </details>
            <RedeliverButton endpointId={endpointId} eventId={delivery.eventId} eventName={eventName} />
          </li>
        );
      })}
    </ol>
  );
}

function AttemptTable({
  attempts,
  t,
  locale,
}: {
  attempts: WebhookAttempt[];
  t: Messages;
  locale: 'en' | 'ko';
}) {
  if (attempts.length === 0) return <p className="mt-2 text-sm text-slate-600">{t.webhooks.noAttempts}</p>;
  const ms = new Intl.NumberFormat(numberLocale(locale));
  return (
    <div className="table-stack mt-2 overflow-x-auto">
      <table>
        <caption className="sr-only">{t.webhooks.attemptsHeading}</caption>
        <thead>
          <tr>
            <th scope="col">{t.webhooks.attemptedAt}</th>
            <th scope="col" className="num">
              {t.webhooks.statusCode}
            </th>
            <th scope="col" className="num">
              {t.webhooks.duration}
            </th>
            <th scope="col">{t.webhooks.excerpt}</th>
            <th scope="col">{t.webhooks.error}</th>
            <th scope="col">{t.webhooks.outcome}</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((attempt) => (
            <tr key={attempt.id} data-outcome={attempt.outcome}>
              <td data-primary="" className="whitespace-nowrap">
                {formatDate(attempt.attemptedAt, locale)}
              </td>
              <td className="num" data-label={t.webhooks.statusCode}>
                {attempt.statusCode ?? t.webhooks.noAnswer}
              </td>
              <td className="num" data-label={t.webhooks.duration}>
                {t.webhooks.durationMs(ms.format(attempt.durationMs))}
              </td>
              <td data-label={t.webhooks.excerpt}>
                {attempt.responseExcerpt ? (
                  <code className="text-xs wrap-anywhere">{attempt.responseExcerpt}</code>
                ) : (
                  t.common.none
                )}
              </td>
              <td data-label={t.webhooks.error}>{attempt.error ?? t.common.none}</td>
              <td data-label={t.webhooks.outcome}>{t.webhooks.attemptOutcome[attempt.outcome]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
