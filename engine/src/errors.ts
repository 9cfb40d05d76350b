/**
 * The two ways the engine refuses work. Callers map them without parsing text: a ValidationError
 * is bad input (HTTP 422), a ConflictError is a valid request the current state forbids (HTTP 409).
 */

/** One broken rule: which field, which rule, and a sentence a person can act on. */
export interface ValidationIssue {
  /** A path into the input, e.g. `usage[2].volume`. */
  field: string;
  /** A stable rule name, e.g. `decimal`, `non-negative`, `max-100`. */
  rule: string;
  message: string;
}

export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    super(issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '));
    this.issues = issues;
  }
}

export const CONFLICT_CODES = [
  'period-closed',
  'month-order',
  'statement-closed',
  'statement-void',
  'statement-draft',
  'invalid-transition',
  'payment-exceeds-outstanding',
  'carried-forward',
  'not-payable',
  'credit-already-consumed',
  'credit-already-released',
  'release-mismatch',
  'insufficient-credit',
  // A write committed between a close's snapshot and its commit (the edge's close fence): read again.
  'close-inputs-changed',
  // Credit notes (DOMAIN §6): a voided or carried-forward statement takes none; their sum stays
  // within its total; one computed from a stale read of the group is refused and computed again.
  'not-creditable',
  'credit-notes-exceed-total',
  'credit-note-inputs-changed',
] as const;
export type ConflictCode = (typeof CONFLICT_CODES)[number];

export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  readonly code: ConflictCode;
  readonly details: Readonly<Record<string, string>>;

  constructor(code: ConflictCode, message: string, details: Record<string, string> = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

/**
 * Gathers issues while a whole input is checked, so one answer lists every problem rather than
 * the first one only.
 */
export class IssueCollector {
  readonly issues: ValidationIssue[] = [];

  add(field: string, rule: string, message: string): void {
    this.issues.push({ field, rule, message });
  }

  get ok(): boolean {
    return this.issues.length === 0;
  }

  throwIfAny(): void {
    if (this.issues.length > 0) throw new ValidationError(this.issues);
  }
}
