'use client';

import { addCreditNote } from '@/actions/statements';
import { useFormAction } from '@/components/feedback/use-form-action';
import { ControlError, invalidProps } from '@/components/forms/control-error';
import { RefusalSummary } from '@/components/forms/refusal-summary';
import { useFocusFirstInvalid } from '@/components/forms/use-focus-first-invalid';
import { useI18n } from '@/i18n/provider';
import { placeFieldErrors } from '@/mappers/form-errors';

/** The controls that show their own refusal, by the API field they send (`credit-note-<field>`). */
const CONTROLS = new Set(['credit-note-net', 'credit-note-reason']);

/**
 * Credits the statement: a net amount before VAT (the statement's VAT is added to it) and why. A
 * refused value (more than is left to credit, say) is said beside its field in the page's words.
 */
export function CreditNoteForm({ statementId }: { statementId: string }) {
  const { t } = useI18n();
  const { state, pending, onSubmit, formRef } = useFormAction(addCreditNote.bind(null, statementId));
  const { placed, unplaced } = placeFieldErrors(state.problem, 'credit-note', CONTROLS, t);
  useFocusFirstInvalid(formRef, state.problem);
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      aria-labelledby="credit-note-form-heading"
      className="flex flex-col gap-2 border-t border-slate-200 pt-3"
    >
      <h3 id="credit-note-form-heading" className="font-semibold">
        {t.creditNotes.addHeading}
      </h3>
      <div className="flex flex-wrap gap-2">
        <div className="field min-w-0 flex-1 basis-32">
          <label htmlFor="credit-note-net">{t.creditNotes.net}</label>
          <input
            id="credit-note-net"
            name="net"
            inputMode="decimal"
            required
            autoComplete="off"
            {...(placed.has('credit-note-net')
              ? invalidProps('credit-note-net', placed)
              : { 'aria-describedby': 'credit-note-net-hint' })}
          />
          <p id="credit-note-net-hint" className="text-xs text-slate-600">
            {t.creditNotes.netHint}
          </p>
          <ControlError id="credit-note-net" message={placed.get('credit-note-net')} />
        </div>
        <div className="field min-w-0 flex-[2] basis-48">
          <label htmlFor="credit-note-reason">{t.creditNotes.reason}</label>
          <input
            id="credit-note-reason"
            name="reason"
            required
            maxLength={500}
            autoComplete="off"
            {...invalidProps('credit-note-reason', placed)}
          />
          <ControlError id="credit-note-reason" message={placed.get('credit-note-reason')} />
        </div>
      </div>
      <RefusalSummary problem={state.problem} placedCount={placed.size} unplaced={unplaced} />
      <p role="status" className="text-sm text-green-800">
        {state.saved > 0 && !state.problem ? t.creditNotes.added : ''}
      </p>
      <button type="submit" className="btn self-start" disabled={pending}>
        {pending ? t.creditNotes.adding : t.creditNotes.add}
      </button>
    </form>
  );
}
