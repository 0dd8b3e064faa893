import { z } from 'zod';
import type { Person } from '../api/types';
import type { components } from '../api/schema';

export const filingStatuses = ['Single', 'MarriedFilingJointly', 'MarriedFilingSeparately', 'HeadOfHousehold', 'QualifyingSurvivingSpouse'] as const satisfies readonly components['schemas']['FilingStatus'][];

export const personSchema = z.object({
  name: z.string().trim().min(1, 'Name is required').max(200, 'At most 200 characters'),
  birthDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'A birth date is required')
    .refine((d) => d >= '1900-01-01' && d <= new Date().toISOString().slice(0, 10), 'A birth date between 1900 and today'),
  // Blank: not decided yet (plans then ask).
  retirementAge: z
    .string()
    .trim()
    .refine((s) => s === '' || (/^\d+$/.test(s) && Number(s) >= 30 && Number(s) <= 100), 'A whole number of years between 30 and 100, or blank'),
  filingStatus: z.enum(filingStatuses),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'A two-letter country code, e.g. US'),
  state: z.string().trim().max(8, 'At most 8 characters'),
});
export type PersonForm = z.infer<typeof personSchema>;

export const emptyPerson: PersonForm = { name: '', birthDate: '', retirementAge: '65', filingStatus: 'Single', country: 'US', state: '' };

export const fromPerson = (p: Person): PersonForm => ({
  name: p.name,
  birthDate: p.birthDate,
  retirementAge: p.retirementAge != null ? String(p.retirementAge) : '',
  filingStatus: p.filingStatus,
  country: p.country,
  state: p.state ?? '',
});

/** The request body; the tax id (never shown whole) is left as stored, the notes kept. */
export const toPersonRequest = (v: PersonForm, stored?: Person): components['schemas']['PersonRequest'] => ({
  name: v.name,
  birthDate: v.birthDate,
  filingStatus: v.filingStatus,
  country: v.country,
  state: v.state || null,
  taxId: null,
  notes: stored?.notes ?? null,
  retirementAge: v.retirementAge === '' ? null : Number(v.retirementAge),
});
