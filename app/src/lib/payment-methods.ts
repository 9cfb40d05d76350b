import type { Locale } from '@/i18n/locales';
import { messages } from '@/i18n/messages';

/**
 * The last four digits of the sandbox provider's test cards, by the token that stands for each
 * (edge/PAYMENTS.md, "The sandbox provider").
 */
const SANDBOX_CARD_LAST_FOUR: Record<string, string> = {
  tok_success: '4242',
  tok_declined: '0002',
  tok_insufficient_funds: '9995',
  tok_expired_card: '0069',
  tok_pending: '0077',
  tok_provider_error: '0119',
};

/** What the edge stores for a card number: `card_` and its last four digits, never the number. */
const STORED_CARD = /^card_(\d{4})$/;

/**
 * A payment's source as a person reads it: a masked card ("Card •••• 0002 (declined test card)"),
 * never the token or reference the API keeps; a source the app does not know is "Other payment method".
 */
export function paymentMethodLabel(source: string, locale: Locale): string {
  const t = messages[locale].payments;
  const sandboxCard = SANDBOX_CARD_LAST_FOUR[source];
  if (sandboxCard) return `${t.maskedCard(sandboxCard)} (${t.testCards[source]})`;
  const storedCard = STORED_CARD.exec(source);
  if (storedCard) return t.maskedCard(storedCard[1] as string);
  return t.otherMethod;
}
