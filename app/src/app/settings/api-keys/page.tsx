import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CreateApiKeyForm } from '@/components/api-keys/create-api-key-form';
import { RevokeApiKeyButton } from '@/components/api-keys/revoke-api-key-button';
import { EmptyState } from '@/components/feedback/empty-state';
import { ErrorState } from '@/components/feedback/error-state';
import { LoadingState } from '@/components/feedback/loading-state';
import { formatDate } from '@/i18n/locales';
import { getI18n } from '@/i18n/server';
import { loadApiKeys } from '@/loaders/api-keys';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.apiKeys.title };
}

/** The tenant's API keys: create one (shown in full this once), list them by prefix, revoke one. */
export default async function ApiKeysPage() {
  const { t } = await getI18n();
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{t.apiKeys.title}</h1>
        <p className="text-sm text-slate-600">{t.apiKeys.intro}</p>
      </header>
      <section className="card">
        <CreateApiKeyForm />
      </section>
      <section aria-labelledby="api-keys-heading" className="card flex flex-col gap-3">
        <h2 id="api-keys-heading" className="text-lg font-semibold">
          {t.apiKeys.listHeading}
        </h2>
        <Suspense fallback={<LoadingState />}>
          <ApiKeyList />
        </Suspense>
      </section>
    </div>
  );
}

async function ApiKeyList() {
  const { locale, t } = await getI18n();
  const loaded = await loadApiKeys();
  if (!loaded.ok) return <ErrorState problem={loaded.problem} locale={locale} />;
  const { keys, currentKeyId } = loaded.data;
  if (keys.length === 0) return <EmptyState>{t.apiKeys.none}</EmptyState>;
  const count = new Intl.NumberFormat(locale);
  return (
    <div className="table-stack overflow-x-auto">
      <table>
        <caption className="sr-only">{t.apiKeys.listHeading}</caption>
        <thead>
          <tr>
            <th scope="col">{t.apiKeys.name}</th>
            <th scope="col">{t.apiKeys.prefix}</th>
            <th scope="col">{t.apiKeys.rateLimit}</th>
            <th scope="col">{t.apiKeys.created}</th>
            <th scope="col">{t.apiKeys.status}</th>
            <th scope="col">{t.apiKeys.actions}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id}>
              <td data-primary="" className="font-medium">
                {key.name}
                {key.id === currentKeyId ? (
                  <span className="block text-xs font-normal text-slate-600">{t.apiKeys.currentSession}</span>
                ) : null}
              </td>
              <td data-label={t.apiKeys.prefix}>
                <code>{key.keyPrefix}…</code>
              </td>
              <td data-label={t.apiKeys.rateLimit}>
                {t.apiKeys.perMinute(count.format(key.rateLimitPerMinute))}
              </td>
              <td data-label={t.apiKeys.created} className="whitespace-nowrap">
                {formatDate(key.createdAt, locale)}
              </td>
              <td data-label={t.apiKeys.status}>
                {key.revokedAt
                  ? `${t.apiKeys.revoked} ${formatDate(key.revokedAt, locale)}`
                  : t.apiKeys.active}
              </td>
              <td data-label={t.apiKeys.actions}>
                {key.revokedAt ? null : (
                  <RevokeApiKeyButton apiKey={key} isCurrent={key.id === currentKeyId} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
