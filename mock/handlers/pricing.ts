import { isPeriodClosed, parseContract, parsePriceBook } from '@billing/engine';
import { pageRequest, pageResponse } from '../../edge/src/lib/pagination';
import { ApiError, notFound, validationFailed } from '../../edge/src/lib/problem';
import {
  createContract,
  createContractAssignment,
  getContract,
  listContractAssignments,
  listContracts,
} from '../../edge/src/routes/contracts/contracts.routes';
import { parseWithEngine } from '../../edge/src/routes/price-books/engine-validation';
import {
  createPriceBook,
  getPriceBook,
  listPriceBooks,
} from '../../edge/src/routes/price-books/price-books.routes';
import { requireBillingGroup } from '../src/billing/lookup';
import { BUILT_IN_PRICE_BOOK, findPriceBook } from '../src/billing/pricing';
import {
  type ContractAssignmentRecord,
  type ContractRecord,
  type PriceBookRecord,
  pageById,
} from '../src/store';
import type { Kit } from './kit';

/** A stored contract has no months (its assignments do): its terms are checked with this range. */
const TERMS_ONLY = { startMonth: '2000-01', endMonth: null };

const priceBookToWire = (book: PriceBookRecord) => ({
  id: book.id,
  name: book.name,
  currency: book.currency,
  entries: book.entries,
  builtIn: book.builtIn,
  createdAt: book.createdAt,
});
const contractToWire = (contract: ContractRecord) => ({ ...contract });
const assignmentToWire = (assignment: ContractAssignmentRecord) => ({ ...assignment });

export function pricingHandlers({ http, operation }: Kit) {
  return [
    http.post(
      '/v1/price-books',
      operation('createPriceBook', createPriceBook, (call, { response }) => {
        const body = call.input.body;
        const book: PriceBookRecord = {
          id: call.newId('pb'),
          name: body.name,
          currency: body.currency,
          entries: body.entries,
          builtIn: false,
          createdAt: call.now(),
        };
        parseWithEngine(parsePriceBook, { ...book, tenantId: call.tenantId });
        call.data.priceBooks.set(book.id, book);
        return response(201).json(priceBookToWire(book));
      }),
    ),
    http.get(
      '/v1/price-books',
      operation('listPriceBooks', listPriceBooks, (call, { response }) => {
        const books = [...call.data.priceBooks.values(), BUILT_IN_PRICE_BOOK];
        return response(200).json(
          pageResponse(pageById(books, pageRequest(call.input.query)), priceBookToWire),
        );
      }),
    ),
    http.get(
      '/v1/price-books/{priceBookId}',
      operation('getPriceBook', getPriceBook, (call, { response }) => {
        const { priceBookId } = call.input.params;
        const book = findPriceBook(call.data, priceBookId);
        if (!book) throw notFound('price book', priceBookId);
        return response(200).json(priceBookToWire(book));
      }),
    ),
    http.post(
      '/v1/contracts',
      operation('createContract', createContract, (call, { response }) => {
        const body = call.input.body;
        const contract: ContractRecord = {
          id: call.newId('ctr'),
          name: body.name,
          priceOverrides: body.priceOverrides ?? [],
          discountRate: body.discountRate ?? null,
          minimumCharge: body.minimumCharge ?? null,
          createdAt: call.now(),
        };
        parseWithEngine(parseContract, { ...contract, tenantId: call.tenantId, ...TERMS_ONLY });
        call.data.contracts.set(contract.id, contract);
        return response(201).json(contractToWire(contract));
      }),
    ),
    http.get(
      '/v1/contracts',
      operation('listContracts', listContracts, (call, { response }) =>
        response(200).json(
          pageResponse(pageById(call.data.contracts.values(), pageRequest(call.input.query)), contractToWire),
        ),
      ),
    ),
    http.get(
      '/v1/contracts/{contractId}',
      operation('getContract', getContract, (call, { response }) => {
        const { contractId } = call.input.params;
        const contract = call.data.contracts.get(contractId);
        if (!contract) throw notFound('contract', contractId);
        return response(200).json(contractToWire(contract));
      }),
    ),
    http.post(
      '/v1/billing-groups/{billingGroupId}/contract-assignments',
      operation('createContractAssignment', createContractAssignment, (call, { response }) => {
        const group = requireBillingGroup(call, call.input.params.billingGroupId);
        const body = call.input.body;
        const contract = call.data.contracts.get(body.contractId);
        if (!contract) {
          throw validationFailed([
            { field: 'contractId', rule: 'exists', message: `contract ${body.contractId} does not exist` },
          ]);
        }
        const assignment: ContractAssignmentRecord = {
          id: call.newId('ca'),
          billingGroupId: group.id,
          contractId: contract.id,
          startMonth: body.startMonth,
          endMonth: body.endMonth ?? null,
          createdAt: call.now(),
        };
        // The engine's own range rule: endMonth is inclusive and may not come before startMonth.
        parseWithEngine(parseContract, {
          ...contract,
          tenantId: call.tenantId,
          startMonth: assignment.startMonth,
          endMonth: assignment.endMonth,
        });
        const latestClosedMonth = call.data.latestClosedMonth(group.id);
        if (isPeriodClosed(assignment.startMonth, latestClosedMonth)) {
          const message = `${assignment.startMonth} is closed (the statement of ${latestClosedMonth} is issued); a contract applies from an open month on`;
          throw new ApiError(409, 'period-closed', 'The period is closed', message, {
            errors: [{ field: 'startMonth', rule: 'period-closed', message }],
            extensions: { month: assignment.startMonth },
          });
        }
        const end = assignment.endMonth ?? '9999-12';
        const other = [...call.data.assignments.values()]
          .filter(
            (candidate) =>
              candidate.billingGroupId === group.id &&
              candidate.startMonth <= end &&
              assignment.startMonth <= (candidate.endMonth ?? '9999-12'),
          )
          .sort((a, b) => (a.startMonth < b.startMonth ? -1 : a.startMonth > b.startMonth ? 1 : 0))[0];
        if (other) {
          const months = other.endMonth
            ? `${other.startMonth} to ${other.endMonth}`
            : `${other.startMonth} on`;
          throw new ApiError(
            409,
            'contract-overlap',
            'The months overlap another contract assignment',
            `billing group ${group.id} already has contract ${other.contractId} from ${months} (assignment ${other.id}); one contract applies per month`,
            {
              errors: [
                { field: 'startMonth', rule: 'contract-overlap', message: `overlaps assignment ${other.id}` },
              ],
              extensions: { conflictingAssignmentId: other.id },
            },
          );
        }
        call.data.assignments.set(assignment.id, assignment);
        return response(201).json(assignmentToWire(assignment));
      }),
    ),
    http.get(
      '/v1/billing-groups/{billingGroupId}/contract-assignments',
      operation('listContractAssignments', listContractAssignments, (call, { response }) => {
        const group = requireBillingGroup(call, call.input.params.billingGroupId);
        const assignments = [...call.data.assignments.values()].filter(
          (assignment) => assignment.billingGroupId === group.id,
        );
        return response(200).json(
          pageResponse(pageById(assignments, pageRequest(call.input.query)), assignmentToWire),
        );
      }),
    ),
  ];
}
