import { z } from 'zod';
import type { components } from '../api/schema';

export type TaxProfile = components['schemas']['TaxProfileDto'];

const percent = (label: string) =>
  z
    .string()
    .trim()
    .refine((s) => /^\d+(\.\d+)?$/.test(s) && Number(s) < 100, `${label}: a percentage from 0 to below 100`);
const money = (label: string) =>
  z
    .string()
    .trim()
    .refine((s) => /^\d+(\.\d+)?$/.test(s), `${label}: an amount, 0 or more`);

/** The tax part of the household's profile, as the form shows it (rates in percent). */
export const taxSettingsSchema = z.object({
  shortTermRate: percent('Short-term rate'),
  longTermRate: percent('Long-term rate'),
  harvestMinLoss: money('Smallest loss'),
  harvestMinLossFraction: percent('Smallest loss as a share'),
  costPerTrade: money('Cost per trade'),
});
export type TaxSettingsForm = z.infer<typeof taxSettingsSchema>;

// Percent ↔ fraction without binary noise (35 → 0.35, not 0.35000000000000003).
const toFraction = (s: string) => Number((Number(s) / 100).toFixed(6));
const toPercent = (f: number) => String(Number((f * 100).toFixed(4)));

export const fromProfile = (p: TaxProfile): TaxSettingsForm => ({
  shortTermRate: toPercent(p.shortTermRate),
  longTermRate: toPercent(p.longTermRate),
  harvestMinLoss: String(p.harvestMinLoss),
  harvestMinLossFraction: toPercent(p.harvestMinLossFraction),
  costPerTrade: String(p.costPerTrade),
});

/** The PUT body: the form's fields over the profile as read (its rebalancing fields and version kept). */
export const toProfile = (v: TaxSettingsForm, read: TaxProfile): TaxProfile => ({
  ...read,
  shortTermRate: toFraction(v.shortTermRate),
  longTermRate: toFraction(v.longTermRate),
  harvestMinLoss: Number(v.harvestMinLoss),
  harvestMinLossFraction: toFraction(v.harvestMinLossFraction),
  costPerTrade: Number(v.costPerTrade),
});
