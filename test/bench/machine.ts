/**
 * The machine a benchmark ran on, read at run time (never hard-coded): BENCHMARKS.md quotes it next
 * to every figure, and the load average says whether others were using the machine meanwhile.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

export interface MachineInfo {
  readonly node: string;
  /** Logical processors this process may use (what `nproc` prints). */
  readonly nproc: number;
  /** The `model name` line of /proc/cpuinfo, or os.cpus() where there is no /proc. */
  readonly cpuModel: string;
  /** Physical memory, bytes. */
  readonly totalMemoryBytes: number;
  /** 1-minute load average when the run started: above ~0.5 means something else was running. */
  readonly loadAverageAtStart: number;
  readonly startedAt: string;
}

export function machineInfo(): MachineInfo {
  return {
    node: process.version,
    nproc: availableParallelism(),
    cpuModel: cpuModel(),
    totalMemoryBytes: totalmem(),
    loadAverageAtStart: loadavg()[0]!,
    startedAt: new Date().toISOString(),
  };
}

/** 1-minute load average now. */
export function loadAverage(): number {
  return loadavg()[0]!;
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line !== undefined) return line.slice(line.indexOf(':') + 1).trim();
  } catch {
    // Not Linux: fall through to what Node reports.
  }
  return cpus()[0]?.model ?? 'unknown';
}
