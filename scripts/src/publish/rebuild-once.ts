import path from 'path';
import { fileURLToPath } from 'url';
import { exportOptionsFromEnv } from '../export';
import { ROOT } from '../paths';
import { RebuildWorker } from './rebuild-worker';
import { SiteBuilds } from './site-builds';

/** `npm run publish`: one export → build → swap against a running CMS, for cron or by hand. */
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const worker = new RebuildWorker({
    exportOptions: exportOptionsFromEnv(),
    builds: new SiteBuilds(process.env.PUBLISH_DIR || path.join(ROOT, 'var', 'site')),
    debounceMs: 0,
  });
  worker.trigger('npm run publish').then(() => process.exit(worker.status.lastFailure ? 1 : 0));
}
