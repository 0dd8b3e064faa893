import { z } from 'zod';
import { parseIsoDate } from '../lib/format';

const isoDate = z
  .string()
  .refine((v) => v === '' || isValidDate(v), 'Use a real date (yyyy-mm-dd)');

function isValidDate(v: string): boolean {
  try {
    parseIsoDate(v);
    return true;
  } catch {
    return false;
  }
}

export const pageSizes = [25, 50, 100] as const;

/** The transaction list's filters, as kept in the address bar (so a filtered view can be shared). */
export const transactionFilterSchema = z
  .object({
    accountId: z.string(),
    from: isoDate,
    to: isoDate,
    page: z.coerce.number().int().min(1).catch(1),
    pageSize: z.coerce.number().pipe(z.union(pageSizes.map((n) => z.literal(n)) as [z.ZodLiteral<25>, z.ZodLiteral<50>, z.ZodLiteral<100>])).catch(25),
  })
  .refine((f) => f.from === '' || f.to === '' || f.from <= f.to, { path: ['to'], message: 'The range ends before it starts' });

export type TransactionFilters = z.infer<typeof transactionFilterSchema>;

export function filtersFromParams(params: URLSearchParams): TransactionFilters {
  const parsed = transactionFilterSchema.safeParse({
    accountId: params.get('account') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    page: params.get('page') ?? 1,
    pageSize: params.get('size') ?? 25,
  });
  return parsed.success ? parsed.data : { accountId: '', from: '', to: '', page: 1, pageSize: 25 };
}

export function filtersToParams(f: TransactionFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.accountId) out.account = f.accountId;
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  if (f.page > 1) out.page = String(f.page);
  if (f.pageSize !== 25) out.size = String(f.pageSize);
  return out;
}

export function pageCount(totalCount: number, pageSize: number): number {
  return Math.max(1, Math.ceil(totalCount / pageSize));
}
