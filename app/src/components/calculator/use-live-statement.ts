import { useEffect, useRef, useState } from 'react';
import { calculateStatement } from '@/actions/calculate';
import type { Problem, StatementCalculation } from '@/api/types';
import type { CalculatorInput } from '@/lib/calculator-input';
import { isCalculable, toCalculatorRequest } from '@/mappers/calculator-request';

export type LiveStatement =
  | { status: 'empty' }
  | { status: 'calculating'; last: StatementCalculation | null }
  | { status: 'ready'; result: StatementCalculation }
  | {
      status: 'invalid';
      problem: Problem;
      /** The inputs the edge refused, to place its errors on their fields. */
      input: CalculatorInput;
      /** The last statement the inputs could produce, shown marked out of date. */
      last: StatementCalculation | null;
    };

const DEBOUNCE_MS = 300;

/** Recomputes the statement a moment after the user stops typing; a stale answer never wins. */
export function useLiveStatement(input: CalculatorInput | null): LiveStatement {
  const [state, setState] = useState<LiveStatement>({ status: 'empty' });
  const latestRequest = useRef(0);
  const lastResult = useRef<StatementCalculation | null>(null);

  useEffect(() => {
    if (!input) return;
    if (!isCalculable(input)) {
      latestRequest.current += 1;
      setState({ status: 'empty' });
      return;
    }
    setState({ status: 'calculating', last: lastResult.current });
    const request = toCalculatorRequest(input);
    const timer = setTimeout(async () => {
      latestRequest.current += 1;
      const number = latestRequest.current;
      const outcome = await calculateStatement(request);
      if (number !== latestRequest.current) return;
      if (outcome.ok) {
        lastResult.current = outcome.data;
        setState({ status: 'ready', result: outcome.data });
      } else {
        setState({ status: 'invalid', problem: outcome.problem, input, last: lastResult.current });
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [input]);

  return state;
}
