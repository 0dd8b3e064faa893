import type { UseFormReturn } from 'react-hook-form';
import type { PlanForm } from './scenarioForm';
import { Field } from '../components/Field';

/** The 2026 federal ordinary rates (Rev. Proc. 2025-32); the server refuses any other. */
const ordinaryRatesPct = [10, 12, 22, 24, 32, 35, 37];

/**
 * The plan's taxes (docs/monte-carlo.md, "Taxes"): US federal brackets of the newest shipped year,
 * a flat state rate, start balances by account type and the order withdrawals take them in.
 */
export function TaxesFieldset({ form }: { form: UseFormReturn<PlanForm> }) {
  const { register, watch, formState } = form;
  const errors = formState.errors.taxes;
  const enabled = watch('taxes.enabled');
  const order = watch('taxes.withdrawalOrder');
  const n = (name: Parameters<typeof register>[0]) => register(name, { valueAsNumber: true });
  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
      <legend className="font-semibold">Taxes</legend>
      <label className="flex items-center gap-2">
        <input type="checkbox" {...register('taxes.enabled')} />
        Plan with taxes (US federal brackets, Social Security taxation, required distributions)
      </label>
      {enabled && (
        <>
          <div className="grid gap-3 sm:grid-cols-3">
            <Field label="Filing status">
              {(p) => (
                <select {...p} {...register('taxes.filingStatus')} className="input">
                  <option value="single">Single</option>
                  <option value="marriedFilingJointly">Married filing jointly</option>
                </select>
              )}
            </Field>
            <Field label="State income tax (%)" error={errors?.stateRatePct?.message}>
              {(p) => <input {...p} type="number" step="any" {...n('taxes.stateRatePct')} className="input" />}
            </Field>
            <Field label="New savings go to">
              {(p) => (
                <select {...p} {...register('taxes.contributionAccount')} className="input">
                  <option value="taxable">Taxable account</option>
                  <option value="taxDeferred">Tax-deferred (traditional IRA, 401(k))</option>
                  <option value="taxFree">Tax-free (Roth)</option>
                  <option value="hsa">HSA</option>
                </select>
              )}
            </Field>
            <Field label="Taxable account" error={errors?.taxable?.message}>
              {(p) => <input {...p} type="number" step="any" {...n('taxes.taxable')} className="input" />}
            </Field>
            <Field label="Its cost basis" error={errors?.taxableBasis?.message}>
              {(p) => <input {...p} type="number" step="any" {...n('taxes.taxableBasis')} className="input" />}
            </Field>
            <Field label="Tax-deferred (traditional IRA, 401(k))" error={errors?.taxDeferred?.message}>
              {(p) => <input {...p} type="number" step="any" {...n('taxes.taxDeferred')} className="input" />}
            </Field>
            <Field label="Tax-free (Roth)" error={errors?.taxFree?.message}>
              {(p) => <input {...p} type="number" step="any" {...n('taxes.taxFree')} className="input" />}
            </Field>
            <Field label="HSA" error={errors?.hsa?.message}>
              {(p) => <input {...p} type="number" step="any" {...n('taxes.hsa')} className="input" />}
            </Field>
            <Field label="Withdrawal order">
              {(p) => (
                <select {...p} {...register('taxes.withdrawalOrder')} className="input">
                  <option value="taxableFirst">Taxable, then tax-deferred, then tax-free</option>
                  <option value="proportional">In proportion to each account</option>
                  <option value="fillBracket">Tax-deferred up to a bracket first</option>
                </select>
              )}
            </Field>
            {order === 'fillBracket' && (
              <Field label="Fill the bracket of" error={errors?.fillBracketRatePct?.message}>
                {(p) => (
                  <select {...p} {...n('taxes.fillBracketRatePct')} className="input">
                    {ordinaryRatesPct.map((r) => (
                      <option key={r} value={r}>
                        {r}%
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
          </div>
          <p className="text-xs text-slate-600">Roth conversions and another tax year are set in the plan's JSON (docs/scenario-format.md).</p>
        </>
      )}
    </fieldset>
  );
}
