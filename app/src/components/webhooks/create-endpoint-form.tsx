'use client';

import { type FormEvent, useRef, useState, useTransition } from 'react';
import { createWebhookEndpoint } from '@/actions/webhooks';
import type { EdgeResult } from '@/api/client';
import type { NewWebhookEndpoint, WebhookEndpointWithSecret } from '@/api/types';
import { ControlError, invalidProps } from '@/components/forms/control-error';
import { RefusalSummary } from '@/components/forms/refusal-summary';
import { useFocusFirstInvalid } from '@/components/forms/use-focus-first-invalid';
import { useI18n } from '@/i18n/provider';
import { EVENT_TYPES } from '@/lib/event-types';
import { placeFieldErrors } from '@/mappers/form-errors';
import { ShownSecret } from './shown-secret';

/** The controls that show their own refusal, by the API field they send (`webhook-<field>`). */
const CONTROLS = new Set(['webhook-url', 'webhook-eventTypes', 'webhook-description']);

/**
 * Adds an endpoint: its URL, the event types it receives (each, or all events), a description. A
 * refused value is said beside its field in the page's words; the new endpoint's signing secret is
 * shown once, with a copy button and a warning, held only in this component's state.
 */
export function CreateEndpointForm() {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const [outcome, setOutcome] = useState<EdgeResult<WebhookEndpointWithSecret> | null>(null);
  const [pending, startTransition] = useTransition();
  const [allEvents, setAllEvents] = useState(false);
  const problem = outcome && !outcome.ok ? outcome.problem : null;
  const created = outcome?.ok ? outcome.data : null;
  const { placed, unplaced } = placeFieldErrors(problem, 'webhook', CONTROLS, t);
  useFocusFirstInvalid(formRef, problem);
  const shown = useRef<HTMLElement>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosen = form.getAll('eventTypes').map(String) as NewWebhookEndpoint['eventTypes'];
    startTransition(async () => {
      const result = await createWebhookEndpoint({
        url: String(form.get('url') ?? ''),
        eventTypes: allEvents ? ['*'] : chosen,
        description: String(form.get('description') ?? ''),
      });
      setOutcome(result);
      if (result.ok) {
        formRef.current?.reset();
        setAllEvents(false);
      }
    });
  };

  const eventsError = placed.get('webhook-eventTypes');
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <form
        ref={formRef}
        onSubmit={onSubmit}
        aria-labelledby="create-webhook-heading"
        className="flex min-w-0 flex-col gap-3"
        noValidate
      >
        <h2 id="create-webhook-heading" className="text-lg font-semibold">
          {t.webhooks.createHeading}
        </h2>
        <div className="field min-w-0">
          <label htmlFor="webhook-url">{t.webhooks.url}</label>
          <input
            id="webhook-url"
            name="url"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            maxLength={2048}
            placeholder="https://example.com/billing/webhooks"
            {...(placed.has('webhook-url')
              ? invalidProps('webhook-url', placed)
              : { 'aria-describedby': 'webhook-url-hint' })}
          />
          <p id="webhook-url-hint" className="text-xs text-slate-600">
            {t.webhooks.urlHint}
          </p>
          <ControlError id="webhook-url" message={placed.get('webhook-url')} />
        </div>
        <fieldset
          className="flex min-w-0 flex-col gap-2 rounded border border-slate-200 p-3"
          {...(eventsError ? { 'aria-describedby': 'webhook-eventTypes-error' } : {})}
        >
          <legend className="px-1 text-sm font-medium">{t.webhooks.eventsLegend}</legend>
          <label className="flex items-start gap-2 text-sm font-medium">
            <input
              id="webhook-eventTypes"
              type="checkbox"
              name="eventTypes"
              value="*"
              checked={allEvents}
              onChange={(event) => setAllEvents(event.target.checked)}
              className="mt-1"
              {...invalidProps('webhook-eventTypes', placed)}
            />
            <span>
              {t.webhooks.allEvents}
              <span className="block text-xs font-normal text-slate-600">{t.webhooks.allEventsHint}</span>
            </span>
          </label>
          <ul className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
            {EVENT_TYPES.map((type) => (
              <li key={type}>
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="eventTypes"
                    value={type}
                    disabled={allEvents}
                    className="mt-1"
                  />
                  <span>
                    {t.webhooks.eventTypes[type]} <code className="text-xs text-slate-600">{type}</code>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <ControlError id="webhook-eventTypes" message={eventsError} />
        </fieldset>
        <div className="field min-w-0">
          <label htmlFor="webhook-description">{t.webhooks.description}</label>
          <input
            id="webhook-description"
            name="description"
            maxLength={500}
            autoComplete="off"
            {...invalidProps('webhook-description', placed)}
          />
          <ControlError id="webhook-description" message={placed.get('webhook-description')} />
        </div>
        <RefusalSummary
          problem={problem}
          placedCount={placed.size}
          unplaced={unplaced}
          title={t.webhooks.notCreated}
        />
        <button type="submit" className="btn self-start" disabled={pending}>
          {pending ? t.webhooks.creating : t.webhooks.create}
        </button>
      </form>
      {created ? (
        <ShownSecret
          key={created.id}
          secret={created.secret}
          title={t.webhooks.createdTitle}
          idPrefix="created-webhook"
          focusRef={shown}
        />
      ) : null}
    </div>
  );
}
