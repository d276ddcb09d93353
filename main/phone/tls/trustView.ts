import type { WssTrust } from '../../../preload/contract/phone';
import type { TrustSnapshot } from './trustStore';

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** What Settings › SIP account shows of the wss:// trust (no PEMs cross the contract: names, counts, expiry). Pure. */
export function trustView(snap: TrustSnapshot): WssTrust {
  return {
    sources: snap.sources.slice(0, 5).map((s) => ({ kind: s.kind, from: cut(s.from, 400), count: s.count })),
    policyCertificates: snap.policyCertificates.slice(0, 20).map((c) => ({ subject: cut(c.subject, 400), validTo: c.validTo.slice(0, 10) })),
    ...(snap.policyCaProblem ? { policyCaProblem: cut(snap.policyCaProblem, 500) } : {}),
    ...(snap.systemProblem ? { systemProblem: cut(snap.systemProblem, 500) } : {}),
  };
}
