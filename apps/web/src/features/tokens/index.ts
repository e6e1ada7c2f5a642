// Pages load on demand, each in its own chunk (app/router.tsx).
export const loadTokensPage = () => import('./tokens-page').then((m) => m.TokensPage);
