import type { CreditGrant } from '@/api/types';
import type { Locale } from '@/i18n/locales';
import { messages } from '@/i18n/messages';

/** What a page needs to name a grant: its name when it has one, else its type. */
export type NamedGrant = Pick<CreditGrant, 'id' | 'name' | 'type'>;

/** A grant by its name, or "Promotional credit" when it has none; never its `cg_` id. */
export function creditGrantName(grant: Pick<CreditGrant, 'name' | 'type'>, locale: Locale): string {
  const t = messages[locale];
  return grant.name || t.pdf.unnamedCredit(t.enums.creditType[grant.type]);
}

/**
 * Grants' names by id, for the statement and ledger rows that only carry the id. A grant the map
 * does not hold is named by `type` when the row knows it, else "Credit".
 */
export function creditNamer(grants: readonly NamedGrant[], locale: Locale) {
  const t = messages[locale];
  const names = new Map(grants.map((grant) => [grant.id, creditGrantName(grant, locale)]));
  return (grantId: string, type?: string): string =>
    names.get(grantId) ??
    (type && type in t.enums.creditType
      ? t.pdf.unnamedCredit(t.enums.creditType[type as CreditGrant['type']])
      : t.pdf.credit);
}
