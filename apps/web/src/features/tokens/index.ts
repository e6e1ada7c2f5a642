export { TokensPage } from './tokens-page';
