'use client';

import { useActionState } from 'react';
import { type SignInState, signIn } from '@/actions/session';
import { useI18n } from '@/i18n/provider';

const INITIAL: SignInState = { error: null };

export function SignInForm() {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(signIn, INITIAL);
  const error = state.error ? t.signIn[state.error] : null;
  return (
    <form action={action} className="card flex flex-col gap-3">
      <div className="field">
        <label htmlFor="api-key">{t.signIn.apiKey}</label>
        <input
          id="api-key"
          name="apiKey"
          type="password"
          required
          autoComplete="current-password"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'sign-in-error' : undefined}
        />
      </div>
      {error ? (
        <p id="sign-in-error" role="alert" className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <button type="submit" className="btn self-start" disabled={pending}>
        {pending ? t.signIn.submitting : t.signIn.submit}
      </button>
    </form>
  );
}
