import type { components } from '@billing/edge/api-types';

type Schemas = components['schemas'];

export type BillingGroup = Schemas['BillingGroup'];
export type Statement = Schemas['Statement'];
export type StatementSummary = Schemas['StatementSummary'];
export type StatementCalculation = Schemas['StatementCalculation'];
export type StatementState = Schemas['StatementState'];
export type CalculatorRequest = Schemas['CalculatorRequest'];
export type PriceBook = Schemas['PriceBook'];
export type Contract = Schemas['Contract'];
export type NewPriceBook = Schemas['NewPriceBook'];
export type NewContract = Schemas['NewContract'];
export type Pricing = Schemas['Pricing'];
export type MonthlyUsage = Schemas['MonthlyUsage'];
export type Adjustment = Schemas['Adjustment'];
export type NewAdjustment = Schemas['NewAdjustment'];
export type CreditGrant = Schemas['CreditGrant'];
export type NewCreditGrant = Schemas['NewCreditGrant'];
export type CreditBalances = Schemas['CreditBalances'];
export type CreditLedgerEntry = Schemas['CreditLedgerEntry'];
export type Payment = Schemas['Payment'];
export type CreditNote = Schemas['CreditNote'];
export type NewCreditNote = Schemas['NewCreditNote'];
export type StatementReconciliation = Schemas['StatementReconciliation'];
export type ReconcileDifference = Schemas['ReconcileDifference'];
export type Problem = Schemas['Problem'];
export type UsageEventInput = Schemas['UsageEventInput'];
export type UsageEventVerdict = Schemas['UsageEventVerdict'];
export type ApiKey = Schemas['ApiKey'];
export type CreatedApiKey = Schemas['CreatedApiKey'];
export type Currency = BillingGroup['currency'];
export type Budget = Schemas['Budget'];
export type NewBudget = Schemas['NewBudget'];
export type EventType = Schemas['EventType'];
export type WebhookEndpoint = Schemas['WebhookEndpoint'];
export type WebhookEndpointWithSecret = Schemas['WebhookEndpointWithSecret'];
export type NewWebhookEndpoint = Schemas['NewWebhookEndpoint'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type WebhookAttempt = Schemas['WebhookAttempt'];
export type TestClock = Schemas['TestClock'];
export type NewTestClock = Schemas['NewTestClock'];

/** Problems the app itself reports when the edge gave no usable answer (see `call` in client.ts). */
export const EDGE_PROBLEMS = {
  unavailable: '/problems/edge-unavailable',
  timeout: '/problems/edge-timeout',
  badResponse: '/problems/edge-bad-response',
} as const;
