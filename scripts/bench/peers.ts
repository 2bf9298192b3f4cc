/**
 * The read schedules of other tools that wait for the same kinds of deploys, computed (not run) on the
 * benchmark's deploys: when each reads, and so when each would see a deploy that turns ready at a given time.
 * None of them jitters, and none uses progress. Times in seconds from the start of the wait. Where a tool's
 * first read is not known to be at once, it is taken to come after its first delay.
 */
export interface PeerSchedule {
  name: string;
  /** the n-th read time (n from 0) */
  readAt(n: number): number;
}

const doubling = (firstS: number) => (n: number) => firstS * (2 ** (n + 1) - 1);
const every = (intervalS: number, firstS: number) => (n: number) => firstS + n * intervalS;

export const PEERS: readonly PeerSchedule[] = [
  // the loop this action is held to: no more reads on deploys of 10 s and longer, one more at most on shorter
  { name: 'at once, then every 5 s', readAt: every(5, 0) },
  // SAP's own GitHub actions: delays doubling from 1 s (reads at 1, 3, 7, 15 s…)
  { name: 'SAP actions (1, 2, 4, 8… s)', readAt: doubling(1) },
  // actions/deploy-pages: a status check every 5 s, the first after 5 s
  { name: 'deploy-pages (every 5 s)', readAt: every(5, 5) },
  // FlashPipe: a check every 30 s, the first after 30 s
  { name: 'FlashPipe (every 30 s)', readAt: every(30, 30) },
  // Project Piper's integrationArtifactDeploy: reads at once, then sleeps 3 s × a retry count that counts
  // down after each read; 14 here, so the first re-read comes after 42 s (42, 39, 36… s)
  { name: 'Piper (42, 39, 36… s)', readAt: piper },
];

function piper(n: number): number {
  let atS = 0;
  for (let i = 0; i < n; i++) atS += 3 * Math.max(1, 14 - i);
  return atS;
}

/** Lag and reads of a peer on a deploy ready after `readyS`: its first read at or after that time. */
export function peerOnDeploy(peer: PeerSchedule, readyS: number): { lagS: number; reads: number } {
  let n = 0;
  while (peer.readAt(n) < readyS) n++;
  return { lagS: peer.readAt(n) - readyS, reads: n + 1 };
}
