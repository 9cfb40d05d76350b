import { createStore } from 'zustand/vanilla';
import {
  type AdjustmentInput,
  type CalculatorInput,
  type CreditInput,
  emptyCalculatorInput,
  type UsageRowInput,
} from '@/lib/calculator-input';

type Row<T> = Omit<T, 'id'>;

export interface CalculatorState {
  input: CalculatorInput | null;
  /** Rows get ids from this counter, so a removed row's id is never reused (stable React keys). */
  nextRowNumber: number;
  /** Starts the form once the page knows the month and the price book's first counter. */
  initialize: (month: string, firstRow: Row<UsageRowInput>) => void;
  replace: (input: CalculatorInput) => void;
  setMonth: (month: string) => void;
  addUsage: (row: Row<UsageRowInput>) => void;
  updateUsage: (id: string, changes: Partial<UsageRowInput>) => void;
  removeUsage: (id: string) => void;
  setContract: (changes: Partial<CalculatorInput['contract']>) => void;
  addAdjustment: (adjustment: Row<AdjustmentInput>) => void;
  updateAdjustment: (id: string, changes: Partial<AdjustmentInput>) => void;
  removeAdjustment: (id: string) => void;
  addCredit: (credit: Row<CreditInput>) => void;
  updateCredit: (id: string, changes: Partial<CreditInput>) => void;
  removeCredit: (id: string) => void;
  setUnpaid: (changes: Partial<CalculatorInput['unpaid']>) => void;
}

const update = <T extends { id: string }>(rows: T[], id: string, changes: Partial<T>) =>
  rows.map((row) => (row.id === id ? { ...row, ...changes } : row));

/** One store per browser session of the app: created by the provider, never module-global. */
export function createCalculatorStore() {
  return createStore<CalculatorState>()((set, get) => {
    const withInput = (change: (input: CalculatorInput) => Partial<CalculatorInput>) =>
      set(({ input }) => (input ? { input: { ...input, ...change(input) } } : {}));
    const newId = (prefix: string) => {
      const number = get().nextRowNumber;
      set({ nextRowNumber: number + 1 });
      return `${prefix}-${number}`;
    };
    return {
      input: null,
      nextRowNumber: 2,
      initialize: (month, firstRow) => {
        if (!get().input) set({ input: emptyCalculatorInput(month, firstRow) });
      },
      replace: (input) => {
        const highest = [...input.usage, ...input.adjustments, ...input.credits]
          .map((row) => Number(row.id.split('-').at(-1)))
          .filter(Number.isFinite);
        set({ input, nextRowNumber: Math.max(get().nextRowNumber, ...highest) + 1 });
      },
      setMonth: (month) => withInput(() => ({ month })),
      addUsage: (row) => {
        const id = newId('usage');
        withInput((input) => ({ usage: [...input.usage, { id, ...row }] }));
      },
      updateUsage: (id, changes) => withInput((input) => ({ usage: update(input.usage, id, changes) })),
      removeUsage: (id) => withInput((input) => ({ usage: input.usage.filter((row) => row.id !== id) })),
      setContract: (changes) => withInput((input) => ({ contract: { ...input.contract, ...changes } })),
      addAdjustment: (adjustment) => {
        const id = newId('adjustment');
        withInput((input) => ({ adjustments: [...input.adjustments, { id, ...adjustment }] }));
      },
      updateAdjustment: (id, changes) =>
        withInput((input) => ({ adjustments: update(input.adjustments, id, changes) })),
      removeAdjustment: (id) =>
        withInput((input) => ({ adjustments: input.adjustments.filter((row) => row.id !== id) })),
      addCredit: (credit) => {
        const id = newId('credit');
        withInput((input) => ({ credits: [...input.credits, { id, ...credit }] }));
      },
      updateCredit: (id, changes) => withInput((input) => ({ credits: update(input.credits, id, changes) })),
      removeCredit: (id) => withInput((input) => ({ credits: input.credits.filter((row) => row.id !== id) })),
      setUnpaid: (changes) => withInput((input) => ({ unpaid: { ...input.unpaid, ...changes } })),
    };
  });
}

export type CalculatorStore = ReturnType<typeof createCalculatorStore>;
