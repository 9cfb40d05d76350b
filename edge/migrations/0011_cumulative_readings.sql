-- A group's CUMULATIVE readings by month and series (edge/src/storage/d1/usage.ts,
-- usageEventsForStatement): a statement finds each series' last reading before its month here, not
-- by reading every event of the group's history. Partial: DELTA and GAUGE events, the bulk of
-- ingestion, neither pay for it nor are in it.
CREATE INDEX usage_events_cumulative
  ON usage_events (tenant_id, billing_group_id, month, project_id, counter_name, resource_id)
  WHERE counter_type = 'CUMULATIVE';
