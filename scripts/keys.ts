// npm run keys -- show | rotate
//   show    the county's SM2 public keys (current first) and PDF certificates, with fingerprints
//   rotate  a new SM2 key and a new PDF certificate; the old public key and certificate stay, so
//           everything signed before still verifies. Back up the key directory afterwards.
import { describeCountyKeys, keyDir, rotateCountySigningKey } from '@/lib/platform/keys/county-keys';
import { rotatePdfCertificate, trustedPdfCertificates } from '@/lib/platform/keys/pdf-certificate';
import { formatFingerprint } from '@/lib/core/integrity/sm2';

const countyName = process.env.LUOSHI_COUNTY_NAME ?? '示范县';
const command = process.argv[2] ?? 'show';

if (command === 'rotate') {
  const keyId = rotateCountySigningKey();
  const certificate = rotatePdfCertificate(countyName);
  console.log(`new SM2 key ${keyId}, new PDF certificate ${certificate} in ${keyDir()}`);
} else if (command !== 'show') {
  console.error('usage: npm run keys -- show | rotate');
  process.exit(2);
}
console.log(`key directory: ${keyDir()}`);
for (const key of describeCountyKeys()) {
  console.log(`SM2 ${key.keyId}${key.current ? ' (current)' : ''}\n  SM3 fingerprint ${formatFingerprint(key.fingerprint)}\n  public key ${key.publicKey}`);
}
for (const fingerprint of trustedPdfCertificates().keys()) console.log(`PDF certificate SHA-256 ${formatFingerprint(fingerprint)}`);
