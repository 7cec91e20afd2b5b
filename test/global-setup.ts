import { ensureDemoData } from '../src/pipeline/generate/ensure';

/** Tests read the generated demo data; make sure it exists and is current before any runs. */
export default async function setup(): Promise<void> {
  await ensureDemoData(undefined, () => {});
}
