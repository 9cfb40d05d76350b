import { createJSONStorage, persist } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import type { CalculatorInput } from '@/lib/calculator-input';
import type { StatementTotals } from '@/mappers/statement-view';

export interface SavedCalculation {
  id: string;
  name: string;
  savedAt: string;
  input: CalculatorInput;
  totals: StatementTotals;
}

export interface HistoryState {
  entries: SavedCalculation[];
  /** False until the entries were read from localStorage (the server render has none). */
  hydrated: boolean;
  save: (name: string, input: CalculatorInput, totals: StatementTotals) => SavedCalculation;
  rename: (id: string, name: string) => void;
  remove: (id: string) => void;
}

export const HISTORY_STORAGE_KEY = 'billing-calculator-history';

function newEntryId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `calc-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** Saved calculations, kept in the browser's localStorage: the user expects them after a reload. */
export function createHistoryStore() {
  return createStore<HistoryState>()(
    persist(
      (set) => ({
        entries: [],
        hydrated: false,
        save: (name, input, totals) => {
          const entry = { id: newEntryId(), name, savedAt: new Date().toISOString(), input, totals };
          set(({ entries }) => ({ entries: [entry, ...entries] }));
          return entry;
        },
        rename: (id, name) =>
          set(({ entries }) => ({
            entries: entries.map((entry) => (entry.id === id ? { ...entry, name } : entry)),
          })),
        remove: (id) => set(({ entries }) => ({ entries: entries.filter((entry) => entry.id !== id) })),
      }),
      {
        name: HISTORY_STORAGE_KEY,
        version: 1,
        storage: createJSONStorage(() => localStorage),
        partialize: ({ entries }) => ({ entries }),
        // The server renders without localStorage; the provider rehydrates after mounting.
        skipHydration: true,
      },
    ),
  );
}

export type HistoryStore = ReturnType<typeof createHistoryStore>;
