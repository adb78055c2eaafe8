/**
 * The certificate that signs downloaded letter PDFs (PAdES / PKCS#7). PDF readers and poppler's
 * pdfsig understand RSA but not SM2, so the county also holds an RSA key with a self-signed
 * certificate in its name, made on first use beside the SM2 key (LUOSHI_KEY_DIR):
 *   pdf-<fp16>.p12          private key and certificate, mode 0600
 *   pdf-<fp16>.crt          certificate (PEM); kept after rotation so older PDFs still verify
 *   pdf-current             fp16 of the certificate that signs now
 * <fp16> is the first 16 hex characters of the certificate's SHA-256 fingerprint.
 */

import { createHash, generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { keyDir } from './county-keys';

const CERT_FILE = /^pdf-([0-9a-f]{16})\.crt$/;
const VALID_YEARS = 20;

/** SHA-256 of the certificate's DER bytes, lowercase hex. */
export function certificateFingerprint(pem: string): string {
  return createHash('sha256').update(new X509Certificate(pem).raw).digest('hex');
}

function utf8Attribute(name: string, value: string) {
  return { name, value, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class };
}

function issueCertificate(countyName: string, now: Date) {
  // Node makes the RSA key (native, fast); forge builds the certificate and the PKCS#12 file.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forgePrivate = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime());
  cert.validity.notAfter.setUTCFullYear(now.getUTCFullYear() + VALID_YEARS);
  const subject = [
    { name: 'countryName', value: 'CN' },
    utf8Attribute('organizationName', countyName),
    utf8Attribute('organizationalUnitName', '督查室'),
    utf8Attribute('commonName', `${countyName}目标责任承诺书签章`),
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forgePrivate, forge.md.sha256.create());
  const p12 = forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(forgePrivate, [cert], '', { algorithm: '3des' })).getBytes();
  return { certificatePem: forge.pki.certificateToPem(cert), p12: Buffer.from(p12, 'binary') };
}

function writeIdentity(dir: string, countyName: string, now: Date) {
  const { certificatePem, p12 } = issueCertificate(countyName, now);
  const id = certificateFingerprint(certificatePem).slice(0, 16);
  writeFileSync(path.join(dir, `pdf-${id}.p12`), p12, { mode: 0o600, flag: 'wx' });
  writeFileSync(path.join(dir, `pdf-${id}.crt`), certificatePem, { mode: 0o644, flag: 'wx' });
  return id;
}

export interface PdfSigningIdentity {
  p12: Buffer;
  certificatePem: string;
  fingerprint: string;
}

/** The identity that signs PDFs now; created on first use. */
export function pdfSigningIdentity(countyName: string, now = new Date()): PdfSigningIdentity {
  const dir = keyDir();
  const currentFile = path.join(dir, 'pdf-current');
  if (!existsSync(currentFile)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const id = writeIdentity(dir, countyName, now);
    try {
      writeFileSync(currentFile, `${id}\n`, { mode: 0o644, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // Another process made the first certificate at the same moment: use theirs, drop ours.
      unlinkSync(path.join(dir, `pdf-${id}.crt`));
      unlinkSync(path.join(dir, `pdf-${id}.p12`));
    }
  }
  const id = readFileSync(currentFile, 'utf8').trim();
  const certificatePem = readFileSync(path.join(dir, `pdf-${id}.crt`), 'utf8');
  return { p12: readFileSync(path.join(dir, `pdf-${id}.p12`)), certificatePem, fingerprint: certificateFingerprint(certificatePem) };
}

/** Every PDF certificate the county has had (PEM), by full SHA-256 fingerprint. */
export function trustedPdfCertificates(): Map<string, string> {
  const dir = keyDir();
  const certificates = new Map<string, string>();
  if (!existsSync(dir)) return certificates;
  for (const name of readdirSync(dir)) {
    if (!CERT_FILE.test(name)) continue;
    const pem = readFileSync(path.join(dir, name), 'utf8');
    certificates.set(certificateFingerprint(pem), pem);
  }
  return certificates;
}

/** A new PDF signing key and certificate; old certificates stay trusted for verifying older PDFs. */
export function rotatePdfCertificate(countyName: string, now = new Date()): string {
  pdfSigningIdentity(countyName, now);
  const dir = keyDir();
  const id = writeIdentity(dir, countyName, now);
  const temp = path.join(dir, `pdf-current.${process.pid}`);
  writeFileSync(temp, `${id}\n`, { mode: 0o644 });
  renameSync(temp, path.join(dir, 'pdf-current'));
  return id;
}
