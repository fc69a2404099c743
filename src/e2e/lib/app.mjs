// Starts the built Recordflow jar on a fresh H2 database, waits until it is healthy, and stops it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..');
const targetDir = path.join(repoRoot, 'target');

function findJar() {
  if (process.env.RECORDFLOW_JAR) {
    return process.env.RECORDFLOW_JAR;
  }
  const jars = fs.existsSync(targetDir)
    ? fs.readdirSync(targetDir).filter((f) => /^recordflow-.*\.jar$/.test(f))
    : [];
  if (jars.length !== 1) {
    throw new Error(`expected one target/recordflow-*.jar (build it with ./mvnw package), found: ${jars.join(', ') || 'none'}`);
  }
  return path.join(targetDir, jars[0]);
}

async function health(baseUrl) {
  try {
    const response = await fetch(`${baseUrl}/actuator/health`);
    return response.ok ? (await response.json()).status : `HTTP ${response.status}`;
  } catch {
    return null;
  }
}

/** Starts the application; resolves to { baseUrl, stop() } once /actuator/health says UP. */
export async function startApp({ port = Number(process.env.E2E_PORT || 8181), timeoutMs = 180_000 } = {}) {
  const baseUrl = `http://localhost:${port}`;
  if (await health(baseUrl)) {
    throw new Error(`something already answers on port ${port}; stop it or set E2E_PORT`);
  }
  const jar = findJar();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'recordflow-e2e-'));
  fs.mkdirSync(targetDir, { recursive: true });
  const logFile = path.join(targetDir, 'e2e-app.log');
  const log = fs.openSync(logFile, 'w');
  const app = spawn('java', ['-jar', jar, `--server.port=${port}`,
    `--spring.datasource.url=jdbc:h2:file:${dataDir}/rf`], { cwd: dataDir, stdio: ['ignore', log, log] });
  let exited = null;
  app.on('exit', (code, signal) => { exited = signal || `exit code ${code}`; });

  const stop = async () => {
    if (exited === null) {
      const gone = new Promise((resolve) => app.once('exit', resolve));
      app.kill('SIGTERM');
      const timer = setTimeout(() => app.kill('SIGKILL'), 30_000);
      await gone;
      clearTimeout(timer);
    }
    fs.closeSync(log);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== null) {
      await stop();
      throw new Error(`the application stopped during start-up (${exited}); see ${logFile}`);
    }
    if ((await health(baseUrl)) === 'UP') {
      return { baseUrl, logFile, stop };
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the application was not healthy after ${timeoutMs / 1000} s; see ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
