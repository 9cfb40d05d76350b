import type { ChargeResult, PaymentProvider } from './port';

/**
 * What each documented sandbox source does (edge/PAYMENTS.md lists them for people): every token
 * has a card number twin, in the manner of a card processor's test cards.
 */
export interface SandboxBehaviour {
  token: string;
  card: string;
  outcome: 'SUCCEEDED' | 'FAILED' | 'PENDING' | 'ERROR';
  failureReason?: string;
  description: string;
}

export const SANDBOX_SOURCES: readonly SandboxBehaviour[] = [
  { token: 'tok_success', card: '4242424242424242', outcome: 'SUCCEEDED', description: 'succeeds' },
  {
    token: 'tok_declined',
    card: '4000000000000002',
    outcome: 'FAILED',
    failureReason: 'card_declined',
    description: 'fails with card_declined',
  },
  {
    token: 'tok_insufficient_funds',
    card: '4000000000009995',
    outcome: 'FAILED',
    failureReason: 'insufficient_funds',
    description: 'fails with insufficient_funds',
  },
  {
    token: 'tok_expired_card',
    card: '4000000000000069',
    outcome: 'FAILED',
    failureReason: 'expired_card',
    description: 'fails with expired_card',
  },
  {
    token: 'tok_pending',
    card: '4000000000000077',
    outcome: 'PENDING',
    description: 'stays PENDING until POST /v1/payments/{paymentId}/settle decides it',
  },
  {
    token: 'tok_provider_error',
    card: '4000000000000119',
    outcome: 'ERROR',
    description: 'the provider does not answer: the payment stays PENDING (settle it like tok_pending)',
  },
];

/** Any source not in the table fails with this reason, so a typo never passes as a payment. */
export const SANDBOX_UNKNOWN_SOURCE_REASON = 'unknown_source';

/** The sandbox's sources, one line each, for route descriptions. */
export function describeSandboxSources(): string {
  const lines = SANDBOX_SOURCES.map(
    (entry) => `- \`${entry.token}\` or card \`${entry.card}\`: ${entry.description}`,
  );
  return [...lines, `- any other source: fails with \`${SANDBOX_UNKNOWN_SOURCE_REASON}\``].join('\n');
}

function behaviourOf(source: string): SandboxBehaviour | undefined {
  const normalised = source.replaceAll(/[\s-]/g, '');
  return SANDBOX_SOURCES.find((entry) => entry.token === source || entry.card === normalised);
}

/**
 * The built-in deterministic provider: the outcome depends on the source alone, and references
 * derive from the caller's idempotency key, so the same request always gives the same answer. It
 * holds no state: a PENDING charge is settled by the API (`settle`), as a provider's webhook would.
 */
export function createSandboxPaymentProvider(): PaymentProvider {
  return {
    name: 'sandbox',
    async charge({ source, idempotencyKey }): Promise<ChargeResult> {
      const reference = `sbx_ch_${idempotencyKey}`;
      const behaviour = behaviourOf(source);
      if (!behaviour) return { outcome: 'FAILED', reference, failureReason: SANDBOX_UNKNOWN_SOURCE_REASON };
      if (behaviour.outcome === 'ERROR') throw new Error('sandbox: the provider did not answer');
      return behaviour.failureReason
        ? { outcome: behaviour.outcome, reference, failureReason: behaviour.failureReason }
        : { outcome: behaviour.outcome, reference };
    },
    async refund({ idempotencyKey }) {
      return { reference: `sbx_re_${idempotencyKey}` };
    },
    async settle() {},
  };
}

export const sandboxPaymentProvider = createSandboxPaymentProvider();
