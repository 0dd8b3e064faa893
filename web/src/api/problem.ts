/** An RFC 7807 problem as the server writes it: a stable `code`, and per-field or per-row `errors`. */
export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  code?: string;
  errors?: unknown;
}

/** One item of a problem's `errors` list (e.g. a row of a rejected import). */
export interface ProblemItem {
  code: string;
  message: string;
  row?: number | null;
  column?: string | null;
}

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(describeProblem(problem));
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string | undefined {
    return this.problem.code;
  }

  /** Field errors of a validation problem (`{ field: [messages] }`), else an empty object. */
  get fieldErrors(): Record<string, string[]> {
    const errors = this.problem.errors;
    if (errors && typeof errors === 'object' && !Array.isArray(errors)) {
      return Object.fromEntries(
        Object.entries(errors as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : [String(v)]]),
      );
    }
    return {};
  }

  /** The `errors` list of a problem such as import-rejected or ledger-rejected, else an empty list. */
  get items(): ProblemItem[] {
    const errors = this.problem.errors;
    if (!Array.isArray(errors)) return [];
    return errors.filter(isProblemItem);
  }
}

function isProblemItem(value: unknown): value is ProblemItem {
  return typeof value === 'object' && value !== null && typeof (value as ProblemItem).message === 'string';
}

/** One readable line for a problem: the detail if there is one, else the title, else the status. */
export function describeProblem(problem: Problem): string {
  if (problem.detail) return problem.detail;
  if (problem.title) return problem.title;
  return `The server answered ${problem.status}.`;
}

/** Turns any response body into a Problem, whatever the server (or a proxy) sent. */
export function toProblem(status: number, body: unknown): Problem {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    return {
      status: typeof b.status === 'number' ? b.status : status,
      title: typeof b.title === 'string' ? b.title : undefined,
      detail: typeof b.detail === 'string' ? b.detail : undefined,
      code: typeof b.code === 'string' ? b.code : undefined,
      errors: b.errors,
    };
  }
  return { status, title: typeof body === 'string' && body.length > 0 && body.length < 300 ? body : undefined };
}
