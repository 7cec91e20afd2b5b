/**
 * Builds the demo data if missing or stale (CONTRACT.md: `npm start` "builds the demo data if
 * missing"). Run by `npm start`, `npm test` and `npm run build`.
 */
import { ensureDemoData } from '../src/pipeline/generate/ensure';

ensureDemoData().catch((error: unknown) => {
  console.error(`ensure-demo-data: ${(error as Error).message}`);
  process.exit(1);
});
