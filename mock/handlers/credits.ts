import {
  appendToLedger,
  burnCredits,
  CREDIT_TYPES,
  type CreditType,
  DEFAULT_CREDIT_PRIORITY,
  Decimal,
  formatMoney,
  IssueCollector,
  type ParsedCreditGrant,
  parseCreditGrant,
  periodOf,
  planExpiry,
  planVoid,
  stepsOfRule,
  sum,
  TraceBuilder,
  toInstant,
} from '@billing/engine';
import { cursorPosition, invalidCursor, pageRequest, pageResponse } from '../../edge/src/lib/pagination';
import { ApiError, notFound } from '../../edge/src/lib/problem';
import { parseChargeAmount, parseGrantRequest } from '../../edge/src/routes/credits/credit-input';
import {
  expireCreditGrants,
  getCreditBalances,
  getCreditGrant,
  grantCredit,
  listCreditGrants,
  listCreditLedger,
  previewCreditBurn,
  voidCreditGrant,
} from '../../edge/src/routes/credits/credits.routes';
import {
  appendLedger,
  balanceOf,
  creditGrantsForStatement,
  ledgerOfGrants,
  liveGrants,
} from '../src/billing/credits';
import { requireBillingGroup } from '../src/billing/lookup';
import type { Call } from '../src/operation';
import { type BillingGroupRecord, type CreditGrantRecord, pageById } from '../src/store';
import type { Kit } from './kit';

function grantToWire(call: Call<unknown>, group: BillingGroupRecord, grant: CreditGrantRecord) {
  return {
    id: grant.id,
    billingGroupId: grant.billingGroupId,
    type: grant.type,
    amount: grant.amount,
    balance: balanceOf(call.data, grant, group.currency),
    priority: grant.priority ?? DEFAULT_CREDIT_PRIORITY[grant.type],
    priorityIsDefault: grant.priority === null,
    expiresAt: grant.expiresAt,
    grantedAt: grant.grantedAt,
    campaignId: grant.campaignId,
    name: grant.name,
    voidedAt: grant.voidedAt,
    createdAt: grant.createdAt,
  };
}

/** The group's grant, or 404: another group's or tenant's grant answers like a missing one. */
function requireGrant(call: Call<unknown>, group: BillingGroupRecord, grantId: string): CreditGrantRecord {
  const grant = call.data.creditGrants.get(grantId);
  if (!grant || grant.billingGroupId !== group.id) throw notFound('credit grant', grantId);
  return grant;
}

/** Stored grants parsed as the engine burns them; they were validated when granted. */
function parsedGrants(call: Call<unknown>, group: BillingGroupRecord): ParsedCreditGrant[] {
  const issues = new IssueCollector();
  const parsed = creditGrantsForStatement(call.data, group.id, group.currency).map((grant, index) =>
    parseCreditGrant(issues, `grants[${index}]`, grant, group.currency),
  );
  if (!issues.ok) throw new Error(`stored credit grants do not parse: ${JSON.stringify(issues.issues)}`);
  return parsed as ParsedCreditGrant[];
}

/** Instants are stored in one form (UTC, milliseconds) so they sort and compare as text. */
const normalizeInstant = (millis: number | null) => (millis === null ? null : toInstant(millis));

