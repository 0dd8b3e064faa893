import { signInSchema, signUpSchema } from './authSchemas';

describe('auth forms', () => {
  it('accepts a sign-in with or without a six-digit code', () => {
    expect(signInSchema.safeParse({ email: 'a@example.com', password: 'x', totpCode: '' }).success).toBe(true);
    expect(signInSchema.safeParse({ email: 'a@example.com', password: 'x', totpCode: '123456' }).success).toBe(true);
    expect(signInSchema.safeParse({ email: 'a@example.com', password: 'x', totpCode: '12345' }).success).toBe(false);
    expect(signInSchema.safeParse({ email: 'not-an-email', password: 'x', totpCode: '' }).success).toBe(false);
  });

  it('wants a long password typed twice the same', () => {
    const short = signUpSchema.safeParse({ email: 'a@example.com', password: 'short', confirm: 'short' });
    expect(short.error?.issues[0]?.path).toEqual(['password']);
    const differ = signUpSchema.safeParse({ email: 'a@example.com', password: 'a long passphrase', confirm: 'a long passphrasE' });
    expect(differ.error?.issues[0]?.path).toEqual(['confirm']);
    expect(signUpSchema.safeParse({ email: 'a@example.com', password: 'a long passphrase', confirm: 'a long passphrase' }).success).toBe(true);
  });
});
