'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useI18n } from '@/i18n/provider';

export function NavLinks() {
  const { t } = useI18n();
  const pathname = usePathname();
  const links = [
    { href: '/', label: t.nav.calculator, active: pathname === '/' },
    { href: '/history', label: t.nav.history, active: pathname.startsWith('/history') },
    {
      href: '/billing-groups',
      label: t.nav.billingGroups,
      active: pathname.startsWith('/billing-groups') || pathname.startsWith('/statements'),
    },
    { href: '/jobs', label: t.nav.monthEnd, active: pathname.startsWith('/jobs') },
    { href: '/price-books', label: t.nav.priceBooks, active: pathname.startsWith('/price-books') },
    { href: '/contracts', label: t.nav.contracts, active: pathname.startsWith('/contracts') },
    { href: '/webhooks', label: t.nav.webhooks, active: pathname.startsWith('/webhooks') },
    { href: '/test-clocks', label: t.nav.testClocks, active: pathname.startsWith('/test-clocks') },
    { href: '/settings/api-keys', label: t.nav.apiKeys, active: pathname.startsWith('/settings/api-keys') },
  ];
  return (
    <nav aria-label={t.nav.main}>
      <ul className="flex flex-wrap gap-0.5">
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={link.active ? 'page' : undefined}
              className="block rounded px-1.5 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-blue-50 aria-[current=page]:text-blue-800"
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
