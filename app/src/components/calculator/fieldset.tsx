import { cloneElement, type ReactElement, type ReactNode } from 'react';
import { FieldErrorMessage, useFieldError } from './field-errors';

/** A titled group of the calculator's form. */
export function Section({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="card flex min-w-0 flex-col gap-3">
      <legend className="px-1 text-base font-semibold">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** One removable row inside a section: a nested group named "Usage row 2", "Adjustment 1", … */
export function Row({
  legend,
  removeLabel,
  onRemove,
  children,
}: {
  legend: string;
  removeLabel: string;
  onRemove: () => void;
  children: ReactNode;
}) {
  return (
    <fieldset className="flex min-w-0 flex-wrap items-end gap-2 rounded border border-slate-200 p-2">
      <legend className="px-1 text-sm text-slate-600">{legend}</legend>
      {children}
      <button type="button" className="btn-secondary" aria-label={removeLabel} onClick={onRemove}>
        ✕
      </button>
    </fieldset>
  );
}

/**
 * A labelled control, with an optional note in small print below it (a counter's id). When the edge
 * refused its value, the message shows right below it and the control is marked `aria-invalid` and
 * described by the message.
 */
export function Field({
  label,
  id,
  note,
  wide = false,
  children,
}: {
  label: string;
  id: string;
  note?: string;
  /** A control whose choices are long names (a counter): a whole row on a phone, so none is cut. */
  wide?: boolean;
  children: ReactElement<Record<string, unknown>>;
}) {
  const { message, messageId, controlProps } = useFieldError(id);
  return (
    <div className={`field min-w-0 flex-1 ${wide ? 'basis-full sm:basis-64' : 'basis-28'}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, controlProps)}
      {note ? <span className="id-text text-slate-500">{note}</span> : null}
      <FieldErrorMessage id={messageId} message={message} />
    </div>
  );
}
