import { render, screen } from '@testing-library/react';
import { QrCode } from './QrCode';

describe('QrCode', () => {
  it('draws the otpauth URI as a QR code of the size the qrcode package gives it', async () => {
    const uri = 'otpauth://totp/Glidepath:a%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Glidepath&digits=6';
    render(<QrCode text={uri} label="QR code for your authenticator app" />);
    const svg = screen.getByRole('img', { name: 'QR code for your authenticator app' });
    const { default: QRCode } = await import('qrcode');
    const modules = QRCode.create(uri, { errorCorrectionLevel: 'M' }).modules;
    // Four modules of quiet zone on each side; one square per dark module.
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${modules.size + 8} ${modules.size + 8}`);
    const dark = Array.from(modules.data).filter(Boolean).length;
    expect(svg.querySelector('path')?.getAttribute('d')?.match(/M/g)).toHaveLength(dark);
  });
});

describe('two-factor enrolment', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows a QR code of the provisioning URI beside the key', async () => {
    const { fetchRoutes } = await import('../test/fetchRoutes');
    const { MfaSettings } = await import('./MfaSettings');
    const { QueryClient, QueryClientProvider } = await import('@tanstack/react-query');
    const { default: userEvent } = await import('@testing-library/user-event');
    const uri = 'otpauth://totp/Glidepath:a%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Glidepath&digits=6';
    vi.spyOn(globalThis, 'fetch').mockImplementation(fetchRoutes([[/^POST \/api\/v1\/me\/mfa\/totp$/, () => ({ body: { sharedKey: 'JBSW Y3DP EHPK 3PXP', provisioningUri: uri } })]]).fetch);
    render(
      <QueryClientProvider client={new QueryClient()}>
        <MfaSettings enabled={false} />
      </QueryClientProvider>,
    );
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Turn on two-factor sign-in' }));
    expect(await screen.findByRole('img', { name: 'QR code for your authenticator app' })).toBeInTheDocument();
    expect(screen.getByTestId('totp-key')).toHaveTextContent('JBSW Y3DP EHPK 3PXP');
  });
});
