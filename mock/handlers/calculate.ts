import { computeStatement, ValidationError } from '@billing/engine';
import { calculateStatement } from '../../edge/src/routes/calculate/calculate.routes';
import { toRequestIssues, toStatementInput } from '../../edge/src/routes/calculate/calculator-input';
import type { Kit } from './kit';

export function calculateHandlers({ http, operation }: Kit) {
  return [
    http.post(
      '/v1/calculate',
      operation('calculateStatement', calculateStatement, (call, { response }) => {
        const input = toStatementInput(call.input.body, call.clock());
        try {
          return response(200).json(computeStatement(input));
        } catch (error) {
          throw error instanceof ValidationError ? toRequestIssues(error) : error;
        }
      }),
    ),
  ];
}
