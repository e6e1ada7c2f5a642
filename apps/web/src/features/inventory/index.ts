export { InventoryPage } from './inventory-page';
export { SystemsPage } from './systems-page';
export { SystemNewPage } from './system-new-page';
export { SystemPage } from './system-page';
export { AssetsPage } from './assets-page';
export { AssetPage } from './asset-page';
export { IpSpacePage } from './ip-space-page';
export { InventoryImportPage } from './import-page';
