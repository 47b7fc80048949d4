import { createRequire } from 'module';
import { CMS_DIR } from './paths';

/** Compiles the CMS's TypeScript once for every test file that boots a Strapi. */
export default async function setup() {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  // Strapi's ESM build does not resolve under plain Node ESM; its CommonJS build does.
  const { compileStrapi } = createRequire(import.meta.url)('@strapi/strapi');
  await compileStrapi({ appDir: CMS_DIR });
}
