/**
 * Preloaded into a server process that the bench measures memory of (node --expose-gc --import
 * ./bench/probe.ts). On SIGUSR2 it runs two full garbage collections, then writes
 * process.memoryUsage() as JSON to BENCH_PROBE_FILE. No debugger, no change to the server.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_PROBE_FILE;
const gc = (globalThis as { gc?: () => void }).gc;
if (file && gc) {
  let sequence = 0;
  process.on('SIGUSR2', () => {
    gc();
    // A second pass after the event loop turns, for whatever the first one's finalizers freed.
    setImmediate(() => {
      gc();
      writeFileSync(file, JSON.stringify({ ...process.memoryUsage(), at: ++sequence }));
    });
  });
}
