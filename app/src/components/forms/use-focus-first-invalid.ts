'use client';

import { type RefObject, useEffect } from 'react';

/**
 * After a refused save, focus goes to the first control marked `aria-invalid`, so a keyboard or
 * screen-reader user lands on what to fix instead of staying on the save button.
 */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, refusal: unknown) {
  useEffect(() => {
    if (!refusal) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, refusal]);
}
