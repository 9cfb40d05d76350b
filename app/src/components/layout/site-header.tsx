import Link from 'next/link';
import { signOut } from '@/actions/session';
import { getI18n } from '@/i18n/server';
import { LanguageSwitch } from './language-switch';
import { NavLinks } from './nav-links';

export async function SiteHeader({ signedIn }: { signedIn: boolean }) {
  const { t } = await getI18n();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-3 py-3 sm:px-6">
        <Link href="/" className="text-lg font-bold text-slate-900">
          {t.common.appName}
        </Link>
        {signedIn ? <NavLinks /> : null}
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <LanguageSwitch />
          {signedIn ? (
            <form action={signOut}>
              <button type="submit" className="btn-secondary">
                {t.nav.signOut}
              </button>
            </form>
          ) : null}
        </div>
      </div>
    </header>
  );
}
