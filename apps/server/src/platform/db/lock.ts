import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite corrupts its folder when two processes open it, so the first process
 * writes its pid into a lock file and every later one is refused — unless the
 * pid in the file is dead (a crash), in which case the stale lock is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'khien.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone: nothing to release
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(fs.readFileSync(lockPath, 'utf8').trim(), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new Error(
          `Thư mục dữ liệu ${dataDir} đang được tiến trình ${holder} sử dụng. Chỉ một tiến trình Khiên được mở cơ sở dữ liệu nhúng.\n` +
            `The data folder ${dataDir} is in use by process ${holder}; only one Khiên process may open the embedded database. ` +
            'Stop the other process, or use PostgreSQL (DATABASE_URL) to run several.',
        );
      }
      fs.unlinkSync(lockPath);
    }
  }
  throw new Error(`Could not lock ${lockPath}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
