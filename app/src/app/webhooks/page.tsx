import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { EmptyState } from '@/components/feedback/empty-state';
import { ErrorState } from '@/components/feedback/error-state';
import { LoadingState } from '@/components/feedback/loading-state';
import { CreateEndpointForm } from '@/components/webhooks/create-endpoint-form';
import { EndpointActions } from '@/components/webhooks/endpoint-actions';
import { EndpointStatus, eventTypesInWords } from '@/components/webhooks/event-type-list';
import { formatDate } from '@/i18n/locales';
import { getI18n } from '@/i18n/server';
import { loadWebhookEndpoints } from '@/loaders/webhooks';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.webhooks.title };
}

/**
 * The tenant's webhook endpoints: add one (its signing secret shown this once), list them with the
 * events each receives, switch one off and on, rotate its secret, delete it; each links to its deliveries.
 */
export default async function WebhooksPage() {
  const { t } = await getI18n();
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{t.webhooks.title}</h1>
        <p className="text-sm text-slate-600">{t.webhooks.intro}</p>
      </header>
      <section className="card min-w-0">
        <CreateEndpointForm />
      </section>
      <section aria-labelledby="webhooks-heading" className="card flex min-w-0 flex-col gap-3">
        <h2 id="webhooks-heading" className="text-lg font-semibold">
          {t.webhooks.listHeading}
        </h2>
        <Suspense fallback={<LoadingState />}>
          <EndpointList />
        </Suspense>
      </section>
    </div>
  );
}

async function EndpointList() {
  const { locale, t } = await getI18n();
  const loaded = await loadWebhookEndpoints();
  if (!loaded.ok) return <ErrorState problem={loaded.problem} locale={locale} />;
  if (loaded.data.length === 0) return <EmptyState>{t.webhooks.none}</EmptyState>;
  return (
    <div className="table-stack overflow-x-auto">
      <table>
        <caption className="sr-only">{t.webhooks.listHeading}</caption>
        <thead>
          <tr>
            <th scope="col">{t.webhooks.url}</th>
            <th scope="col">{t.webhooks.events}</th>
            <th scope="col">{t.webhooks.status}</th>
            <th scope="col">{t.webhooks.created}</th>
            <th scope="col">{t.webhooks.actions}</th>
          </tr>
        </thead>
        <tbody>
          {loaded.data.map((endpoint) => (
            <tr key={endpoint.id}>
              <td data-primary="" className="font-medium">
                <Link
                  href={`/webhooks/${endpoint.id}`}
                  className="wrap-anywhere text-blue-800 underline"
                  aria-label={t.webhooks.open(endpoint.url)}
                >
                  {endpoint.url}
                </Link>
                {endpoint.description ? (
                  <span className="block text-xs font-normal text-slate-600">{endpoint.description}</span>
                ) : null}
              </td>
              <td data-label={t.webhooks.events}>
                <ul className="flex flex-col">
                  {eventTypesInWords(endpoint.eventTypes, t).map((words) => (
                    <li key={words}>{words}</li>
                  ))}
                </ul>
              </td>
              <td data-label={t.webhooks.status}>
                <EndpointStatus enabled={endpoint.enabled} t={t} />
              </td>
              <td data-label={t.webhooks.created} className="whitespace-nowrap">
                {formatDate(endpoint.createdAt, locale)}
              </td>
              <td data-label={t.webhooks.actions}>
                <EndpointActions endpoint={endpoint} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
