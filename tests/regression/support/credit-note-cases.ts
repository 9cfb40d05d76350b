import type { Currency, RoundingMode } from '../billing-month';
import { formatMinor } from '../oracle/exact';

/**
 * The credit-note matrix the engine is held to: every currency × rounding mode × VAT rate × net ×
 * standing of the statement. Nets are chosen so that VAT lands on halves and long fractions at every
 * rate (5 × 10% = 0.5, 15 × 7.7% = 1.155, 333 × 8.25% = 27.4725), and the standings cover every
 * branch of the split: nothing paid, partly paid, paid, partly credited, and credited and paid to
 * the brim, so that nets run over the total.
 */
export const CURRENCIES: Currency[] = ['KRW', 'JPY', 'USD', 'EUR'];
export const ROUNDING_MODES: RoundingMode[] = ['HALF_UP', 'HALF_EVEN', 'FLOOR', 'CEIL'];
export const VAT_RATES = ['10', '7.7', '8.25', '0', '19'] as const;
/** In minor units of the currency. */
export const NETS_MINOR = [1n, 5n, 15n, 25n, 333n, 10_000n, 39_700n] as const;

/** The statement's total in minor units: 43670 KRW, or 436.70 USD. */
export const STATEMENT_TOTAL_MINOR = 43_670n;

export interface Standing {
  name: string;
  /** Totals of the credit notes it already has. */
  notesBefore: bigint[];
  /** What those notes applied to the outstanding amount. */
  credited: bigint;
  paid: bigint;
}

export const STANDINGS: Standing[] = [
  { name: 'nothing paid', notesBefore: [], credited: 0n, paid: 0n },
  { name: 'partly paid (40000)', notesBefore: [], credited: 0n, paid: 40_000n },
  { name: 'paid in full', notesBefore: [], credited: 0n, paid: STATEMENT_TOTAL_MINOR },
  { name: 'credited 33000, nothing paid', notesBefore: [11_000n, 22_000n], credited: 33_000n, paid: 0n },
  // 40000 paid, then a note of 11000 applied 3670 and refunded 7330: 32670 left to credit, 0 owed.
  {
    name: 'paid 40000 and credited 3670 (7330 refunded)',
    notesBefore: [11_000n],
    credited: 3_670n,
    paid: 40_000n,
  },
  { name: 'credited to 43660, nothing paid', notesBefore: [43_660n], credited: 43_660n, paid: 0n },
];

export interface CreditNoteCase {
  /** In billing words: `USD · HALF_EVEN · VAT 7.7% · net 0.15 · partly paid (40000)`. */
  what: string;
  currency: Currency;
  roundingMode: RoundingMode;
  vatRate: string;
  net: string;
  standing: Standing;
}

export function creditNoteCases(currency: Currency): CreditNoteCase[] {
  return ROUNDING_MODES.flatMap((roundingMode) =>
    VAT_RATES.flatMap((vatRate) =>
      NETS_MINOR.flatMap((netMinor) =>
        STANDINGS.map((standing) => {
          const net = formatMinor(netMinor, currency);
          return {
            what: `${currency} · ${roundingMode} · VAT ${vatRate}% · net ${net} · ${standing.name}`,
            currency,
            roundingMode,
            vatRate,
            net,
            standing,
          };
        }),
      ),
    ),
  );
}
