import fs from 'fs';
import path from 'path';
import { buildSite } from '../build-site';
import { exportSnapshot, snapshotCounts, writeSnapshot, type ExportOptions } from '../export';
import type { SiteBuilds } from './site-builds';

export type Step = 'export' | 'build' | 'publish';

export interface BuildStatus {
  state: 'idle' | 'building';
  queued: boolean;
  current: string | null;
  lastSuccess: { at: string; durationMs: number; trigger: string; counts: string } | null;
  lastFailure: { at: string; step: Step; message: string; trigger: string } | null;
}

export interface RebuildWorkerOptions {
  exportOptions: ExportOptions;
  builds: SiteBuilds;
  /** Called with the new directory after it has been swapped in. */
  onPublish?: (dir: string) => void;
  /** Bursts of webhooks within this window become one build. */
  debounceMs?: number;
  log?: (line: string) => void;
}

class StepError extends Error {
  constructor(readonly step: Step, cause: Error) {
    super(cause.message);
  }
}

async function step<T>(name: Step, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new StepError(name, error as Error);
  }
}

/**
 * Export → validate → build into a fresh directory → atomic swap. One build runs at a time;
 * triggers that arrive meanwhile are coalesced into a single follow-up build. A failed step
 * leaves the published site exactly as it was and is reported with its step and message.
 */
export class RebuildWorker {
  private running: Promise<void> | null = null;
  private queued: { reasons: string[]; waiters: (() => void)[] } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly log: (line: string) => void;
  readonly status: BuildStatus;

  constructor(private readonly options: RebuildWorkerOptions) {
    this.log = options.log ?? ((line) => console.log(`[publicering] ${line}`));
    this.status = { state: 'idle', queued: false, current: options.builds.current(), lastSuccess: null, lastFailure: null };
  }

  /** Asks for a rebuild; resolves when a build that started after this call has finished (either way). */
  trigger(reason: string): Promise<void> {
    return new Promise((resolve) => {
      this.queued ??= { reasons: [], waiters: [] };
      this.queued.reasons.push(reason);
      this.queued.waiters.push(resolve);
      this.status.queued = true;
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.drain(), this.options.debounceMs ?? 300);
    });
  }

  /** Waits for the running build and everything queued behind it. */
  async idle(): Promise<void> {
    while (this.running || this.queued) await (this.running ?? new Promise((r) => setTimeout(r, 50)));
  }

  private drain() {
    this.timer = null;
    if (this.running || !this.queued) return;
    const { reasons, waiters } = this.queued;
    this.queued = null;
    this.status.queued = false;
    // A seeded first start sends hundreds of webhooks: name a few, count the rest.
    const trigger = reasons.length > 5 ? `${reasons.slice(0, 5).join(', ')} och ${reasons.length - 5} till` : reasons.join(', ');
    this.running = this.buildOnce(trigger).finally(() => {
      this.running = null;
      waiters.forEach((resolve) => resolve());
      if (this.queued) this.drain();
    });
  }

  private async buildOnce(trigger: string) {
    const started = Date.now();
    const { builds, exportOptions } = this.options;
    this.status.state = 'building';
    const dir = builds.newBuildDir();
    const snapshotFile = `${dir}.snapshot.json`;
    try {
      const snapshot = await step('export', () => exportSnapshot(exportOptions));
      await step('build', async () => {
        writeSnapshot(snapshot, snapshotFile);
        await buildSite({ snapshotPath: snapshotFile, outDir: dir, quiet: true });
      });
      await step('publish', () => {
        // The snapshot travels with its build, so open data and pages never disagree.
        fs.renameSync(snapshotFile, path.join(dir, '.snapshot.json'));
        builds.swap(dir);
      });
      this.status.current = dir;
      this.status.lastSuccess = { at: new Date().toISOString(), durationMs: Date.now() - started, trigger, counts: snapshotCounts(snapshot) };
      this.log(`publicerad på ${Date.now() - started} ms (${trigger}): ${snapshotCounts(snapshot)}`);
      this.options.onPublish?.(dir);
      builds.prune();
    } catch (error) {
      const { step: failed, message } = error instanceof StepError ? error : { step: 'build' as Step, message: String(error) };
      this.status.lastFailure = { at: new Date().toISOString(), step: failed, message, trigger };
      this.log(`MISSLYCKADES i steget ${failed} (${trigger}); den publicerade webbplatsen är oförändrad.\n${message}`);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(snapshotFile, { force: true });
    } finally {
      this.status.state = 'idle';
    }
  }
}
