import { type FormEvent, useRef, useState, useTransition } from 'react';
import type { FormState } from '@/actions/billing-groups';

/**
 * Submits a form to a server action without React's automatic reset, so a refused form keeps what
 * the user typed; a successful one is cleared.
 */
export function useFormAction(action: (previous: FormState, form: FormData) => Promise<FormState>) {
  const [state, setState] = useState<FormState>({ problem: null, saved: 0 });
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const next = await action(state, data);
      setState(next);
      if (!next.problem) formRef.current?.reset();
    });
  };
  return { state, pending, onSubmit, formRef };
}
