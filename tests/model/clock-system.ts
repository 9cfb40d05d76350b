import type { APIResponse } from '@playwright/test';
import { BillingSystem } from './billing-system';

export interface ClockBody {
  id: string;
  frozenTime: string;
  status: 'READY' | 'ADVANCING';
  advancingTo: string | null;
  progress: { runsTotal: number; runsDone: number };
}

export interface ListedStatement {
  statementId: string;
  month: string;
  state: string;
  total: string;
  paid: string;
  closedAt: string | null;
  dueAt: string | null;
  voidedAt: string | null;
}

export interface LedgerEntryBody {
  grantId: string;
  kind: string;
  amount: string;
  at: string;
}

/** The real system of a clock sequence: the billing routes, plus the test clock's. */
export class ClockSystem extends BillingSystem {
  createClock(frozenTime: string): Promise<ClockBody> {
    return this.api.create('/v1/test-clocks', { name: 'model clock', frozenTime });
  }

  createGroup(
    body: Record<string, unknown>,
  ): Promise<{ id: string; testClockId: string; testClockTime: string }> {
    return this.api.create('/v1/billing-groups', body);
  }

  billingGroup(billingGroupId: string): Promise<{ id: string; testClockTime: string | null }> {
    return this.api.read(`/v1/billing-groups/${billingGroupId}`);
  }

  advance(clockId: string, to: string): Promise<APIResponse> {
    return this.api.post(`/v1/test-clocks/${clockId}/advance`, { to });
  }

  clock(clockId: string): Promise<ClockBody> {
    return this.api.read(`/v1/test-clocks/${clockId}`);
  }

  listed(billingGroupId: string): Promise<{ items: ListedStatement[] }> {
    return this.api.read(`/v1/billing-groups/${billingGroupId}/statements?limit=100`);
  }

  /** The tenant's events of a type (a sequence's tenant has few: one page holds them). */
  events(type: string): Promise<{ items: { createdAt: string; data: { object: { id: string } } }[] }> {
    return this.api.read(`/v1/events?type=${type}&limit=100`);
  }

  async fullLedger(billingGroupId: string): Promise<LedgerEntryBody[]> {
    return (await this.ledger(billingGroupId)) as LedgerEntryBody[];
  }
}
