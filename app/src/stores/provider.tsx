'use client';

import { createContext, type ReactNode, use, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { type CalculatorState, type CalculatorStore, createCalculatorStore } from './calculator-store';
import { createHistoryStore, type HistoryState, type HistoryStore } from './history-store';

interface Stores {
  calculator: CalculatorStore;
  history: HistoryStore;
}

const StoresContext = createContext<Stores | null>(null);

/** Creates the stores once per mounted app (per request on the server), never as module globals. */
export function StoreProvider({ children }: { children: ReactNode }) {
  const [stores] = useState<Stores>(() => ({
    calculator: createCalculatorStore(),
    history: createHistoryStore(),
  }));
  useEffect(() => {
    const { history } = stores;
    const markHydrated = () => history.setState({ hydrated: true });
    const unsubscribe = history.persist.onFinishHydration(markHydrated);
    void history.persist.rehydrate();
    return unsubscribe;
  }, [stores]);
  return <StoresContext value={stores}>{children}</StoresContext>;
}

function useStores(): Stores {
  const stores = use(StoresContext);
  if (!stores) throw new Error('StoreProvider is missing above this component');
  return stores;
}

export function useCalculatorStore<T>(selector: (state: CalculatorState) => T): T {
  return useStore(useStores().calculator, selector);
}

export function useHistoryStore<T>(selector: (state: HistoryState) => T): T {
  return useStore(useStores().history, selector);
}
