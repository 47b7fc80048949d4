import fs from 'fs';
import path from 'path';

/**
 * Published site versions on disk: `<root>/builds/<id>/` holds complete builds, and the symlink
 * `<root>/current` names the one being served. A new build is made in a fresh directory and
 * swapped in with a rename, which is atomic: a crash at any moment leaves `current` pointing at
 * one complete build, old or new, never at a half-written one.
 */
export class SiteBuilds {
  readonly buildsDir: string;
  readonly currentLink: string;

  constructor(readonly root: string) {
    this.buildsDir = path.join(root, 'builds');
    this.currentLink = path.join(root, 'current');
    fs.mkdirSync(this.buildsDir, { recursive: true });
  }

  /** The directory being served, or null before the first successful build. */
  current(): string | null {
    try {
      const target = path.resolve(this.root, fs.readlinkSync(this.currentLink));
      return fs.existsSync(path.join(target, 'index.html')) ? target : null;
    } catch {
      return null;
    }
  }

  newBuildDir(): string {
    return path.join(this.buildsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  }

  swap(dir: string) {
    if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`refusing to publish ${dir}: it holds no index.html`);
    const tmp = `${this.currentLink}.${process.pid}.tmp`;
    fs.rmSync(tmp, { force: true });
    fs.symlinkSync(path.relative(this.root, dir), tmp);
    // Fault injection for the crash test: die like `kill -9` in the middle of the swap.
    if (process.env.EB_FAULT === 'kill-during-swap') process.kill(process.pid, 'SIGKILL');
    fs.renameSync(tmp, this.currentLink);
  }

  /** Removes failed and superseded builds, keeping the current one and the newest `keep` others. */
  prune(keep = 2) {
    const current = this.current();
    const others = fs
      .readdirSync(this.buildsDir)
      .map((name) => path.join(this.buildsDir, name))
      .filter((dir) => dir !== current)
      .sort()
      .reverse();
    for (const dir of others.slice(keep)) fs.rmSync(dir, { recursive: true, force: true });
    // A swap cut short by a crash leaves its temporary link behind.
    for (const name of fs.readdirSync(this.root).filter((f) => /^current\.\d+\.tmp$/.test(f))) fs.rmSync(path.join(this.root, name), { force: true });
  }
}
