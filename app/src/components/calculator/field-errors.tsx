'use client';

import { createContext, useContext } from 'react';

/** The calculator's refused values by form control id, so each field shows its own beside it. */
const FieldErrorsContext = createContext<ReadonlyMap<string, string>>(new Map());

export const FieldErrorsProvider = FieldErrorsContext.Provider;

/** The message for a control, and the attributes that tie the control to it. */
export function useFieldError(id: string) {
  const message = useContext(FieldErrorsContext).get(id) ?? null;
  const messageId = `${id}-error`;
  return {
    message,
    messageId,
    controlProps: message ? { 'aria-invalid': true, 'aria-describedby': messageId } : {},
  };
}

export function FieldErrorMessage({ id, message }: { id: string; message: string | null }) {
  if (!message) return null;
  return (
    <p id={id} className="text-sm font-medium text-red-800">
      {message}
    </p>
  );
}
