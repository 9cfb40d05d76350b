'use client';

import { useEffect, useRef, useState, useTransition } from 'react';
import { type PaymentRequest, payStatement } from '@/actions/payments';
import type { EdgeResult } from '@/api/client';
import { type Currency, EDGE_PROBLEMS, type Payment } from '@/api/types';
import { ErrorState } from '@/components/feedback/error-state';
import { useI18n } from '@/i18n/provider';
import { formatMoney } from '@/lib/money';
import { newIdempotencyKey } from './idempotency-key';

const SANDBOX_SOURCES = [
  'tok_success',
  'tok_declined',
  'tok_insufficient_funds',
  'tok_expired_card',
  'tok_pending',
  'tok_provider_error',
] as const;

interface PaymentPanelProps {
  statementId: string;
  currency: Currency;
  /** What the statement still takes; "0" when nothing is left. */
  payable: string;
  canPay: boolean;
}

/**
 * Pays with the sandbox provider. Each submission sends its own Idempotency-Key, and the button is
 * disabled while one is in flight, so a double click can never pay twice. A submission whose outcome
 * is unknown (no answer, a timeout, an unreadable answer, a 5xx: the edge may have taken the payment)
 * is retried with the same key, so it cannot pay twice either.
 */
export function PaymentPanel({ statementId, currency, payable, canPay }: PaymentPanelProps) {
  const { locale, t } = useI18n();
  const [amount, setAmount] = useState(payable);
  const [source, setSource] = useState<string>('tok_success');
  const [outcome, setOutcome] = useState<EdgeResult<Payment> | null>(null);
  const [pending, startTransition] = useTransition();
  const inFlight = useRef(false);
  const unanswered = useRef<PaymentRequest | null>(null);

  // Offer the new remainder only when it changes (after a payment), never on mount: an amount typed
  // while the page was still hydrating must not be replaced by the whole payable.
  const offeredPayable = useRef(payable);
  useEffect(() => {
    if (offeredPayable.current === payable) return;
    offeredPayable.current = payable;
    setAmount(payable);
  }, [payable]);

  const submit = () => {
    if (inFlight.current) return;
    inFlight.current = true;
    const retry = unanswered.current;
    const request =
      retry && retry.amount === amount && retry.source === source
        ? retry
        : { amount, source, idempotencyKey: newIdempotencyKey() };
    unanswered.current = request;
    startTransition(async () => {
      try {
        const paid = await payStatement(statementId, request);
        setOutcome(paid);
        if (paid.ok || paid.status < 500) unanswered.current = null;
      } catch {
        setOutcome({
          ok: false,
          status: 503,
          problem: { type: EDGE_PROBLEMS.unavailable, title: '', status: 503, detail: '' },
        });
      } finally {
        inFlight.current = false;
      }
    });
  };

  const money = (value: string) => formatMoney(value, currency, locale);
  const hasSomethingToPay = canPay && payable !== '0';

  return (
    <div className="flex flex-col gap-3">
      {hasSomethingToPay ? (
        <form
          aria-labelledby="pay-heading"
          className="flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <h3 id="pay-heading" className="font-semibold">
            {t.payments.payHeading}
          </h3>
          <div className="field">
            <label htmlFor="payment-amount">
              {t.payments.amount} ({currency})
            </label>
            <input
              id="payment-amount"
              inputMode="decimal"
              required
              autoComplete="off"
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="payment-source">{t.payments.source}</label>
            <select id="payment-source" value={source} onChange={(event) => setSource(event.target.value)}>
              {SANDBOX_SOURCES.map((token) => (
                <option key={token} value={token}>
                  {t.payments.sources[token]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn self-start" disabled={pending} aria-disabled={pending}>
            {pending ? t.payments.paying : `${t.payments.pay} ${money(amount || '0')}`}
          </button>
        </form>
      ) : (
        <p className="text-sm text-slate-700">{canPay ? t.payments.nothingToPay : t.payments.notPayable}</p>
      )}
      <PaymentOutcome outcome={outcome} money={money} />
    </div>
  );
}

function PaymentOutcome({
  outcome,
  money,
}: {
  outcome: EdgeResult<Payment> | null;
  money: (value: string) => string;
}) {
  const { locale, t } = useI18n();
  if (!outcome) return null;
  if (!outcome.ok) return <ErrorState locale={locale} problem={outcome.problem} title={t.payments.refused} />;
  const payment = outcome.data;
  if (payment.state === 'FAILED') {
    const reason = t.payments.failureReasons[payment.failureReason ?? ''] ?? payment.failureReason ?? '';
    return (
      <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
        {t.payments.failed(money(payment.amount), reason)}
      </p>
    );
  }
  if (payment.state === 'PENDING') {
    return (
      <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
        {t.payments.pending(money(payment.amount))}
      </p>
    );
  }
  return (
    <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900">
      {t.payments.succeeded(money(payment.amount))}
    </p>
  );
}
