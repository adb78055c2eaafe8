/**
 * Checks the embedded PKCS#7 signature of an uploaded letter PDF, by its bytes: the signature must
 * cover the whole file except the signature itself (nothing appended after signing), the signed
 * bytes must hash to the digest the signature holds, the signature must verify with the embedded
 * certificate, and that certificate must be one the county issued (`trusted`, by SHA-256 of its DER).
 */

import { createHash, createPublicKey, verify as verifySignature, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

export type PdfSignatureResult =
  | { ok: true; certificateFingerprint: string; signedBytes: Uint8Array }
  | { ok: false; reason: 'unsigned' | 'malformed' | 'incomplete' | 'modified' | 'invalid' | 'untrusted'; message: string };

const REFUSALS = {
  unsigned: '该 PDF 没有数字签名（签名可能已被去除），不能证明是本系统签发的承诺书。',
  malformed: '该 PDF 的数字签名已损坏，无法核验。',
  incomplete: '该 PDF 在签名之后又被修改过（签名未覆盖整个文件），不能作为有效承诺书。',
  modified: '该 PDF 的内容在签名之后被改动过，与签发时不一致，不能作为有效承诺书。',
  invalid: '该 PDF 的数字签名无效。',
  untrusted: '该 PDF 不是用本县的签章证书签名的，不能证明是本系统签发的承诺书。',
} as const;

const refuse = (reason: keyof typeof REFUSALS): PdfSignatureResult => ({ ok: false, reason, message: REFUSALS[reason] });

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SHA256 = '2.16.840.1.101.3.4.2.1';

function lastByteRange(text: string): [number, number, number, number] | null {
  let last: RegExpExecArray | null = null;
  for (const match of text.matchAll(BYTE_RANGE)) last = match;
  return last ? [Number(last[1]), Number(last[2]), Number(last[3]), Number(last[4])] : null;
}

type Asn1 = forge.asn1.Asn1;
const children = (node: Asn1) => (Array.isArray(node.value) ? (node.value as Asn1[]) : []);

/** The parts of the first SignerInfo that matter here. */
function signerParts(signerInfo: Asn1) {
  const parts = children(signerInfo);
  const attributes = parts.find((p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
  const digestAlgorithm = parts[2] ? forge.asn1.derToOid(children(parts[2])[0]!.value as string) : null;
  const signature = [...parts].reverse().find((p) => p.tagClass === forge.asn1.Class.UNIVERSAL && p.type === forge.asn1.Type.OCTETSTRING);
  return { attributes, digestAlgorithm, signature: signature?.value as string | undefined };
}

function messageDigest(attributes: Asn1): string | null {
  for (const attribute of children(attributes)) {
    const [oid, values] = children(attribute);
    if (oid && values && forge.asn1.derToOid(oid.value as string) === OID_MESSAGE_DIGEST) {
      const digest = children(values)[0];
      return digest ? Buffer.from(digest.value as string, 'binary').toString('hex') : null;
    }
  }
  return null;
}

/** The DER value at the start of `padded` (the signature slot is padded with zeros to its reserved size). */
function derPrefix(padded: Buffer): Buffer {
  const first = padded[1] ?? 0;
  if (first < 0x80) return padded.subarray(0, 2 + first);
  const lengthBytes = first & 0x7f;
  let length = 0;
  for (let i = 0; i < lengthBytes; i++) length = length * 256 + (padded[2 + i] ?? 0);
  return padded.subarray(0, 2 + lengthBytes + length);
}

export function verifyPdfSignature(pdf: Uint8Array, trusted: ReadonlySet<string>): PdfSignatureResult {
  const bytes = Buffer.from(pdf);
  const range = lastByteRange(bytes.toString('latin1'));
  if (!range) return refuse('unsigned');
  const [start, firstLength, secondStart, secondLength] = range;
  if (start !== 0 || secondStart <= firstLength || secondStart + secondLength > bytes.length) return refuse('malformed');
  if (secondStart + secondLength !== bytes.length) return refuse('incomplete');

  const contents = bytes.subarray(firstLength, secondStart).toString('latin1');
  if (!/^<[0-9a-fA-F]*>$/.test(contents)) return refuse('malformed');
  let signerInfo: Asn1;
  let certificates: Asn1[];
  try {
    const der = derPrefix(Buffer.from(contents.slice(1, -1), 'hex'));
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
    const message = forge.pkcs7.messageFromAsn1(asn1) as unknown as { rawCapture: { signerInfos: Asn1[]; certificates?: Asn1 } };
    signerInfo = message.rawCapture.signerInfos[0]!;
    certificates = message.rawCapture.certificates ? children(message.rawCapture.certificates) : [];
    if (!signerInfo || certificates.length === 0) return refuse('malformed');
  } catch {
    return refuse('malformed');
  }

  const { attributes, digestAlgorithm, signature } = signerParts(signerInfo);
  if (!attributes || !signature || digestAlgorithm !== OID_SHA256) return refuse('malformed');
  const signedBytes = Buffer.concat([bytes.subarray(0, firstLength), bytes.subarray(secondStart, secondStart + secondLength)]);
  if (messageDigest(attributes) !== createHash('sha256').update(signedBytes).digest('hex')) return refuse('modified');

  // The signature covers the attributes DER-encoded as a SET (RFC 5652 §5.4), not as the [0] they are stored in.
  const attributeSet = forge.asn1.toDer(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, children(attributes))).getBytes();
  for (const certificate of certificates) {
    const der = Buffer.from(forge.asn1.toDer(certificate).getBytes(), 'binary');
    let x509: X509Certificate;
    try {
      x509 = new X509Certificate(der);
    } catch {
      continue;
    }
    const ok = verifySignature('sha256', Buffer.from(attributeSet, 'binary'), createPublicKey(x509.publicKey.export({ type: 'spki', format: 'pem' })), Buffer.from(signature, 'binary'));
    if (!ok) continue;
    const fingerprint = createHash('sha256').update(x509.raw).digest('hex');
    return trusted.has(fingerprint) ? { ok: true, certificateFingerprint: fingerprint, signedBytes } : refuse('untrusted');
  }
  return refuse('invalid');
}
