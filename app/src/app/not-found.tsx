import Link from 'next/link';
import { getI18n } from '@/i18n/server';

export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <div className="card flex flex-col items-start gap-2">
      <h1 className="text-xl font-bold">{t.common.notFoundTitle}</h1>
      <p className="text-sm">{t.common.notFoundBody}</p>
      <Link href="/" className="text-blue-800 underline">
        {t.common.backHome}
      </Link>
    </div>
  );
}
