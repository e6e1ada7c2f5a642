DROP INDEX "asset_software_product_idx";--> statement-breakpoint
CREATE INDEX "assets_name_idx" ON "assets" USING btree (lower("name"),"id");--> statement-breakpoint
ALTER TABLE "asset_software" DROP COLUMN "id";