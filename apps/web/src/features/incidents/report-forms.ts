import { CLOSURE_FIELDS, FORM03_FIELDS, FULL_REPORT_FIELDS, PERSONAL_DATA_FIELDS } from '@khien/contracts';
import type { FormLists } from './report-model';

/**
 * The field lists of the statutory forms, as the contracts package defines them (the server fills
 * and checks the same lists). The one runtime import from the contracts in this feature, reached only
 * by the report page's chunk.
 */
export const FORM_LISTS: FormLists = {
  form03: FORM03_FIELDS,
  full: FULL_REPORT_FIELDS,
  personalData: PERSONAL_DATA_FIELDS,
  closure: CLOSURE_FIELDS,
};
