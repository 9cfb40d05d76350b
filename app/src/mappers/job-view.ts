import type { EdgeResult } from '@/api/client';
import type { BillingGroup } from '@/api/types';
import type { Messages } from '@/i18n/messages';

export interface JobFailure {
  billingGroupId: string;
  /** The group's name, or its id when it could not be read. */
  groupName: string;
  /** In words: the reason for the problem code the edge recorded, else its own sentence. */
  reason: string;
}

/** A job's `errors` (`<problem-code>: <sentence>`) as the page names them. */
export function jobFailures(
  errors: { billingGroupId: string; message: string }[],
  groups: EdgeResult<BillingGroup>[],
  t: Messages,
): JobFailure[] {
  return errors.map((error, index) => {
    const group = groups[index];
    const separator = error.message.indexOf(': ');
    const code = separator > 0 ? error.message.slice(0, separator) : '';
    const sentence = separator > 0 ? error.message.slice(separator + 2) : error.message;
    return {
      billingGroupId: error.billingGroupId,
      groupName: group?.ok ? group.data.name : error.billingGroupId,
      reason: t.monthEnd.reasons[code] ?? sentence,
    };
  });
}
