/**
 * Tells when the process that started this one is gone, so a long-running command (the mock) does
 * not outlive `npx` and keep its port bound. `npx authconform mock` runs as npm → `sh -c` → node:
 * a SIGTERM to npx reaches the shell, which dies without passing it on; a SIGKILL to npx leaves
 * the shell alive, orphaned.
 *
 * On Linux the current parent is read from /proc each time (Node's `process.ppid` is read once at
 * start-up): the kernel re-parents a process as soon as its parent exits, even while the dead
 * parent is a zombie nobody reaps (where `kill(pid, 0)` still succeeds). The parent's own parent is
 * watched the same way, which covers the orphaned shell. Elsewhere `kill(pid, 0)` is the probe.
 */
import { readFileSync } from 'node:fs';

interface ProcStat {
  state: string;
  ppid: number;
}

/** state and parent of a process from /proc/PID/stat; undefined where /proc is not there or the process is gone */
function procStat(pid: number | 'self'): ProcStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: state ?? '', ppid: Number(ppid) };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A probe that answers true once the starting process (or, on Linux, its own parent) is gone. */
export function parentGoneProbe(): () => boolean {
  const self = procStat('self');
  if (self === undefined) {
    const parent = process.ppid;
    return () => !isAlive(parent);
  }
  const parent = self.ppid;
  // PID 1 in a container has no parent to watch
  if (parent === 0) return () => false;
  const grandparent = procStat(parent)?.ppid;
  return () => {
    const now = procStat('self');
    if (now === undefined || now.ppid !== parent) return true;
    const p = procStat(parent);
    if (p === undefined || p.state === 'Z' || p.state === 'X') return true;
    // the parent was orphaned: what started it (npm exec, a process manager) is gone. PID 0 and 1
    // as the grandparent mean the parent was already a daemon's child when we started; not watched.
    return grandparent !== undefined && grandparent > 1 && p.ppid !== grandparent;
  };
}
