import { signUpSchema } from './authSchemas';
import { checkSignIn } from './signInCheck';

describe('auth forms', () => {
  it('accepts a sign-in with or without a six-digit code', () => {
    const form = { email: 'a@example.com', password: 'x', totpCode: '', recoveryCode: '' };
    expect(checkSignIn(form)).toEqual({});
    expect(checkSignIn({ ...form, totpCode: ' 123456 ' })).toEqual({});
    expect(checkSignIn({ ...form, totpCode: '12345' })).toEqual({ totpCode: 'Six digits' });
    expect(checkSignIn({ ...form, email: 'not-an-email' })).toEqual({ email: 'Enter an email address' });
    expect(checkSignIn({ ...form, email: 'a@example', password: '' })).toEqual({ email: 'Enter an email address', password: 'Enter your password' });
    expect(checkSignIn({ ...form, recoveryCode: 'A1B2C-D3E4F' })).toEqual({});
    expect(checkSignIn({ ...form, recoveryCode: 'x'.repeat(65) })).toEqual({ recoveryCode: 'Too long for a recovery code' });
  });

  it('wants a long password typed twice the same', () => {
    const short = signUpSchema.safeParse({ email: 'a@example.com', password: 'short', confirm: 'short' });
    expect(short.error?.issues[0]?.path).toEqual(['password']);
    const differ = signUpSchema.safeParse({ email: 'a@example.com', password: 'a long passphrase', confirm: 'a long passphrasE' });
    expect(differ.error?.issues[0]?.path).toEqual(['confirm']);
    expect(signUpSchema.safeParse({ email: 'a@example.com', password: 'a long passphrase', confirm: 'a long passphrase' }).success).toBe(true);
  });
});
