-- Statement numbers (DOMAIN §6): gapless per tenant, kind and year, `ST-2026-000123`. The sequence
-- moves in the same batch as the close that takes its next number, so a close that fails (a race it
-- lost, the close fence) rolls its number back with it: none is skipped, none is given twice.
-- `kind` also numbers credit notes (`CN`) when they come.
CREATE TABLE document_sequences (
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  kind TEXT NOT NULL CHECK (kind IN ('ST', 'CN')),
  year TEXT NOT NULL,
  last INTEGER NOT NULL CHECK (last > 0),
  PRIMARY KEY (tenant_id, kind, year)
);

ALTER TABLE statements ADD COLUMN number TEXT;

-- Statements closed before numbers existed get theirs in the order they closed.
WITH numbered AS (
  SELECT id, substr(month, 1, 4) AS year,
    ROW_NUMBER() OVER (PARTITION BY tenant_id, substr(month, 1, 4) ORDER BY closed_at, id) AS n
  FROM statements
)
UPDATE statements SET number = (
  SELECT 'ST-' || numbered.year || '-' || printf('%06d', numbered.n) FROM numbered WHERE numbered.id = statements.id
);
INSERT INTO document_sequences (tenant_id, kind, year, last)
SELECT tenant_id, 'ST', substr(month, 1, 4), COUNT(*) FROM statements GROUP BY tenant_id, substr(month, 1, 4);

CREATE UNIQUE INDEX statements_number ON statements (tenant_id, number);
