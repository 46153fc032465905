import { z } from 'zod';

/**
 * 目标分解 (issue #12 item 5): city administrators allocate each plan target to the districts, as a
 * share of the city target (percent) or an absolute figure; every change is a new version kept
 * with who made it and when. A district's progress, pace and status are judged against its
 * allocation; without one it is 未分解 (`unallocated`), not 滞后.
 */
export const ALLOCATION_MODES = ['share', 'absolute'] as const;
export type AllocationMode = (typeof ALLOCATION_MODES)[number];

/** One district's allocation as in force: the figure it is judged against, and who set it when. */
export const AllocationSchema = z.object({
  districtId: z.uuid(),
  mode: z.enum(ALLOCATION_MODES),
  /** The share in percent (0–100) or the absolute figure, as entered. */
  amount: z.number(),
  /** The district's target: share × city target ÷ 100, or the absolute figure. */
  target: z.number(),
  version: z.number().int(),
  by: z.string(),
  at: z.string(),
});
export type Allocation = z.infer<typeof AllocationSchema>;

/** An indicator's allocation: each district's current one (null: 未分解) and every version before. */
export const IndicatorAllocationsSchema = z.object({
  code: z.string(),
  cityTarget: z.number(),
  districts: z.array(
    z.object({
      districtId: z.uuid(),
      divisionCode: z.string().nullable(),
      name: z.string(),
      nameEn: z.string().nullable(),
      allocation: AllocationSchema.nullable(),
    }),
  ),
  /** Sum of the districts' targets against the city target (a check for the administrator). */
  allocatedTotal: z.number(),
  /** Every version, newest first; a removed allocation is a version with mode null. */
  history: z.array(
    z.object({
      districtId: z.uuid(),
      mode: z.enum(ALLOCATION_MODES).nullable(),
      amount: z.number().nullable(),
      version: z.number().int(),
      by: z.string(),
      at: z.string(),
    }),
  ),
});
export type IndicatorAllocations = z.infer<typeof IndicatorAllocationsSchema>;

/** Sets the allocation of the districts listed; `amount: null` removes one (未分解 again). */
export const SetAllocationsSchema = z
  .object({
    items: z
      .array(
        z
          .object({
            districtId: z.uuid(),
            mode: z.enum(ALLOCATION_MODES),
            amount: z.number().min(0).max(1e12).nullable(),
          })
          .strict()
          .refine((i) => i.mode !== 'share' || i.amount === null || i.amount <= 100, {
            message: 'amount: a share is at most 100 (percent)',
            path: ['amount'],
          }),
      )
      .min(1)
      .max(50),
  })
  .strict();
export type SetAllocations = z.infer<typeof SetAllocationsSchema>;

/** The target a district is judged against under an allocation. */
export function allocatedTarget(mode: AllocationMode, amount: number, cityTarget: number): number {
  return mode === 'share' ? Math.round(((amount * cityTarget) / 100) * 100) / 100 : amount;
}
