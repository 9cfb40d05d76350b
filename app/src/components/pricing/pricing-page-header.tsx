import Link from 'next/link';
import type { ReactNode } from 'react';

interface PricingPageHeaderProps {
  /** The list this page belongs to. */
  back: { href: string; label: string };
  title: string;
  subtitle?: ReactNode;
  /** The page's one action ("New version"), as a link. */
  action?: { href: string; label: string };
}

/** The head of a price book's or a contract's page: the way back to its list, its name, one action. */
export function PricingPageHeader({ back, title, subtitle, action }: PricingPageHeaderProps) {
  return (
    <header className="flex flex-wrap items-end justify-between gap-3">
      <div className="flex flex-col gap-1">
        <p className="text-sm">
          <Link href={back.href} className="underline">
            {back.label}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{title}</h1>
        {subtitle ? <p className="text-sm text-slate-600">{subtitle}</p> : null}
      </div>
      {action ? (
        <Link href={action.href} className="btn-secondary">
          {action.label}
        </Link>
      ) : null}
    </header>
  );
}
