-- A counter that moves with every statement that writes the orgs table, in the writer's own
-- transaction: readers see the new value exactly when they see the new rows. The org-subtree
-- page cache keys on it on PostgreSQL, where several processes write (decision 011).
-- BEFORE STATEMENT, so the counter row is locked before any org row of the statement.
CREATE TABLE org_tree_version (
  id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  version bigint NOT NULL DEFAULT 0
);
--> statement-breakpoint
INSERT INTO org_tree_version (id, version) VALUES (1, 0);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_org_tree_version() RETURNS trigger AS $$
BEGIN
  UPDATE org_tree_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER orgs_bump_tree_version BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON orgs
  FOR EACH STATEMENT EXECUTE FUNCTION bump_org_tree_version();
