import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/site-header';
import { I18nProvider } from '@/i18n/provider';
import { getI18n } from '@/i18n/server';
import { readApiKey } from '@/lib/session';
import { StoreProvider } from '@/stores/provider';
import '@fontsource-variable/noto-sans-kr';
import './globals.css';

/** The site's name in the reader's language after each page's title ("빌링 그룹 · 빌링"). */
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return {
    title: { default: t.common.appName, template: `%s · ${t.common.appName}` },
    description: 'Compute, inspect, close and pay usage-based cloud statements',
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, t } = await getI18n();
  const signedIn = Boolean(await readApiKey());
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <I18nProvider locale={locale}>
          <StoreProvider>
            <a
              href="#main"
              className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
            >
              {t.common.skipToContent}
            </a>
            <SiteHeader signedIn={signedIn} />
            <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl px-3 py-6 sm:px-6">
              {children}
            </main>
          </StoreProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