export function creditHandlers({ http, operation }: Kit) {
  return [
    http.post(
      '/v1/billing-groups/{billingGroupId}/credits',
      operation('grantCredit', grantCredit, (call, { response }) => {
        const body = call.input.body;
        const group = requireBillingGroup(call, call.input.params.billingGroupId);
        const now = call.now();
        const id = call.newId('cg');
        const parsed = parseGrantRequest(body, id, body.grantedAt ?? now, group.currency);
        const grant: CreditGrantRecord = {
          id,
          billingGroupId: group.id,
          type: parsed.type,
          amount: formatMoney(parsed.amount, group.currency),
          priority: parsed.priorityIsDefault ? null : parsed.priority,
          expiresAt: normalizeInstant(parsed.expiresAt),
          grantedAt: normalizeInstant(parsed.grantedAt) as string,
          campaignId: parsed.campaignId,
          name: parsed.name,
          voidedAt: null,
          createdAt: now,
        };
        call.data.creditGrants.set(id, grant);
        appendLedger(call.world, call.data, group.id, group.currency, [
          { grantId: id, kind: 'GRANT', amount: grant.amount, at: grant.grantedAt, statementId: null },
        ]);
        return response(201).json(grantToWire(call, group, grant));
      }),
    ),
    http.get(
      '/v1/billing-groups/{billingGroupId}/credits',
      operation('listCreditGrants', listCreditGrants, (call, { response }) => {
        const group = requireBillingGroup(call, call.input.params.billingGroupId);
        const grants = [...call.data.creditGrants.values()].filter(
          (grant) => grant.billingGroupId === group.id,
        );
        return response(200).json(
          pageResponse(pageById(grants, pageRequest(call.input.query)), (grant) =>
            grantToWire(call, group, grant),
          ),
        );
      }),
    ),
    http.post(
      '/v1/billing-groups/{billingGroupId}/credits/preview',
      operation('previewCreditBurn', previewCreditBurn, (call, { response }) => {
        const body = call.input.body;
        const group = requireBillingGroup(call, call.input.params.billingGroupId);
        const amount = parseChargeAmount('amount', body.amount, group.currency);
        const trace = new TraceBuilder(true);
        const burn = burnCredits(
          parsedGrants(call, group),
          amount,
          periodOf(body.month),
          group.currency,
          trace,
        );
        const burnSteps = stepsOfRule(trace.steps, 'credit-burn');
        const skipSteps = stepsOfRule(trace.steps, 'credit-skipped');
        const money = (value: Decimal) => formatMoney(value, group.currency);
        return response(200).json({
          billingGroupId: group.id,
          month: body.month,
          currency: group.currency,
          amount: money(amount),
          creditTotal: money(burn.total),
          remaining: money(amount.minus(burn.total)),
          credits: burn.applied.map((credit, index) => ({
            ...credit,
            why: burnSteps[index]?.notes[0] ?? '',
          })),
          skipped: burn.skipped.map((skip, index) => ({ ...skip, why: skipSteps[index]?.description ?? '' })),
          trace: trace.steps,
        });
      }),
    ),
    http.post(
      '/v1/billing-groups/{billingGroupId}/credits/expire',
      operation('expireCreditGrants', expireCreditGrants, (call, { response }) => {
        const group = requireBillingGroup(call, call.input.params.billingGroupId);
        const asOf = call.now();
        const due = liveGrants(call.data, group.id).filter(
          (grant) => grant.expiresAt !== null && grant.expiresAt <= asOf,
        );
        const ledger = ledgerOfGrants(
          call.data,
          group.id,
          due.map((grant) => grant.id),
        );
        const entries = planExpiry(ledger, due, asOf);
        appendToLedger(ledger, entries);
        appendLedger(call.world, call.data, group.id, group.currency, entries);
        return response(200).json({
          asOf,
          expired: entries.map((entry) => ({
            grantId: entry.grantId,
            amount: formatMoney(new Decimal(entry.amount), group.currency),
            at: entry.at,
          })),
        });
      }),
    ),
    http.get(
      '/v1/billing-groups/{billingGroupId}/credits/{grantId}',
      operation('getCreditGrant', getCreditGrant, (call, { response }) => {
        const { billingGroupId, grantId } = call.input.params;
        const group = requireBillingGroup(call, billingGroupId);
        return response(200).json(grantToWire(call, group, requireGrant(call, group, grantId)));
      }),
    ),
    http.post(
      '/v1/billing-groups/{billingGroupId}/credits/{grantId}/void',
      operation('voidCreditGrant', voidCreditGrant, (call, { response }) => {
        const { billingGroupId, grantId } = call.input.params;
        const group = requireBillingGroup(call, billingGroupId);
        const grant = requireGrant(call, group, grantId);
        if (grant.voidedAt) {
          throw new ApiError(
            409,
            'credit-grant-voided',
            'The credit grant is already voided',
            `credit grant ${grantId} was voided`,
            { extensions: { grantId } },
          );
        }
        const voidedAt = call.now();
        const ledger = ledgerOfGrants(call.data, group.id, [grantId]);
        const entries = planVoid(ledger, grantId, voidedAt);
        appendToLedger(ledger, entries);
        grant.voidedAt = voidedAt;
        appendLedger(call.world, call.data, group.id, group.currency, entries);
        return response(200).json(grantToWire(call, group, grant));
      }),
    ),
    http.get(
      '/v1/billing-groups/{billingGroupId}/credit-ledger',
      operation('listCreditLedger', listCreditLedger, (call, { response }) => {
        const query = call.input.query;
        const group = requireBillingGroup(call, call.input.params.billingGroupId);
        // As on the edge: an entry is listed with its position in the group's ledger (never the
        // world's seq), and the cursor is the previous page's last `<grantId>.<position>`.
        const ledger = call.data.ledgerOf(group.id).map((entry, index) => ({ ...entry, seq: index + 1 }));
        const after = query.cursor
          ? /^([A-Za-z0-9_-]{1,100})\.([1-9]\d{0,14})$/.exec(cursorPosition(query.cursor))
          : null;
        const anchor = after ? ledger[Number(after[2]) - 1] : undefined;
        if (
          query.cursor &&
          (!after ||
            anchor?.grantId !== after[1] ||
            (query.grantId !== undefined && query.grantId !== after[1]))
        ) {
          throw invalidCursor();
        }
        const rows = ledger.filter(
          (entry) =>
            entry.seq > (anchor?.seq ?? 0) &&
            (query.grantId === undefined || entry.grantId === query.grantId),
        );
        const limit = query.limit;
        const items = rows.slice(0, limit);
        const last = items.at(-1);
        const page = {
          items,
          nextCursor: rows.length > limit && last ? `${last.grantId}.${last.seq}` : null,
        };
        return response(200).json(
          pageResponse(page, (entry) => ({
            seq: entry.seq,
            grantId: entry.grantId,
            kind: entry.kind,
            amount: entry.amount,
            at: entry.at,
            statementId: entry.statementId,
          })),
        );
      }),
    ),
    http.get(
      '/v1/billing-groups/{billingGroupId}/credit-balances',
      operation('getCreditBalances', getCreditBalances, (call, { response }) => {
        const group = requireBillingGroup(call, call.input.params.billingGroupId);
        const asOf = call.now();
        const grants = liveGrants(call.data, group.id).map((grant) => ({
          grantId: grant.id,
          type: grant.type,
          priority: grant.priority ?? DEFAULT_CREDIT_PRIORITY[grant.type],
          expiresAt: grant.expiresAt,
          expired: grant.expiresAt !== null && grant.expiresAt <= asOf,
          balance: balanceOf(call.data, grant, group.currency),
        }));
        const total = (selected: typeof grants) =>
          formatMoney(sum(selected.map((grant) => new Decimal(grant.balance))), group.currency);
        const byType = Object.fromEntries(
          CREDIT_TYPES.map((type) => [type, total(grants.filter((grant) => grant.type === type))]),
        ) as Record<CreditType, string>;
        return response(200).json({
          billingGroupId: group.id,
          currency: group.currency,
          asOf,
          total: total(grants),
          byType,
          expiredBalance: total(grants.filter((grant) => grant.expired)),
          grants,
        });
      }),
    ),
  ];
}
