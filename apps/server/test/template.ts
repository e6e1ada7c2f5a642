import path from 'node:path';

export const TEMPLATE_DB_NAME = 'khien_test_template';
export const TEMPLATE_FILE = path.resolve(import.meta.dirname, '../../../.tmp/test-template.tar');
