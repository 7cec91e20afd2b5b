import { parseArgs } from 'node:util';
import loadHighs from 'highs';
import { loadSitingData } from '../../data/queries/siting';
import { DEFAULT_SITING_POPULATION, isSitingPopulation, parseWeights, SITING_POPULATIONS } from '../../siting/demand';
import { sitesCsv, sitesGeoJson, sitesTable } from '../../siting/format';
import { DEFAULT_TIME_LIMIT_S, suggestSites, type SitingMethod, type SitingQuestion, type SitingResult } from '../../siting/suggest';
import { openDatasetEngine } from './open-dataset';

const USAGE = `Usage: npm run site -- --data <dataset folder> --kind <facility kind> --radius <km> --k <n>
                       [--population ${SITING_POPULATIONS.join('|')}] [--year <Y>] [--scope <12-digit code>]
                       [--method greedy|exact] [--weight monitored=2[,relocated=1.5]] [--time-limit <s>]
                       [--format json|table|csv|geojson]

Suggests k new sites among the scope's village centres that cover the most households of the
population within the radius (great-circle), counting demand within the radius of an existing
facility of the kind as already covered (CONTRACT.md "Site selection"). greedy: the greedy
algorithm; exact: the integer programme solved to optimality by HiGHS, or stopped at the time limit
(default ${DEFAULT_TIME_LIMIT_S} s) with its upper bound. Defaults: population ${DEFAULT_SITING_POPULATION}, the latest full
year, the dataset's root, greedy, table.`;

/** Opens the dataset and answers one question with the app's code. */
export async function runSite(options: Omit<SitingQuestion, 'scope' | 'year'> & { data: string; scope?: string; year?: number }): Promise<SitingResult> {
  const { db, manifest } = await openDatasetEngine(options.data);
  try {
    const loaded = await loadSitingData(db, { scope: options.scope ?? manifest.root.code, year: options.year, kind: options.kind });
    const question: SitingQuestion = { ...options, scope: loaded.scope.code, year: loaded.year };
    const highs = options.method === 'exact' ? await loadHighs() : undefined;
    return suggestSites(question, loaded, highs);
  } finally {
    await db.close();
  }
}

function number(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) throw new Error(`--${name} must be a number, got ${JSON.stringify(text)}`);
  return v;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      kind: { type: 'string' },
      radius: { type: 'string' },
      k: { type: 'string' },
      population: { type: 'string', default: DEFAULT_SITING_POPULATION },
      year: { type: 'string' },
      scope: { type: 'string' },
      method: { type: 'string', default: 'greedy' },
      weight: { type: 'string' },
      'time-limit': { type: 'string' },
      format: { type: 'string', default: 'table' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  for (const required of ['data', 'kind', 'radius', 'k'] as const) if (values[required] === undefined) throw new Error(`--${required} is required\n${USAGE}`);
  if (!isSitingPopulation(values.population)) throw new Error(`--population must be one of ${SITING_POPULATIONS.join(', ')}, got ${values.population}`);
  if (values.method !== 'greedy' && values.method !== 'exact') throw new Error(`--method must be greedy or exact, got ${values.method}`);
  if (!['json', 'table', 'csv', 'geojson'].includes(values.format!)) throw new Error(`--format must be json, table, csv or geojson, got ${values.format}`);
  const year = number('year', values.year);
  if (year !== undefined && !Number.isInteger(year)) throw new Error(`--year must be a year, got ${values.year}`);
  const timeLimit = number('time-limit', values['time-limit']);
  if (timeLimit !== undefined && !(timeLimit > 0)) throw new Error(`--time-limit must be a positive number of seconds`);
  const result = await runSite({
    data: values.data!,
    kind: values.kind!,
    radiusKm: number('radius', values.radius)!,
    k: number('k', values.k)!,
    population: values.population,
    year,
    scope: values.scope,
    method: values.method as SitingMethod,
    weights: values.weight ? parseWeights(values.weight) : undefined,
    timeLimitS: timeLimit,
  });
  if (values.format === 'json') process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else if (values.format === 'csv') process.stdout.write(sitesCsv(result));
  else if (values.format === 'geojson') process.stdout.write(JSON.stringify(sitesGeoJson(result), null, 2) + '\n');
  else process.stdout.write(sitesTable(result));
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('site.ts')) {
  main().catch((error: unknown) => {
    console.error(`npm run site: ${(error as Error).message}`);
    process.exit(1);
  });
}
