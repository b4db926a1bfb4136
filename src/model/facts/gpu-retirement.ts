/**
 * Retired and retiring GPU VM size series (RULES.md GPU004). One row per series: its exact
 * size names, the date Azure retires it (after that date remaining VMs are deallocated and
 * the size can no longer be deployed) and the Microsoft Learn page that announced it.
 *
 * Sizes match exactly and case-insensitively, never by prefix: `Standard_NC6` is retired,
 * `Standard_NC64as_T4_v3` (NCasT4_v3, not retiring) is not; `Standard_NC6s_v3` (NCv3) is a
 * different row from `Standard_NC6s_v2` (NCv2).
 *
 * Sources (each checked against the page's text):
 * - NC, NC_Promo: "we're retiring our NC (v1) GPU VM sizes, powered by NVIDIA Tesla K80 GPUs
 *   on 6 September 2023" (sizes/migration-guides/nc-series-retirement). Sizes: "Previous
 *   generation sizes", NC series table (NC6, NC12, NC24, NC24r).
 * - NCv2: "We are retiring our NC (v2) GPU VM sizes, powered by NVIDIA Tesla P100 GPUs on
 *   6 September 2023" (sizes/migration-guides/ncv2-series-retirement).
 * - ND: "we're retiring our ND GPU VM sizes, powered by NVIDIA Tesla P40 GPUs on 6 September
 *   2023" (sizes/migration-guides/nd-series-retirement).
 * - NV, NV_Promo: "we're retiring our NV-series Azure VM sizes on September 6, 2023 … doesn't
 *   affect the NVv3 and NVv4 series" (sizes/migration-guides/nv-series-retirement).
 * - NCv3: "On September 30, 2025, Microsoft Azure will retire the Standard_NC6s_v3,
 *   Standard_NC12s_v3 and Standard_NC24s_v3" (ncv3-nc6s-nc12s-nc24s-retirement); the RDMA size
 *   Standard_NC24rs_v3 on the same date (its page first said March 31, 2025; the current one
 *   and the "Retired and retiring VM sizes" list say 09/30/25).
 * - NVv3: "On September 30, 2026, Microsoft Azure will retire the Standard_NV12s_v3,
 *   Standard_NV12hs_v3, Standard_NV24s_v3, Standard_NV24ms_v3, Standard_NV32ms_v3, and
 *   Standard_NV48s_v3" (sizes/gpu-accelerated/nvv3-series-retirement).
 * - NVv4: "On September 30, 2026, Microsoft Azure will retire the Standard_NV4as_v4,
 *   Standard_NV4ahs_v4, Standard_NV8as_v4, Standard_NV8ahs_v4, Standard_NV16as_v4,
 *   Standard_NV16ahs_v4, Standard_NV32as_v4, and Standard_NV32ahs_v4" (sizes/gpu-accelerated/
 *   nvv4-retirement; Azure Updates 500578). The `ahs` sizes (no local temp disk) are not in the
 *   NVv4-series size table, which this row first followed (review 107).
 */

export interface RetiredGpuSeries {
  /** The series as Microsoft names it. */
  series: string;
  /** Exact size names (compared case-insensitively). */
  sizes: readonly string[];
  /** Retirement date, `YYYY-MM-DD`. */
  retires: string;
  /** The Microsoft Learn page that announced the retirement. */
  source: string;
}

const LEARN = 'https://learn.microsoft.com/azure/virtual-machines';

export const RETIRED_GPU_SERIES: readonly RetiredGpuSeries[] = [
  {
    series: 'NC',
    sizes: ['Standard_NC6', 'Standard_NC12', 'Standard_NC24', 'Standard_NC24r', 'Standard_NC6_Promo', 'Standard_NC12_Promo', 'Standard_NC24_Promo', 'Standard_NC24r_Promo'],
    retires: '2023-09-06',
    source: `${LEARN}/sizes/migration-guides/nc-series-retirement`,
  },
  {
    series: 'NCv2',
    sizes: ['Standard_NC6s_v2', 'Standard_NC12s_v2', 'Standard_NC24s_v2', 'Standard_NC24rs_v2'],
    retires: '2023-09-06',
    source: `${LEARN}/sizes/migration-guides/ncv2-series-retirement`,
  },
  {
    series: 'ND',
    sizes: ['Standard_ND6s', 'Standard_ND12s', 'Standard_ND24s', 'Standard_ND24rs'],
    retires: '2023-09-06',
    source: `${LEARN}/sizes/migration-guides/nd-series-retirement`,
  },
  {
    series: 'NV',
    sizes: ['Standard_NV6', 'Standard_NV12', 'Standard_NV24', 'Standard_NV6_Promo', 'Standard_NV12_Promo', 'Standard_NV24_Promo'],
    retires: '2023-09-06',
    source: `${LEARN}/sizes/migration-guides/nv-series-retirement`,
  },
  {
    series: 'NCv3',
    sizes: ['Standard_NC6s_v3', 'Standard_NC12s_v3', 'Standard_NC24s_v3', 'Standard_NC24rs_v3'],
    retires: '2025-09-30',
    source: `${LEARN}/ncv3-nc6s-nc12s-nc24s-retirement`,
  },
  {
    series: 'NVv3',
    sizes: ['Standard_NV12s_v3', 'Standard_NV12hs_v3', 'Standard_NV24s_v3', 'Standard_NV24ms_v3', 'Standard_NV32ms_v3', 'Standard_NV48s_v3'],
    retires: '2026-09-30',
    source: `${LEARN}/sizes/gpu-accelerated/nvv3-series-retirement`,
  },
  {
    series: 'NVv4',
    sizes: ['Standard_NV4as_v4', 'Standard_NV4ahs_v4', 'Standard_NV8as_v4', 'Standard_NV8ahs_v4', 'Standard_NV16as_v4', 'Standard_NV16ahs_v4', 'Standard_NV32as_v4', 'Standard_NV32ahs_v4'],
    retires: '2026-09-30',
    source: `${LEARN}/sizes/gpu-accelerated/nvv4-retirement`,
  },
];

/** Months before its retirement date in which a series counts as retiring (warning). */
export const RETIRING_WINDOW_MONTHS = 12;

const BY_SIZE = new Map<string, RetiredGpuSeries>();
for (const row of RETIRED_GPU_SERIES) for (const s of row.sizes) BY_SIZE.set(s.toLowerCase(), row);

/** The retired or retiring series a size belongs to (exact name, case-insensitive), or undefined. */
export function retiredSeriesOf(size: string): RetiredGpuSeries | undefined {
  return BY_SIZE.get(size.trim().toLowerCase());
}

/** Where a series stands on a scan date (`YYYY-MM-DD`): retired, retiring within the window, or neither yet. */
export type RetirementState = 'retired' | 'retiring' | 'later';

/** RULES.md: retired *before* the scan date is an error; on the day itself it is still retiring. */
export function retirementState(row: RetiredGpuSeries, today: string): RetirementState {
  if (row.retires < today) return 'retired';
  return row.retires <= addMonths(today, RETIRING_WINDOW_MONTHS) ? 'retiring' : 'later';
}

/** `YYYY-MM-DD` plus whole months (the day clamped to the month's last day). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
