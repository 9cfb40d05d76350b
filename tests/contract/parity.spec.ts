import { type APIResponse, expect, test } from '../support/api-test';
import { OPERATIONS } from '../support/contract';
import { PARITY_CASES } from './parity/cases';

/**
 * The standalone mock against the real edge: for every operation of edge/openapi.json, the same
 * scripted valid and invalid requests go to both. Each answer must match the contract, both must
 * answer the same status, a refusal the same problem type and the same fields and rules, and a
 * deterministic answer the same figures. Any disagreement is a drift of the mock (or a defect of
 * the edge the mock was not bent to).
 */

interface Answer {
  status: number;
  body: Record<string, unknown> | null;
}

async function answerOf(response: APIResponse): Promise<Answer> {
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  return { status: response.status(), body };
}

/** What two refusals must agree on: the problem type and each error's field and rule. */
function refusal(body: Record<string, unknown> | null) {
  const errors = (body?.errors as { field: string; rule: string }[] | undefined) ?? [];
  return {
    type: body?.type,
    errors: errors.map((error) => `${error.field} ${error.rule}`).sort(),
    header: body?.header,
  };
}

test.describe('parity: the mock answers every operation as the edge does', () => {
  for (const [operationId, parity] of Object.entries(PARITY_CASES)) {
    test(`${operationId}`, async ({ parityTargets, dataName }) => {
      for (const kind of ['valid', 'invalid'] as const) {
        await test.step(`a ${kind} request to the edge and to the mock`, async () => {
          const [edge, mock] = await Promise.all([
            parity[kind]({ target: parityTargets.edge, name: `${dataName}-edge` }),
            parity[kind]({ target: parityTargets.mock, name: `${dataName}-mock` }),
          ]);
          await expect(edge, 'the edge keeps its contract').toMatchContract(operationId);
          await expect(mock, 'the mock keeps the contract').toMatchContract(operationId);
          const [edgeAnswer, mockAnswer] = await Promise.all([answerOf(edge), answerOf(mock)]);
          expect(mockAnswer.status, `the mock's status for a ${kind} request`).toBe(edgeAnswer.status);
          if (edgeAnswer.status >= 400) {
            expect(refusal(mockAnswer.body), 'the same refusal').toEqual(refusal(edgeAnswer.body));
          } else if (parity.same && edgeAnswer.body && mockAnswer.body) {
            expect(parity.same(mockAnswer.body), 'the same figures').toEqual(parity.same(edgeAnswer.body));
          }
        });
      }
    });
  }

  test('every operation of edge/openapi.json has a parity test', { tag: ['@smoke'] }, () => {
    expect([...OPERATIONS.keys()].filter((operationId) => !(operationId in PARITY_CASES))).toEqual([]);
    expect(Object.keys(PARITY_CASES).filter((operationId) => !OPERATIONS.has(operationId))).toEqual([]);
  });
});
