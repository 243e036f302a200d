import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLE = path.join(ROOT, 'samples/medcom-macron-putin.txt');
/** The user's expected result. Read from ../shared when present, else the copy in tests/. */
export const SAMPLE_EXPECTED = path.join(ROOT, 'tests/golden/sample/medcom-macron-putin.expected.txt');
