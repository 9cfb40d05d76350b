import { type Contract, type Currency, DEFAULT_PRICE_BOOK, type PriceBookEntry } from '@billing/engine';
import type {
  ContractAssignmentRecord,
  ContractRecord,
  ContractTerms,
  PriceBookRecord,
  PricingStore,
} from '../ports/pricing';
import { afterParams, pageOf } from './paging';

/** The built-in book every tenant reads; it lives in the engine, not in a table. */
const BUILT_IN_PRICE_BOOK: PriceBookRecord = { ...DEFAULT_PRICE_BOOK, builtIn: true, createdAt: null };

interface PriceBookRow {
  id: string;
  name: string;
  currency: string;
  entries_json: string;
  created_at: string;
}

const toPriceBook = (row: PriceBookRow): PriceBookRecord => ({
  id: row.id,
  name: row.name,
  currency: row.currency as Currency,
  entries: JSON.parse(row.entries_json) as PriceBookEntry[],
  builtIn: false,
  createdAt: row.created_at,
});

interface ContractRow {
  id: string;
  tenant_id: string;
  name: string;
  terms_json: string;
  created_at: string;
}

const toContract = (row: ContractRow): ContractRecord => {
  const terms = JSON.parse(row.terms_json) as ContractTerms;
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    priceOverrides: terms.priceOverrides,
    discountRate: terms.discountRate,
    minimumCharge: terms.minimumCharge,
    createdAt: row.created_at,
  };
};

interface AssignmentRow {
  id: string;
  tenant_id: string;
  billing_group_id: string;
  contract_id: string;
  start_month: string;
  end_month: string | null;
  created_at: string;
}

const toAssignment = (row: AssignmentRow): ContractAssignmentRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  billingGroupId: row.billing_group_id,
  contractId: row.contract_id,
  startMonth: row.start_month,
  endMonth: row.end_month,
  createdAt: row.created_at,
});

const ASSIGNMENT_COLUMNS = 'id, tenant_id, billing_group_id, contract_id, start_month, end_month, created_at';
/** Sorts after every month, standing in for an open end in range comparisons (also in the SQL below). */
const OPEN_END = '9999-12';
/** The assignments of a group whose months overlap [?, ?]: each range starts before the other ends. */
const OVERLAPPING = `tenant_id = ? AND billing_group_id = ? AND start_month <= ? AND ? <= COALESCE(end_month, '9999-12')`;

