CREATE INDEX "asset_identities_key_idx" ON "asset_identities" USING btree ("key");--> statement-breakpoint
CREATE INDEX "assets_hostname_idx" ON "assets" USING btree (lower("hostname"));