import { DurableObject } from 'cloudflare:workers';
import { readConfig } from '../deps';
import { deliverDueWebhooks } from '../services/webhook-delivery';
import { workersContext } from './host';
import type { WorkerEnv } from './worker-env';

/** The longest an object sleeps with deliveries pending; a failed run tries again after this. */
const MAX_SLEEP_MS = 60_000;

/**
 * Sends one tenant's webhooks (DOMAIN §8b), one object per tenant: a wake (after its events were
 * written, or from the scheduled sweep) sets an alarm for now; each alarm sends what is due and sets
 * the next alarm for the next retry. Alarms are durable, so a retry due in six hours happens after
 * any number of restarts; the deliveries themselves are D1 rows, so nothing is lost if an object's
 * storage is. Why not a Queue: a message's delay stops at 12 hours, and retries here go on for 24.
 */
export class WebhookDispatcher extends DurableObject<WorkerEnv> {
  async wake(tenantId: string): Promise<void> {
    await this.ctx.storage.put('tenantId', tenantId);
    const alarm = await this.ctx.storage.getAlarm();
    if (alarm === null || alarm > Date.now()) await this.ctx.storage.setAlarm(Date.now());
  }

  override async alarm(): Promise<void> {
    const tenantId = await this.ctx.storage.get<string>('tenantId');
    if (!tenantId) return;
    let nextDueAt: number | null;
    try {
      const context = workersContext(this.env);
      const report = await deliverDueWebhooks(
        { ...context, settings: readConfig(this.env).webhooks },
        tenantId,
      );
      nextDueAt = report.nextDueAt === null ? null : Date.parse(report.nextDueAt);
    } catch (error) {
      console.error(
        JSON.stringify({
          level: 'error',
          message: 'webhook dispatch failed',
          tenantId,
          error: String(error),
        }),
      );
      nextDueAt = Date.now() + MAX_SLEEP_MS;
    }
    if (nextDueAt === null) return;
    const next = Math.min(nextDueAt, Date.now() + MAX_SLEEP_MS);
    // A wake() during this run has set an earlier alarm already: keep it.
    const woken = await this.ctx.storage.getAlarm();
    if (woken === null || woken > next) await this.ctx.storage.setAlarm(next);
  }
}

/** Wakes the tenant's dispatcher object (named by the tenant, so one per tenant). */
export async function wakeWebhookDispatcher(env: WorkerEnv, tenantId: string): Promise<void> {
  const dispatcher = env.WEBHOOK_DISPATCHER.get(env.WEBHOOK_DISPATCHER.idFromName(tenantId));
  await dispatcher.wake(tenantId);
}
