import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlanEditor } from './PlanEditor';
import { defaultPlanForm } from './scenarioForm';

describe('PlanEditor', () => {
  it('shows field errors next to their inputs and does not submit', async () => {
    const onSubmit = vi.fn();
    render(<PlanEditor initial={defaultPlanForm} submitLabel="Create plan" busy={false} onSubmit={onSubmit} />);
    const user = userEvent.setup({ delay: null });
    await user.clear(screen.getByLabelText('Plan name'));
    await user.clear(screen.getByLabelText('Retirement age'));
    await user.type(screen.getByLabelText('Retirement age'), '30');
    await user.click(screen.getByRole('button', { name: 'Create plan' }));
    expect(await screen.findByText('Name is required')).toBeInTheDocument();
    const retirement = screen.getByLabelText('Retirement age');
    expect(retirement).toHaveAttribute('aria-invalid', 'true');
    expect(retirement).toHaveAccessibleDescription('Already past: use the current age or later');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits people, goals and incomes as numbers', async () => {
    const onSubmit = vi.fn();
    render(<PlanEditor initial={defaultPlanForm} submitLabel="Save" busy={false} onSubmit={onSubmit} netWorth={123456.78} />);
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: "Use today's net worth" }));
    await user.click(screen.getByRole('button', { name: 'Add a person' }));
    await user.type(screen.getByLabelText('Person 2 name'), 'Sam');
    await user.click(screen.getByRole('button', { name: 'Add an income' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const form = onSubmit.mock.calls[0]![0];
    expect(form.startBalance).toBe(123456.78);
    expect(form.people).toEqual([
      { name: 'Me', age: 45, retirementAge: 65 },
      { name: 'Sam', age: 40, retirementAge: 65 },
    ]);
    expect(form.incomes).toEqual([{ kind: 'pension', person: 0, annualAmount: 10000, fromAge: 67, growthPct: 0 }]);
  });
});
