// Pages load on demand, each in its own chunk (app/router.tsx).
export const loadInventoryPage = () => import('./inventory-page').then((m) => m.InventoryPage);
export const loadSystemsPage = () => import('./systems-page').then((m) => m.SystemsPage);
export const loadSystemNewPage = () => import('./system-new-page').then((m) => m.SystemNewPage);
export const loadSystemPage = () => import('./system-page').then((m) => m.SystemPage);
export const loadAssetsPage = () => import('./assets-page').then((m) => m.AssetsPage);
export const loadAssetPage = () => import('./asset-page').then((m) => m.AssetPage);
export const loadIpSpacePage = () => import('./ip-space-page').then((m) => m.IpSpacePage);
export const loadInventoryImportPage = () => import('./import-page').then((m) => m.InventoryImportPage);
