import { createDataSource, openDatabase, uncoveredCitizenTables } from '@jobcenter/kit';
import { createTestDatabase } from '@jobcenter/kit/testing';
import { subgraphs } from '@jobcenter/scripts/services';
import { RECORD_PEERS } from '@jobcenter/citizens/peers';

/**
 * The completeness guard of the record export (docs/record-export.md): in every subgraph's
 * database (all migrations applied), every table with a citizen column (`citizen_id`, or
 * insights' pseudonym `pid`) is read by a section of that subgraph's record declaration or
 * excluded with a written reason. A new table about citizens fails here until it is declared.
 */
describe.each(subgraphs.map((d) => [d.name, d] as const))('the record of %s', (name, definition) => {
  it('covers every table that names a citizen, or says why not', async () => {
    const database = await createTestDatabase(`record_${name}`);
    const dataSource = createDataSource({ url: database.url, entities: definition.entities, migrations: definition.migrations });
    try {
      await openDatabase(dataSource);
      expect(definition.record).toBeDefined();
      expect(await uncoveredCitizenTables(dataSource, definition.record)).toEqual([]);
      // Each exclusion says why, in words.
      for (const [table, reason] of Object.entries(definition.record?.excluded ?? {}))
        expect([table, reason.trim().length > 20]).toEqual([table, true]);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });
});

it('gathers from every other subgraph of the federation', () => {
  expect([...RECORD_PEERS].sort()).toEqual(
    subgraphs
      .map((d) => d.name)
      .filter((n) => n !== 'citizens')
      .sort(),
  );
});
