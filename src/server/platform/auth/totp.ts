import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

// TOTP (RFC 6238): 6 digits, 30 s steps, one step of clock drift either way.

export const newTotpSecret = () => generateSecret();

export function totpUri({ issuer, label, secret }: { issuer: string; label: string; secret: string }) {
  return generateURI({ issuer, label, secret });
}

export const qrCodeDataUrl = (text: string) => QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 240 });

/** Returns the matched time step (to refuse replays), or undefined when the code is wrong. */
export async function checkTotp({ secret, code, now = Date.now() }: { secret: string; code: string; now?: number }): Promise<number | undefined> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const result = await verify({ secret, token, epoch: Math.floor(now / 1000), epochTolerance: 30 });
  if (!result.valid) return undefined;
  return (result as { timeStep: number }).timeStep;
}
