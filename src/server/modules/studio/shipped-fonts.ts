/** Where the shipped fonts live on disk (assets/fonts, SIL OFL; the list is src/shared/studio/fonts.ts). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FONTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../assets/fonts');
