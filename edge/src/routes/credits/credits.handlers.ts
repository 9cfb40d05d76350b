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
  planVoid,
  stepsOfRule,
  sum,
  TraceBuilder,
  toInstant,
} from '@billing/engine';
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { cursorPosition, invalidCursor, pageRequest, pageResponse } from '../../http/pagination';
import { ApiError, notFound } from '../../http/problem';
import { serviceContext } from '../../http/service-context';
import { requireBillingGroup } from '../../services/billing-group-lookup';
import { reportCreditAlertsAfter } from '../../services/credit-alerts';
import { expireCreditOfGroup } from '../../services/credit-expiry';
import { parseChargeAmount, parseGrantRequest } from '../../services/credit-parsing';
import { clockOf } from '../../services/group-clock';
import { grantToWire } from '../../services/wire-objects';
import type { BillingGroupRecord } from '../../storage/ports/billing-groups';
import type { CreditLedgerRecord, LedgerPosition } from '../../storage/ports/credits';
import type {
  expireCreditGrants,
  getCreditBalances,
  getCreditGrant,
  grantCredit,
  listCreditGrants,
  listCreditLedger,
  previewCreditBurn,
  voidCreditGrant,
} from './credits.routes';

const ledgerToWire = (entry: CreditLedgerRecord) => ({ ...entry });

const scopeOf = (group: BillingGroupRecord) => ({
  tenantId: group.tenantId,
  billingGroupId: group.id,
  currency: group.currency,
});

/** The group's grant, or 404: another group's or tenant's grant id answers like a missing one. */
async function requireGrant(vars: AppEnv['Variables'], group: BillingGroupRecord, grantId: string) {
  const grant = await vars.storage.getCreditGrant(group.tenantId, group.id, grantId);
  if (!grant) throw notFound('credit grant', grantId);
  return grant;
}

/** Stored grants, parsed as the engine burns them; they were validated when granted. */
function parseStoredGrants(vars: AppEnv['Variables'], group: BillingGroupRecord) {
  return vars.storage.creditGrantsForStatement(group.tenantId, group.id).then((grants) => {
    const issues = new IssueCollector();
    const parsed = grants.map((grant, index) =>
      parseCreditGrant(issues, `grants[${index}]`, grant, group.currency),
    );
    if (!issues.ok) throw new Error(`stored credit grants do not parse: ${JSON.stringify(issues.issues)}`);
    return parsed as ParsedCreditGrant[];
  });
}

/** ISO instants are stored in one form (UTC, milliseconds) so they sort and compare as text. */
const normalizeInstant = (millis: number | null) => (millis === null ? null : toInstant(millis));

export const handleGrantCredit: RouteHandler<typeof grantCredit, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  const group = await requireBillingGroup(c.var, c.req.valid('param').billingGroupId);
  // Granted in the group's time: a group on a test clock can use it from the clock's month on.
  const now = clockOf(c.get('deps'), group).clock().toISOString();
  const id = c.get('deps').newId('cg');
  const parsed = parseGrantRequest(body, id, body.grantedAt ?? now, group.currency);
  const lowBalanceThreshold =
    body.lowBalanceThreshold == null
      ? null
      : formatMoney(
          parseChargeAmount('lowBalanceThreshold', body.lowBalanceThreshold, group.currency),
          group.currency,
        );
  const grant = await c.get('storage').createCreditGrant(
    {
      id,
      tenantId: group.tenantId,
      billingGroupId: group.id,
      type: parsed.type,
      amount: formatMoney(parsed.amount, group.currency),
      priority: parsed.priorityIsDefault ? null : parsed.priority,
      expiresAt: normalizeInstant(parsed.expiresAt),
      grantedAt: normalizeInstant(parsed.grantedAt) as string,
      campaignId: parsed.campaignId,
      name: parsed.name,
      createdAt: now,
      lowBalanceThreshold,
    },
    group.currency,
  );
  // A grant made to expire within the week, or below its own threshold, is reported at once.
  await reportCreditAlertsAfter(serviceContext(c.var), group);
  return c.json(grantToWire(grant), 201);
};

export const handleListCreditGrants: RouteHandler<typeof listCreditGrants, AppEnv> = async (c) => {
  const group = await requireBillingGroup(c.var, c.req.valid('param').billingGroupId);
  const page = await c
    .get('storage')
    .listCreditGrants(group.tenantId, group.id, await pageRequest(c, c.req.valid('query')));
  return c.json(await pageResponse(c, page, grantToWire), 200);
};

export const handleGetCreditGrant: RouteHandler<typeof getCreditGrant, AppEnv> = async (c) => {
  const { billingGroupId, grantId } = c.req.valid('param');
  const group = await requireBillingGroup(c.var, billingGroupId);
  return c.json(grantToWire(await requireGrant(c.var, group, grantId)), 200);
};

