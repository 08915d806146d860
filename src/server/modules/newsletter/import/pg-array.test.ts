import { describe, expect, it } from 'vitest';
import { openPglite } from '../../../platform/db/database.js';
import { textArrayLiteral } from './pg-array.js';

describe('text array literals', () => {
  it('reads back in PostgreSQL exactly as written: quotes, backslashes, braces, commas, NULL, empty, Arabic', async () => {
    const values = ['a', 'say "hi"', 'C:\\dir\\', '{x,y}', 'NULL', null, '', ' spaced ', 'نادية بن علي', '{"fr","ar"}', 'line\nbreak'];
    const database = await openPglite();
    try {
      const { rows } = await database.executeSql('select $1::text[] as items, ($1::text[])[10]::text[] as nested', [
        textArrayLiteral(values),
      ]);
      expect(rows[0]?.items).toEqual(values);
      expect(rows[0]?.nested).toEqual(['fr', 'ar']);
    } finally {
      await database.close();
    }
  });
});
