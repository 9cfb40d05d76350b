import type { Metadata } from 'next';
import { SignInForm } from '@/components/session/sign-in-form';
import { getI18n } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.signIn.title };
}

export default async function SignInPage({ searchParams }: PageProps<'/sign-in'>) {
  const { t } = await getI18n();
  const { reason } = await searchParams;
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <h1 className="text-2xl font-bold">{t.signIn.title}</h1>
      <p className="text-sm text-slate-700">{t.signIn.intro}</p>
      {reason === 'expired' ? (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t.signIn.expired}
        </p>
      ) : null}
      <SignInForm />
      <p className="text-xs text-slate-600">{t.signIn.hint}</p>
    </div>
  );
}
