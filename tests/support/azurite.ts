import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Azurite's well-known development account (public, documented by Microsoft). */
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const ENTRY = resolve(__dirname, '../../node_modules/azurite/dist/src/azurite.js');
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

export interface Azurite {
  readonly connectionString: string;
  stop(): Promise<void>;
}

/** A port that was free a moment ago (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

const accepts = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function exited(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done();
    }, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
  });
}

/** Starts Azurite (blob, queue, table) in memory on ephemeral ports; resolves once blob and queue accept. */
export async function startAzurite(): Promise<Azurite> {
  const [blob, queue, table] = [await freePort(), await freePort(), await freePort()];
  const location = mkdtempSync(join(tmpdir(), 'azurite-'));
  // Arguments: blob/queue/table on loopback, in memory, no telemetry, quiet.
  const args = [
    ENTRY,
    ...['--blobHost', '127.0.0.1', '--blobPort', String(blob)],
    ...['--queueHost', '127.0.0.1', '--queuePort', String(queue)],
    ...['--tableHost', '127.0.0.1', '--tablePort', String(table)],
    ...['--inMemoryPersistence', '--disableTelemetry'],
    ...['--skipApiVersionCheck', '--loose', '--silent'],
  ];
  // Run inside a scratch folder so nothing Azurite might write lands in the project.
  const child = spawn(process.execPath, args, { cwd: location, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  // If the test process ends without afterAll (crash, kill), take Azurite down with it.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  const stop = async () => {
    process.off('exit', orphanGuard);
    child.kill('SIGTERM');
    await exited(child, STOP_TIMEOUT_MS);
    rmSync(location, { recursive: true, force: true });
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!((await accepts(blob)) && (await accepts(queue)))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const why = child.exitCode !== null ? `exited with ${child.exitCode}` : `not ready after ${START_TIMEOUT_MS} ms`;
      await stop();
      throw new Error(`Azurite ${why}: ${stderr.trim()}`);
    }
    await sleep(50);
  }
  const connectionString =
    `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};` +
    `BlobEndpoint=http://127.0.0.1:${blob}/${ACCOUNT};QueueEndpoint=http://127.0.0.1:${queue}/${ACCOUNT};` +
    `TableEndpoint=http://127.0.0.1:${table}/${ACCOUNT};`;
  return { connectionString, stop };
}
