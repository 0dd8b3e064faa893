import { useMemo } from 'react';
import QRCode from 'qrcode';

/**
 * A QR code of `text` (the otpauth:// URI) drawn in the browser: the `qrcode` package encodes it and
 * the modules become one SVG path, so nothing inline (no data: image, no injected markup) meets the CSP.
 */
export function QrCode({ text, label, size = 192 }: { text: string; label: string; size?: number }) {
  const { count, path } = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (modules.get(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
      }
    }
    return { count: modules.size + 8, path: d };
  }, [text]);
  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${count} ${count}`} shapeRendering="crispEdges" data-testid="totp-qr">
      <rect width={count} height={count} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
