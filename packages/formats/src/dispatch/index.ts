export {
  looksLikeDispatch,
  parseDispatch,
  type DispatchContact,
  type DispatchReference,
  type DispatchSection,
  type ParsedDispatch,
  type Signer,
} from './parse-dispatch.js';
export { MAX_DISPATCH_CHARS } from './normalise.js';