export const handleVoidCreditGrant: RouteHandler<typeof voidCreditGrant, AppEnv> = async (c) => {
  const { billingGroupId, grantId } = c.req.valid('param');
  const group = await requireBillingGroup(c.var, billingGroupId);
  const grant = await requireGrant(c.var, group, grantId);
  const alreadyVoided = () =>
    new ApiError(
      409,
      'credit-grant-voided',
      'The credit grant is already voided',
      `credit grant ${grantId} was voided`,
      {
        extensions: { grantId },
      },
    );
  if (grant.voidedAt) throw alreadyVoided();
  const voidedAt = clockOf(c.get('deps'), group).clock().toISOString();
  const ledger = await c.get('storage').ledgerOfGrants(group.tenantId, group.id, [grantId]);
  const entries = planVoid(ledger, grantId, voidedAt);
  // The engine's ledger rules first; the database's triggers then guard against concurrent writers.
  appendToLedger(ledger, entries);
  if (!(await c.get('storage').voidCreditGrant(scopeOf(group), grantId, voidedAt, entries)))
    throw alreadyVoided();
  return c.json(grantToWire(await requireGrant(c.var, group, grantId)), 200);
};

export const handleExpireCreditGrants: RouteHandler<typeof expireCreditGrants, AppEnv> = async (c) => {
  const group = await requireBillingGroup(c.var, c.req.valid('param').billingGroupId);
  const { asOf, entries } = await expireCreditOfGroup(c.var, group);
  return c.json(
    {
      asOf,
      expired: entries.map((entry) => ({
        grantId: entry.grantId,
        amount: formatMoney(new Decimal(entry.amount), group.currency),
        at: entry.at,
      })),
    },
    200,
  );
};

export const handlePreviewCreditBurn: RouteHandler<typeof previewCreditBurn, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  const group = await requireBillingGroup(c.var, c.req.valid('param').billingGroupId);
  const amount = parseChargeAmount('amount', body.amount, group.currency);
  const grants = await parseStoredGrants(c.var, group);
  const trace = new TraceBuilder(true);
  const burn = burnCredits(grants, amount, periodOf(body.month), group.currency, trace);
  const burnSteps = stepsOfRule(trace.steps, 'credit-burn');
  const skipSteps = stepsOfRule(trace.steps, 'credit-skipped');
  const money = (value: Decimal) => formatMoney(value, group.currency);
  return c.json(
    {
      billingGroupId: group.id,
      month: body.month,
      currency: group.currency,
      amount: money(amount),
      creditTotal: money(burn.total),
      remaining: money(amount.minus(burn.total)),
      credits: burn.applied.map((credit, index) => ({ ...credit, why: burnSteps[index]?.notes[0] ?? '' })),
      skipped: burn.skipped.map((skip, index) => ({ ...skip, why: skipSteps[index]?.description ?? '' })),
      trace: trace.steps,
    },
    200,
  );
};

/** `<grantId>.<seq>`: the last entry of the previous page, by its grant and its place in the group's ledger. */
function ledgerPosition(position: string): LedgerPosition {
  const match = /^([A-Za-z0-9_-]{1,100})\.([1-9]\d{0,14})$/.exec(position);
  if (!match) throw invalidCursor();
  return { grantId: match[1] as string, seq: Number(match[2]) };
}

export const handleListCreditLedger: RouteHandler<typeof listCreditLedger, AppEnv> = async (c) => {
  const query = c.req.valid('query');
  const group = await requireBillingGroup(c.var, c.req.valid('param').billingGroupId);
  const page = await c.get('storage').creditLedgerPage(group.tenantId, group.id, {
    limit: query.limit,
    after: query.cursor ? ledgerPosition(await cursorPosition(c, query.cursor)) : null,
    grantId: query.grantId ?? null,
  });
  if (!page) throw invalidCursor();
  return c.json(await pageResponse(c, page, ledgerToWire), 200);
};

export const handleGetCreditBalances: RouteHandler<typeof getCreditBalances, AppEnv> = async (c) => {
  const group = await requireBillingGroup(c.var, c.req.valid('param').billingGroupId);
  const asOf = clockOf(c.get('deps'), group).clock().toISOString();
  const grants = (await c.get('storage').liveCreditGrants(group.tenantId, group.id)).map((grant) => ({
    grantId: grant.id,
    type: grant.type,
    priority: grant.priority ?? DEFAULT_CREDIT_PRIORITY[grant.type],
    expiresAt: grant.expiresAt,
    expired: grant.expiresAt !== null && grant.expiresAt <= asOf,
    balance: grant.balance,
  }));
  const total = (selected: typeof grants) =>
    formatMoney(sum(selected.map((grant) => new Decimal(grant.balance))), group.currency);
  const byType = Object.fromEntries(
    CREDIT_TYPES.map((type) => [type, total(grants.filter((grant) => grant.type === type))]),
  ) as Record<CreditType, string>;
  return c.json(
    {
      billingGroupId: group.id,
      currency: group.currency,
      asOf,
      total: total(grants),
      byType,
      expiredBalance: total(grants.filter((grant) => grant.expired)),
      grants,
    },
    200,
  );
};
