CREATE INDEX "orgs_name_idx" ON "orgs" USING btree ("name");--> statement-breakpoint
-- The name of an org as a person tells it apart: three communes each have a "Văn phòng HĐND và UBND",
-- so a name borne by another org gets its parent's short name ("Văn phòng HĐND và UBND — P. Mường Lay").
-- Decided at read time, so a rename or a new namesake is reflected at once. Used by lists, pickers,
-- roll-ups and exports (modules read it as org_label(o) for an orgs row o).
CREATE OR REPLACE FUNCTION org_label(o orgs) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN EXISTS (SELECT 1 FROM orgs x WHERE x.name = o.name AND x.id <> o.id)
    THEN o.name || ' — ' || coalesce((SELECT coalesce(nullif(p.short_name, ''), p.name) FROM orgs p WHERE p.id = o.parent_id), '')
    ELSE o.name END
$$;
