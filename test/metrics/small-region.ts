// The hand-worked region of test/metrics/small-region.test.ts: 18 claims, three hospitals, four DRGs
// (A = ES21, B = FM19, C = GC15, D = IC29) plus a QY and a 0000 case, discharged in 2021 and 2022.
//   - group A has six 2021 cases, one of them (c06, 9000) an outlier that trimming removes and a
//     high-multiplier case under the point method;
//   - c11 is excluded (LOS 75 > 60) and, with a given RW, a high-multiplier case;
//   - c14 → c15: the same patient, hospital and DRG, readmitted 10 days after discharge;
//   - c16 is a low-multiplier case under the 2022 policy's low multiplier 0.5;
//   - D has no given weight (unweighted) and its only case c17 is a death;
//   - 2021 ends in a surplus (budget above recorded), 2022 in an overspend.
import type { Fixture, FixtureWeight } from "./fixture.ts";

export const A = "ES21";
export const B = "FM19";
export const C = "GC15";
export const D = "IC29";

export const smallRegion: Fixture = {
  hospitals: [
    { id: "H1", level: 3, coefficient: 1.0 },
    { id: "H2", level: 2, coefficient: 0.9 },
    { id: "H3", level: 1, coefficient: 0.8, district: "D2" },
  ],
  cases: [
    { id: "c01", patient: "p01", hospital: "H1", department: "内科", drg: A, admit: "2021-01-05", discharge: "2021-01-10", cost: 1000, fund: 700, drug: 300 },
    { id: "c02", patient: "p02", hospital: "H1", department: "内科", drg: A, admit: "2021-02-01", discharge: "2021-02-05", cost: 1100, fund: 770, drug: 500 },
    { id: "c03", patient: "p03", hospital: "H2", department: "内科", drg: A, admit: "2021-03-01", discharge: "2021-03-07", cost: 1200, fund: 840 },
    { id: "c04", patient: "p04", hospital: "H2", department: "内科", drg: A, admit: "2021-04-01", discharge: "2021-04-05", cost: 1300, fund: 910 },
    { id: "c05", patient: "p05", hospital: "H3", department: "外科", drg: A, admit: "2021-05-01", discharge: "2021-05-06", cost: 1400, fund: 980 },
    { id: "c06", patient: "p06", hospital: "H1", department: "外科", drg: A, admit: "2021-06-01", discharge: "2021-06-21", cost: 9000, fund: 6300 },
    { id: "c07", patient: "p07", hospital: "H1", department: "外科", drg: B, admit: "2021-01-10", discharge: "2021-01-20", cost: 3000, fund: 2100 },
    { id: "c08", patient: "p08", hospital: "H2", department: "内科", drg: B, admit: "2021-02-10", discharge: "2021-02-18", cost: 5000, fund: 3500, status: 5 },
    { id: "c09", patient: "p09", hospital: "H3", department: "内科", drg: "EQY", admit: "2021-03-10", discharge: "2021-03-13", cost: 600, fund: 420 },
    { id: "c10", patient: "p10", hospital: "H2", department: "内科", drg: C, admit: "2021-07-01", discharge: "2021-07-01", cost: 800, fund: 560, status: 5 },
    { id: "c11", patient: "p11", hospital: "H3", department: "内科", drg: C, admit: "2021-08-01", discharge: "2021-10-15", cost: 20000, fund: 14000 },
    { id: "c12", patient: "p01", hospital: "H1", department: "内科", drg: A, admit: "2022-01-10", discharge: "2022-01-15", cost: 1500, fund: 1050 },
    { id: "c13", patient: "p12", hospital: "H3", department: "外科", drg: A, admit: "2022-02-01", discharge: "2022-02-04", cost: 1500, fund: 1050 },
    { id: "c14", patient: "p13", hospital: "H1", department: "外科", drg: B, admit: "2022-03-01", discharge: "2022-03-10", cost: 4000, fund: 2800 },
    { id: "c15", patient: "p13", hospital: "H1", department: "外科", drg: B, admit: "2022-03-20", discharge: "2022-03-28", cost: 4000, fund: 2800 },
    { id: "c16", patient: "p14", hospital: "H3", department: "内科", drg: C, admit: "2022-04-01", discharge: "2022-04-02", cost: 200, fund: 140 },
    { id: "c17", patient: "p15", hospital: "H2", department: "内科", drg: D, admit: "2022-05-01", discharge: "2022-05-06", cost: 2000, fund: 1400, status: 5 },
    { id: "c18", patient: "p16", hospital: "H2", department: "内科", drg: "0000", admit: "2022-06-01", discharge: "2022-06-04", cost: 900, fund: 630 },
  ],
  policy: [
    { year: 2021, budget: 33080, shareRatio: 0.95 },
    { year: 2022, budget: 9000, high: 2, low: 0.5 },
  ],
};

/** The official-style table: A with its average cost, B and C without, D missing, KD19 without cases. */
export const givenWeights: FixtureWeight[] = [
  { drg: A, rw: 0.7, avgCost: 1400, name: "A 组" },
  { drg: B, rw: 2.0 },
  { drg: C, rw: 0.25 },
  { drg: "KD19", rw: 1.2 },
];
