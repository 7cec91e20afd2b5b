/** queryRegionNames on the real DuckDB-WASM (Node build) over a five-row regions table. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Connector } from '../../src/data/engine/connector';
import { createNodeConnector } from '../../src/data/engine/node';
import { queryRegionNames } from '../../src/data/queries/regions';

let db: Connector;

beforeAll(async () => {
  db = createNodeConnector();
  await db.query(`CREATE TABLE regions (code VARCHAR, name VARCHAR, name_en VARCHAR, level INTEGER, parent_code VARCHAR)`);
  await db.query(`INSERT INTO regions VALUES
    ('640000000000', '宁夏回族自治区', 'Ningxia', 1, NULL),
    ('640422000000', '西吉县', 'Xiji County', 3, '640400000000'),
    ('640422100000', '吉强镇', 'Jiqiang Town', 4, '640422000000'),
    ('640422100200', '某村', NULL, 5, '640422100000'),
    ('640522000000', '海原县', 'Haiyuan County', 3, '640500000000')`);
});
afterAll(async () => db.close());

test('names the county and everything inside it, not its neighbours or parents', async () => {
  expect(await queryRegionNames(db, { code: '640422000000', level: 3 })).toEqual([
    { code: '640422000000', level: 3, name: '西吉县', name_en: 'Xiji County' },
    { code: '640422100000', level: 4, name: '吉强镇', name_en: 'Jiqiang Town' },
    { code: '640422100200', level: 5, name: '某村', name_en: '' },
  ]);
});

test('refuses a code that is not 12 digits', async () => {
  await expect(queryRegionNames(db, { code: "6404' OR 1=1", level: 3 })).rejects.toThrow(/12-digit/);
});
