'use client';

import { type RefObject, useEffect, useRef, useState } from 'react';
import { useI18n } from '@/i18n/provider';

interface ShownSecretProps {
  /** The secret, held only in the state of the component that received it. */
  secret: string;
  title: string;
  /** Makes the ids unique where two could show (the create form, a rotation). */
  idPrefix: string;
  /** Takes the focus when shown, so a screen reader reads the warning at once. */
  focusRef?: RefObject<HTMLElement | null>;
}

/**
 * A webhook signing secret shown this once: its warning, the secret to select, and a copy button
 * whose outcome is announced. Nothing stores it: leaving or reloading the page forgets it.
 */
export function ShownSecret({ secret, title, idPrefix, focusRef }: ShownSecretProps) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const own = useRef<HTMLElement>(null);
  const region = focusRef ?? own;
  useEffect(() => {
    setCopied(null);
    region.current?.focus();
  }, [region]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section
      ref={region as RefObject<HTMLElement>}
      tabIndex={-1}
      aria-labelledby={`${idPrefix}-title`}
      className="flex min-w-0 flex-col gap-2 rounded-lg border border-amber-400 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <h3 id={`${idPrefix}-title`} className="font-semibold">
        {title}
      </h3>
      <p id={`${idPrefix}-warning`}>{t.webhooks.secretWarning}</p>
      <label htmlFor={`${idPrefix}-secret`} className="font-medium">
        {t.webhooks.secretLabel}
      </label>
      <input
        id={`${idPrefix}-secret`}
        readOnly
        value={secret}
        aria-describedby={`${idPrefix}-warning`}
        className="w-full min-w-0 rounded border border-amber-400 bg-white px-2 py-1 font-mono text-slate-900"
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className="btn-secondary" onClick={copy}>
          {t.webhooks.copy}
        </button>
        <p role="status" aria-live="polite">
          {copied === 'copied' ? t.webhooks.copied : copied === 'failed' ? t.webhooks.copyFailed : ''}
        </p>
      </div>
    </section>
  );
}
