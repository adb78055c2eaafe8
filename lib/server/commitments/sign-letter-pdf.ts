import 'server-only';
import forge from 'node-forge';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { serverEnv } from '@/lib/platform/env';
import { pdfSigningIdentity } from '@/lib/platform/keys/pdf-certificate';

// Enough for a PKCS#7 with one 2048-bit RSA certificate and signature.
const SIGNATURE_LENGTH = 8192;

/**
 * CMS (PKCS#7) detached signer, as @signpdf/signer-p12 does it, except for the signer's issuer
 * name: forge reads a certificate's UTF-8 names as raw bytes and would encode them twice (the
 * county's Chinese name), so no reader could match the signer to its certificate.
 */
class CountyPdfSigner extends Signer {
  constructor(private readonly p12: Buffer) {
    super();
  }

  async sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> {
    const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(this.p12.toString('binary'))), false, '');
    const certBag = forge.pki.oids.certBag!;
    const keyBag = forge.pki.oids.pkcs8ShroudedKeyBag!;
    const certificate = parsed.getBags({ bagType: certBag })[certBag]![0]!.cert!;
    const key = parsed.getBags({ bagType: keyBag })[keyBag]![0]!.key!;
    const issuer = certificate.issuer.attributes.map((attribute: forge.pki.CertificateField) =>
      attribute.valueTagClass === (forge.asn1.Type.UTF8 as unknown) ? { ...attribute, value: forge.util.decodeUtf8(attribute.value as string) } : attribute,
    );
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdf.toString('binary'));
    p7.addCertificate(certificate);
    p7.addSigner({
      key,
      issuer,
      serialNumber: certificate.serialNumber,
      digestAlgorithm: forge.pki.oids.sha256,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest },
      ],
    } as unknown as Parameters<typeof p7.addSigner>[0]);
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}

/**
 * Embeds a PAdES (ETSI.CAdES.detached) signature made with the county's PDF certificate, so that
 * any PDF reader, poppler's pdfsig and the 核验 page can tell whether the file was changed.
 */
export async function signLetterPdf(pdf: Buffer, { signedAt = new Date() }: { signedAt?: Date } = {}): Promise<Buffer> {
  const identity = pdfSigningIdentity(serverEnv().LUOSHI_COUNTY_NAME);
  const prepared = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: 'Target responsibility letter issued by luoshi',
    contactInfo: '',
    name: 'luoshi',
    location: 'CN',
    signingTime: signedAt,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'luoshi',
  });
  return new SignPdf().sign(prepared, new CountyPdfSigner(identity.p12), signedAt);
}
