import type { ReconcileDifference } from '@/api/types';
import type { Messages } from '@/i18n/messages';

export interface ReconcileRow {
  field: string;
  /** The edge's path (`inputs.usage[0].quantity`), kept for the small print. */
  path: string;
  closed: string;
  recomputed: string;
}

/** `[0].quantity` → line 1 and "quantity"; the rest of a path reads as words ("unit price"). */
function lineAndPart(rest: string): { line: number; part: string } {
  const match = /^\[(\d+)\]\.?(.*)$/.exec(rest);
  if (!match) return { line: 1, part: words(rest) };
  return { line: Number(match[1]) + 1, part: words(match[2] ?? '') };
}

function words(path: string): string {
  return path
    .replace(/^\./, '')
    .replace(/\[(\d+)\]/g, (_, index: string) => ` ${Number(index) + 1}`)
    .replace(/\./g, ' › ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
}

/** Names a reconcile difference's path in the page's words (edge/STATEMENTS.md, engine/src/reconcile.ts). */
export function reconcileFieldLabel(path: string, t: Messages): string {
  const labels = t.operator.fields;
  if (path === 'inputs.previousStatement.outstanding') return labels.previousOutstanding;
  const [, area, rest = ''] =
    /^(inputs\.usage|inputs\.adjustments|inputs\.contract|result|ledger)(.*)$/.exec(path) ?? [];
  switch (area) {
    case 'inputs.usage': {
      const { line, part } = lineAndPart(rest);
      return labels.usage(line, part);
    }
    case 'inputs.adjustments': {
      const { line, part } = lineAndPart(rest);
      return labels.adjustments(line, part);
    }
    case 'ledger': {
      const { line, part } = lineAndPart(rest);
      return labels.ledger(line, part);
    }
    case 'inputs.contract':
      return labels.contract(words(rest));
    case 'result':
      return labels.result(words(rest));
    default:
      return words(path);
  }
}

function shown(value: unknown, t: Messages): string {
  if (value === undefined || value === null) return t.operator.absent;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function toReconcileRows(differences: ReconcileDifference[], t: Messages): ReconcileRow[] {
  return differences.map((difference) => ({
    field: reconcileFieldLabel(difference.field, t),
    path: difference.field,
    closed: shown(difference.closed, t),
    recomputed: shown(difference.recomputed, t),
  }));
}
