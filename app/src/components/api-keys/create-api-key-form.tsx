'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { createApiKey } from '@/actions/api-keys';
import type { EdgeResult } from '@/api/client';
import type { CreatedApiKey } from '@/api/types';
import { ErrorState } from '@/components/feedback/error-state';
import { useI18n } from '@/i18n/provider';

type CreateState = EdgeResult<CreatedApiKey> | null;

async function submit(_previous: CreateState, form: FormData): Promise<CreateState> {
  return createApiKey({
    name: String(form.get('name') ?? ''),
    rateLimitPerMinute: String(form.get('rateLimitPerMinute') ?? ''),
  });
}

/**
 * Creates a key and shows it in full this once, with a copy button and a warning; the key lives only
 * in this component's state, so leaving or reloading the page forgets it.
 */
export function CreateApiKeyForm() {
  const { locale, t } = useI18n();
  const [state, action, pending] = useActionState(submit, null);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const created = state?.ok ? state.data : null;
  const shown = useRef<HTMLElement>(null);
  useEffect(() => {
    setCopied(null);
    if (created) shown.current?.focus();
  }, [created]);

  const copy = async (key: string) => {
    try {
      await navigator.clipboard.writeText(key);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <div className="flex flex-col gap-4">
      <form action={action} aria-labelledby="create-key-heading" className="flex flex-col gap-3">
        <h2 id="create-key-heading" className="text-lg font-semibold">
          {t.apiKeys.createHeading}
        </h2>
        <div className="flex flex-wrap items-end gap-3">
          <div className="field min-w-60 flex-1">
            <label htmlFor="api-key-name">{t.apiKeys.name}</label>
            <input
              id="api-key-name"
              name="name"
              required
              maxLength={100}
              aria-describedby="api-key-name-hint"
            />
            <p id="api-key-name-hint" className="text-xs text-slate-600">
              {t.apiKeys.nameHint}
            </p>
          </div>
          <div className="field w-56">
            <label htmlFor="api-key-rate">{t.apiKeys.rateLimitOptional}</label>
            <input id="api-key-rate" name="rateLimitPerMinute" type="number" min={1} max={100000} step={1} />
          </div>
        </div>
        {state && !state.ok ? <ErrorState locale={locale} problem={state.problem} /> : null}
        <button type="submit" className="btn self-start" disabled={pending}>
          {pending ? t.apiKeys.creating : t.apiKeys.create}
        </button>
      </form>
      {created ? (
        <section
          ref={shown}
          tabIndex={-1}
          aria-labelledby="created-key-title"
          className="flex flex-col gap-2 rounded-lg border border-amber-400 bg-amber-50 p-4 text-sm text-amber-950"
        >
          <h3 id="created-key-title" className="font-semibold">
            {t.apiKeys.createdTitle(created.name)}
          </h3>
          <p id="created-key-warning">{t.apiKeys.createdWarning}</p>
          <label htmlFor="created-key" className="font-medium">
            {t.apiKeys.keyLabel}
          </label>
          <input
            id="created-key"
            readOnly
            value={created.key}
            aria-describedby="created-key-warning"
            className="w-full rounded border border-amber-400 bg-white px-2 py-1 font-mono text-slate-900"
            onFocus={(event) => event.currentTarget.select()}
          />
          <div className="flex flex-wrap items-center gap-3">
            <button type="button" className="btn-secondary" onClick={() => copy(created.key)}>
              {t.apiKeys.copy}
            </button>
            <p role="status" aria-live="polite">
              {copied === 'copied' ? t.apiKeys.copied : copied === 'failed' ? t.apiKeys.copyFailed : ''}
            </p>
          </div>
        </section>
      ) : null}
    </div>
  );
}
