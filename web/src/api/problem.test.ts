import { ApiError, toProblem } from './problem';

describe('ApiError', () => {
  it('reads the items of a rejected import', () => {
    const e = new ApiError(
      toProblem(422, {
        status: 422,
        title: 'Unprocessable',
        detail: 'The file was rejected and nothing was imported: 1 error(s).',
        code: 'import-rejected',
        errors: [{ code: 'import-rejected', message: 'Quantity must be positive.', row: 3, column: 'Quantity' }, 'junk'],
      }),
    );
    expect(e.code).toBe('import-rejected');
    expect(e.message).toBe('The file was rejected and nothing was imported: 1 error(s).');
    expect(e.items).toEqual([{ code: 'import-rejected', message: 'Quantity must be positive.', row: 3, column: 'Quantity' }]);
    expect(e.fieldErrors).toEqual({});
  });

  it('reads field errors of a validation problem', () => {
    const e = new ApiError(toProblem(400, { title: 'One or more validation errors occurred.', code: 'validation-failed', errors: { name: ['Required.'] } }));
    expect(e.status).toBe(400);
    expect(e.fieldErrors).toEqual({ name: ['Required.'] });
    expect(e.items).toEqual([]);
  });

  it('copes with a body that is not a problem', () => {
    const e = new ApiError(toProblem(502, 'Bad gateway'));
    expect(e.message).toBe('Bad gateway');
    expect(new ApiError(toProblem(500, undefined)).message).toBe('The server answered 500.');
  });
});
