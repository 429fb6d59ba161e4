// A one-line progress bar on stderr, for runs over many files when stderr is a terminal.
import type { OutputStream } from './main.js';

/** Runs over fewer files than this show no bar. */
export const PROGRESS_MIN_FILES = 50;
const WIDTH = 24;
const REDRAW_MS = 80;

export interface Progress {
  /** Whether a bar is shown at all. */
  readonly active: boolean;
  update(done: number, total: number, label: string): void;
  done(): void;
}

const silent: Progress = { active: false, update() {}, done() {} };

export function createProgress(stream: OutputStream, files: number): Progress {
  if (stream.isTTY !== true || files < PROGRESS_MIN_FILES) return silent;
  let last = 0;
  let drawn = false;
  return {
    active: true,
    update(done, total, label) {
      const now = Date.now();
      if (drawn && done < total && now - last < REDRAW_MS) return;
      last = now;
      drawn = true;
      const filled = total > 0 ? Math.round((done / total) * WIDTH) : WIDTH;
      stream.write(`\r\x1b[K${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total} files`);
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
