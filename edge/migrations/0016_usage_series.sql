-- One counter type and one unit per usage series (DOMAIN §2): a series is a billing group's
-- (project, counter, resource), and a month that mixed hours and gigabytes in one series could not
-- be aggregated, so its statement could never close. Ingestion refuses such an event from a snapshot
-- (edge/src/services/usage-ingestion.ts); this table and its triggers are the guard no race can get
-- past: two batches judged against snapshots taken before either stored anything would otherwise both
-- start the series, each in its own unit.
--
-- `resource_key` is json_array(resource_id): one text for "no resource" and for every resource id,
-- none equal to another, so the series' unique key needs no NULL handling.
CREATE TABLE usage_series (
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  billing_group_id TEXT NOT NULL REFERENCES billing_groups (id),
  project_id TEXT NOT NULL,
  counter_name TEXT NOT NULL,
  resource_key TEXT NOT NULL,
  counter_type TEXT NOT NULL,
  unit TEXT NOT NULL,
  PRIMARY KEY (billing_group_id, project_id, counter_name, resource_key)
);

-- Series stored so far take the counter type and unit of their first event.
INSERT OR IGNORE INTO usage_series
SELECT tenant_id, billing_group_id, project_id, counter_name, json_array(resource_id), counter_type, unit
FROM usage_events
ORDER BY seq;

-- An event that disagrees with its series is skipped, as a duplicate id is (`INSERT … RETURNING`
-- leaves it out, and the ingestion judges it again from what is stored).
CREATE TRIGGER usage_events_series_consistent
BEFORE INSERT ON usage_events
WHEN EXISTS (
  SELECT 1 FROM usage_series
  WHERE billing_group_id = NEW.billing_group_id AND project_id = NEW.project_id
    AND counter_name = NEW.counter_name AND resource_key = json_array(NEW.resource_id)
    AND (counter_type != NEW.counter_type OR unit != NEW.unit)
)
BEGIN
  SELECT RAISE(IGNORE);
END;

-- The first event of a series starts it.
CREATE TRIGGER usage_events_series_start
AFTER INSERT ON usage_events
BEGIN
  INSERT OR IGNORE INTO usage_series
  VALUES (NEW.tenant_id, NEW.billing_group_id, NEW.project_id, NEW.counter_name,
          json_array(NEW.resource_id), NEW.counter_type, NEW.unit);
END;
