/**
 * The hand-worked transition case: a store, a partners file and a ledger filled by hand
 * (the engine is not involved), over the design of hand-program.ts.
 */
import { buildPartners, buildStore } from '../../src/history/store-builder.js';
import { handLedger } from './hand-ledger.js';
import { handProgram } from './hand-program.js';

/*
 * Four partners over the four quarters of 2024 (tiers: 0 Registered, 1 Silver, 2 Gold).
 *   A  reseller emea  legacy Gold (partners file)    tiers Gold Gold Gold Gold       → same
 *   B  reseller emea  legacy Gold (partners file)    tiers Gold Gold Silver Silver   → down, at risk
 *   C  msp      apac  legacy computed: 150,000 of 2024 revenue ≥ Silver's 100,000 and
 *                     1 certified person ≥ 1, but < Gold's 500,000 → Silver
 *                                                    tiers Silver ×3, Gold in Q4      → up
 *   D  consultant amer no file level, no revenue → (none), no equivalent            → unmapped
 */
export const partnersTable = buildPartners([
  { partner_id: 'A', name: 'Alpha', segment: 'reseller', region: 'emea', legacy_level: 'Gold' },
  { partner_id: 'B', name: 'Beta', segment: 'reseller', region: 'emea', legacy_level: 'Gold' },
  { partner_id: 'C', name: 'Gamma', segment: 'msp', region: 'apac', legacy_level: '' },
  { partner_id: 'D', name: 'Delta', segment: 'consultant', region: 'amer', legacy_level: '' },
]);
export const store = buildStore([
  { partner_id: 'A', date: '2024-03-01', activity: 'deal_closed', amount: 200000, product: 'saas' },
  { partner_id: 'B', date: '2024-02-01', activity: 'cert_earned', person_id: 'b1' },
  { partner_id: 'B', date: '2024-02-15', activity: 'case_study' },
  { partner_id: 'B', date: '2024-05-01', activity: 'deal_closed', amount: 35000, product: 'perpetual' },
  { partner_id: 'B', date: '2024-08-01', activity: 'deal_closed', amount: 35000, product: 'perpetual' },
  { partner_id: 'C', date: '2024-04-01', activity: 'cert_earned', person_id: 'c1' },
  { partner_id: 'C', date: '2024-06-01', activity: 'deal_closed', amount: 150000, product: 'saas' },
  { partner_id: 'D', date: '2024-07-01', activity: 'webinar_hosted' },
]);

export function ledger() {
  const partners = partnersTable.partners.map((p) => ({ id: p.id, name: p.name, segment: p.segment, region: p.region, legacyLevel: p.legacyLevel }));
  const L = handLedger(handProgram, partners, '2024-12-31');
  const [A, B, C] = [0, 1, 2];
  const tiers = [
    [2, 2, 2, 2],
    [2, 2, 1, 1],
    [1, 1, 1, 2],
    [0, 0, 0, 0],
  ];
  tiers.forEach((row, p) => row.forEach((tier, t) => (L.tier[L.pt(p, t)] = tier)));
  L.windowPoints[L.pt(A, 3)] = 5000;
  // B's window (trailing 4 = the whole year): cert 100 + case study 500 in Q1, deals 350 + 350 → 1,300.
  L.windowPoints[L.pt(B, 3)] = 1300;
  L.pointsByCategory[L.ptc(B, 0, 'skilling')] = 100;
  L.pointsByCategory[L.ptc(B, 0, 'advocacy')] = 500;
  L.pointsByCategory[L.ptc(B, 1, 'decision')] = 350;
  L.pointsByCategory[L.ptc(B, 2, 'decision')] = 350;
  L.countByActivity[L.pta(B, 0, 'cert_earned')] = 1;
  L.windowPoints[L.pt(C, 3)] = 3500;
  // Costs: A holds Gold all year (2,000 / 4 = 500 a quarter) and redeems 3 mdf (100 each) in Q4.
  for (let t = 0; t < 4; t++) L.benefitCost[L.pt(A, t)] = 500;
  L.redeemedUnits[L.ptr(A, 3, 'mdf')] = 3;
  L.rewardCost[L.pt(A, 3)] = 300;
  // B: Silver's 400 / 4 = 100 a quarter (the ledger's figure, whatever the tier); C: Gold's 500 in Q4.
  for (let t = 0; t < 4; t++) L.benefitCost[L.pt(B, t)] = 100;
  L.benefitCost[L.pt(C, 3)] = 500;
  L.amount[L.pt(A, 0)] = 200000;
  L.amount[L.pt(B, 1)] = 35000;
  L.amount[L.pt(B, 2)] = 35000;
  L.amount[L.pt(C, 1)] = 150000;
  return L;
}

