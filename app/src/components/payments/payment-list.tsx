import type { Payment } from '@/api/types';
import { EmptyState } from '@/components/feedback/empty-state';
import { RefundPaymentButton } from '@/components/operator/refund-payment-button';
import { formatDate } from '@/i18n/locales';
import { getI18n } from '@/i18n/server';
import { formatMoney } from '@/lib/money';
import { paymentMethodLabel } from '@/lib/payment-methods';

export async function PaymentList({ payments }: { payments: Payment[] }) {
  const { locale, t } = await getI18n();
  if (payments.length === 0) return <EmptyState>{t.payments.none}</EmptyState>;
  return (
    <div className="table-stack overflow-x-auto">
      <table>
        <caption className="sr-only">{t.payments.heading}</caption>
        <thead>
          <tr>
            <th scope="col">{t.payments.when}</th>
            <th scope="col" className="num">
              {t.payments.amount}
            </th>
            <th scope="col">{t.payments.source_}</th>
            <th scope="col">{t.payments.state}</th>
            <th scope="col">{t.operator.actions}</th>
          </tr>
        </thead>
        <tbody>
          {payments.map((payment) => (
            <tr key={payment.id}>
              <td data-primary="" className="whitespace-nowrap">
                {formatDate(payment.createdAt, locale)}
              </td>
              <td className="num" data-label={t.payments.amount}>
                {formatMoney(payment.amount, payment.currency, locale)}
              </td>
              <td data-label={t.payments.source_}>{paymentMethodLabel(payment.source, locale)}</td>
              <td data-label={t.payments.state}>
                {t.enums.paymentState[payment.state]}
                {payment.failureReason
                  ? ` (${t.payments.failureReasons[payment.failureReason] ?? payment.failureReason})`
                  : ''}
              </td>
              <td data-label={t.operator.actions}>
                {payment.state === 'SUCCEEDED' || payment.state === 'REFUNDED' ? (
                  <RefundPaymentButton payment={payment} />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
