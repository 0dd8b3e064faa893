import { z } from 'zod';
import type { components } from '../api/schema';

export type Goal = components['schemas']['GoalDto'];
export type GoalBody = components['schemas']['GoalRequest'];

export const goalKinds = ['Retirement', 'Home', 'Education', 'EmergencyFund', 'Vehicle', 'Travel', 'Other'] as const;

/**
 * The goal form (docs/goals.md): a target by a date or by a person's age, funding accounts and the
 * plan that tests it. The server checks the same rules again and names any field it refuses.
 */
export const goalSchema = z
  .object({
    name: z.string().trim().min(1, 'A name is required.').max(200, 'At most 200 characters.'),
    kind: z.enum(goalKinds),
    targetAmount: z.string().trim().regex(/^\d+(\.\d{1,2})?$/, 'Enter the amount needed, e.g. 50000.').refine((v) => Number(v) > 0, 'More than 0.'),
    when: z.enum(['date', 'age']),
    targetDate: z.string(),
    personId: z.string(),
    targetAge: z.string(),
    priority: z.string().regex(/^\d+$/, 'A whole number from 1.').refine((v) => Number(v) >= 1 && Number(v) <= 100, 'From 1 (funded first) to 100.'),
    planId: z.string(),
    fundingAccountIds: z.array(z.string()),
  })
  .superRefine((v, ctx) => {
    if (v.when === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(v.targetDate)) ctx.addIssue({ code: 'custom', path: ['targetDate'], message: 'Enter a date (yyyy-mm-dd).' });
    if (v.when === 'age') {
      if (!v.personId) ctx.addIssue({ code: 'custom', path: ['personId'], message: 'Choose whose age.' });
      if (!/^\d+$/.test(v.targetAge) || Number(v.targetAge) > 120) ctx.addIssue({ code: 'custom', path: ['targetAge'], message: 'An age from 0 to 120.' });
    }
  });

export type GoalForm = z.infer<typeof goalSchema>;

export const emptyGoalForm: GoalForm = { name: '', kind: 'Home', targetAmount: '', when: 'date', targetDate: '', personId: '', targetAge: '', priority: '1', planId: '', fundingAccountIds: [] };

export function toGoalBody(f: GoalForm, version?: number): GoalBody {
  return {
    name: f.name.trim(),
    kind: f.kind,
    targetAmount: Number(f.targetAmount),
    targetDate: f.when === 'date' ? f.targetDate : null,
    personId: f.when === 'age' ? f.personId : null,
    targetAge: f.when === 'age' ? Number(f.targetAge) : null,
    priority: Number(f.priority),
    planId: f.planId || null,
    fundingAccountIds: f.fundingAccountIds,
    version: version ?? null,
  };
}

export function fromGoal(g: Goal): GoalForm {
  return {
    name: g.name,
    kind: g.kind,
    targetAmount: String(g.targetAmount),
    when: g.targetDate ? 'date' : 'age',
    targetDate: g.targetDate ?? '',
    personId: g.personId ?? '',
    targetAge: g.targetAge !== null && g.targetAge !== undefined ? String(g.targetAge) : '',
    priority: String(g.priority),
    planId: g.planId ?? '',
    fundingAccountIds: [...g.fundingAccountIds],
  };
}

/** How each status reads, and its colour: the words carry the meaning, the colour only repeats it. */
export const statusText: Record<Goal['status'], { label: string; className: string }> = {
  NotTested: { label: 'Not tested', className: 'bg-slate-100 text-slate-800' },
  OnTrack: { label: 'On track', className: 'bg-green-100 text-green-900' },
  AtRisk: { label: 'At risk', className: 'bg-amber-100 text-amber-950' },
  OffTrack: { label: 'Off track', className: 'bg-red-100 text-red-900' },
};
