// The hand-worked outpatient region of small-region.test.ts: 19 visits in 2021 (the base year) and
// 2022, four institutions (H1 tertiary, H2 secondary, S1 and S2 primary: the signed panels).
//   - procedure classes: 86.2201 operation, 45.2300 intervention, 87.4400 diagnostic; 86.2202 is in no
//     list (diagnostic);
//   - apg_min_visits = 2: MJ06 (3 base visits) and P45 (2) are key groups; MJ20, P86, AZ00 and AI10
//     (1 each) fold to M-CH10, P-CH15, A-CH21 and A-CH9; v10 (0.50 yuan) is excluded;
//   - 2022: ME11 and MI10 have no group and their chapters (M-CH4, M-CH9) no base visit: class group M;
//     AZ01 folds to A-CH21;
//   - signed 2022: p1 and p8 to S1 (overspends: p1's operation at H1), p2 to S2 (keeps a surplus);
//     2021 has no prior year, so no quota and no packages.
import type { ApgFixture } from "./fixture.ts";

export const apgRegion: ApgFixture = {
  hospitals: [
    { id: "H1", level: 3 },
    { id: "H2", level: 2 },
    { id: "S1", level: 1 },
    { id: "S2", level: 1 },
  ],
  procedureClasses: [
    ["86.2201", "operation"],
    ["45.2300", "intervention"],
    ["87.4400", "diagnostic"],
  ],
  visits: [
    { id: "v01", patient: "p1", hospital: "H1", date: "2021-03-01", dx: "J06.900", cost: 100, fund: 60 },
    { id: "v02", patient: "p2", hospital: "H1", date: "2021-04-01", dx: "J06.900", cost: 200, fund: 120 },
    { id: "v03", patient: "p3", hospital: "H2", date: "2021-05-01", dx: "J06.900", cost: 150, fund: 90 },
    { id: "v04", patient: "p1", hospital: "S1", date: "2021-06-01", dx: "J20.900", cost: 80, fund: 56, signed: "S1" },
    { id: "v05", patient: "p4", hospital: "H1", date: "2021-07-01", dx: "K29.700", procedures: "87.4400;86.2201", cost: 600, fund: 360 },
    { id: "v06", patient: "p5", hospital: "H2", date: "2021-08-01", dx: "K29.700", procedures: "45.2300", cost: 400, fund: 240 },
    { id: "v07", patient: "p6", hospital: "H2", date: "2021-09-01", dx: "K29.700", procedures: "86.2202; 45.2300", cost: 500, fund: 300 },
    { id: "v08", patient: "p2", hospital: "S2", date: "2021-10-01", dx: "Z00.000", cost: 50, fund: 40, exam: 10 },
    { id: "v09", patient: "p7", hospital: "H1", date: "2021-11-01", dx: "I10.x00", cost: 100, fund: 70, exam: 90 },
    { id: "v10", patient: "p3", hospital: "S1", date: "2021-12-01", dx: "E11.900", cost: 0.5, fund: 0.3 },
    { id: "w01", patient: "p1", hospital: "S1", date: "2022-02-01", dx: "J06.900", cost: 100, fund: 70, signed: "S1" },
    { id: "w02", patient: "p1", hospital: "H1", date: "2022-03-01", dx: "K29.700", procedures: "86.2201", cost: 700, fund: 420, signed: "S1" },
    { id: "w03", patient: "p2", hospital: "S2", date: "2022-04-01", dx: "J06.900", cost: 120, fund: 84, signed: "S2" },
    { id: "w04", patient: "p8", hospital: "S1", date: "2022-05-01", dx: "J20.900", cost: 90, fund: 63, signed: "S1" },
    { id: "w05", patient: "p3", hospital: "H2", date: "2022-06-01", dx: "J06.900", cost: 160, fund: 96 },
    { id: "w06", patient: "p9", hospital: "H1", date: "2022-07-01", dx: "E11.900", cost: 300, fund: 180 },
    { id: "w07", patient: "p10", hospital: "H2", date: "2022-08-01", dx: "K29.700", procedures: "45.2300", cost: 420, fund: 252 },
    { id: "w08", patient: "p4", hospital: "H1", date: "2022-09-01", dx: "Z01.000", cost: 60, fund: 48 },
    { id: "w09", patient: "p2", hospital: "H1", date: "2022-10-01", dx: "I10.x00", cost: 200, fund: 86.1 },
  ],
  policy: [{ year: 2022, budget: 1300.1, shareRatio: 0.95 }],
};

export const apgParams = { apgMinVisits: 2, baseYears: [2021] };
