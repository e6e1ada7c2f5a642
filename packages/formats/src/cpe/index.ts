export {
  CPE_ANY,
  CPE_ATTRIBUTES,
  CPE_NA,
  cpeValueToText,
  formatCpe,
  parseCpe,
  textToCpeValue,
  type Cpe,
  type CpeAttribute,
  type CpePart,
  type CpeResult,
} from './cpe.js';
export { cpeFromPackage, type PackageForCpe } from './from-package.js';
export { purlEncode, purlFor, type PurlInput } from './purl.js';