export function d1PricingStore(db: D1Database): PricingStore {
  const findPriceBook = async (tenantId: string, priceBookId: string) => {
    if (priceBookId === BUILT_IN_PRICE_BOOK.id) return BUILT_IN_PRICE_BOOK;
    const row = await db
      .prepare(
        'SELECT id, name, currency, entries_json, created_at FROM price_books WHERE tenant_id = ? AND id = ?',
      )
      .bind(tenantId, priceBookId)
      .first<PriceBookRow>();
    return row && toPriceBook(row);
  };

  return {
    findPriceBook,
    async getPriceBook(tenantId, priceBookId) {
      const book = await findPriceBook(tenantId, priceBookId);
      // Exactly the engine's shape: statements freeze and hash it.
      return book && { id: book.id, name: book.name, currency: book.currency, entries: book.entries };
    },
    async createPriceBook(book) {
      await db
        .prepare(
          'INSERT INTO price_books (id, tenant_id, name, currency, entries_json, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .bind(book.id, book.tenantId, book.name, book.currency, JSON.stringify(book.entries), book.createdAt)
        .run();
    },
    async listPriceBooks(tenantId, page) {
      const { results } = await db
        .prepare(
          `SELECT id, name, currency, entries_json, created_at FROM price_books
           WHERE tenant_id = ? AND id > ? ORDER BY id LIMIT ?`,
        )
        .bind(tenantId, ...afterParams(page))
        .all<PriceBookRow>();
      const books = results.map(toPriceBook);
      // The built-in book takes its place in id order, so it turns up on exactly one page.
      if (BUILT_IN_PRICE_BOOK.id > (page.after ?? '')) books.push(BUILT_IN_PRICE_BOOK);
      books.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return pageOf(books, page);
    },

    async createContract(contract) {
      const terms: ContractTerms = {
        priceOverrides: contract.priceOverrides,
        discountRate: contract.discountRate,
        minimumCharge: contract.minimumCharge,
      };
      await db
        .prepare('INSERT INTO contracts (id, tenant_id, name, terms_json, created_at) VALUES (?, ?, ?, ?, ?)')
        .bind(contract.id, contract.tenantId, contract.name, JSON.stringify(terms), contract.createdAt)
        .run();
    },
    async getContract(tenantId, contractId) {
      const row = await db
        .prepare(
          'SELECT id, tenant_id, name, terms_json, created_at FROM contracts WHERE tenant_id = ? AND id = ?',
        )
        .bind(tenantId, contractId)
        .first<ContractRow>();
      return row && toContract(row);
    },
    async listContracts(tenantId, page) {
      const { results } = await db
        .prepare(
          `SELECT id, tenant_id, name, terms_json, created_at FROM contracts
           WHERE tenant_id = ? AND id > ? ORDER BY id LIMIT ?`,
        )
        .bind(tenantId, ...afterParams(page))
        .all<ContractRow>();
      return pageOf(results.map(toContract), page);
    },

    async assignContract(assignment) {
      const end = assignment.endMonth ?? OPEN_END;
      const inserted = await db
        .prepare(
          `INSERT INTO contract_assignments (${ASSIGNMENT_COLUMNS})
           SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM contract_assignments WHERE ${OVERLAPPING})
             AND NOT EXISTS (SELECT 1 FROM statements s
               WHERE s.billing_group_id = ? AND s.month >= ? AND s.voided_at IS NULL)
           RETURNING id`,
        )
        .bind(
          assignment.id,
          assignment.tenantId,
          assignment.billingGroupId,
          assignment.contractId,
          assignment.startMonth,
          assignment.endMonth,
          assignment.createdAt,
          assignment.tenantId,
          assignment.billingGroupId,
          end,
          assignment.startMonth,
          assignment.billingGroupId,
          assignment.startMonth,
        )
        // RETURNING, not meta.changes: D1 counts the rows the close fence's triggers touch too.
        .first<{ id: string }>();
      if (inserted) return { stored: true };
      const closed = await db
        .prepare(
          `SELECT MAX(month) AS month FROM statements
           WHERE tenant_id = ? AND billing_group_id = ? AND month >= ? AND voided_at IS NULL`,
        )
        .bind(assignment.tenantId, assignment.billingGroupId, assignment.startMonth)
        .first<{ month: string | null }>();
      if (closed?.month) return { stored: false, latestClosedMonth: closed.month };
      const row = await db
        .prepare(
          `SELECT ${ASSIGNMENT_COLUMNS} FROM contract_assignments
           WHERE ${OVERLAPPING}
           ORDER BY start_month LIMIT 1`,
        )
        .bind(assignment.tenantId, assignment.billingGroupId, end, assignment.startMonth)
        .first<AssignmentRow>();
      if (!row) throw new Error('contract assignment neither stored nor overlapping');
      return { stored: false, overlapping: toAssignment(row) };
    },
    async listContractAssignments(tenantId, billingGroupId, page) {
      const { results } = await db
        .prepare(
          `SELECT ${ASSIGNMENT_COLUMNS} FROM contract_assignments
           WHERE tenant_id = ? AND billing_group_id = ? AND id > ? ORDER BY id LIMIT ?`,
        )
        .bind(tenantId, billingGroupId, ...afterParams(page))
        .all<AssignmentRow>();
      return pageOf(results.map(toAssignment), page);
    },
    async contractForMonth(tenantId, billingGroupId, month) {
      const row = await db
        .prepare(
          `SELECT a.start_month, a.end_month, c.id, c.name, c.terms_json
           FROM contract_assignments a JOIN contracts c ON c.id = a.contract_id AND c.tenant_id = a.tenant_id
           WHERE a.tenant_id = ? AND a.billing_group_id = ? AND a.start_month <= ?
             AND ? <= COALESCE(a.end_month, '9999-12')
           ORDER BY a.start_month LIMIT 1`,
        )
        .bind(tenantId, billingGroupId, month, month)
        .first<{
          start_month: string;
          end_month: string | null;
          id: string;
          name: string;
          terms_json: string;
        }>();
      if (!row) return null;
      const terms = JSON.parse(row.terms_json) as ContractTerms;
      const contract: Contract = {
        id: row.id,
        name: row.name,
        startMonth: row.start_month,
        endMonth: row.end_month,
        priceOverrides: terms.priceOverrides,
        discountRate: terms.discountRate,
        minimumCharge: terms.minimumCharge,
      };
      return contract;
    },
  };
}
