/** OCSP answers (RFC 6960) for GetCertificateStatus: a signed BasicOCSPResponse for the CertID OCPP sends as OCSPRequestData. */
import { createHash, createPrivateKey, sign } from 'node:crypto';
import type { Credential } from './certificates';
import * as der from './der';
import { certificateParts, type CertificateHashData, type HashAlgorithm } from './hash-data';

/** The status an OCSP responder reports for one certificate. */
export type OcspCertStatus = { readonly status: 'good' } | { readonly status: 'unknown' } | { readonly status: 'revoked'; readonly revokedAt: Date };

/** What goes into one OCSP response. */
export interface OcspAnswer {
  /** The certificate asked about, as OCSPRequestData / CertificateHashData carries it. */
  readonly certId: CertificateHashData;
  /** The CertID exactly as the request carried it (any hash algorithm, SHA-1 included); defaults to the DER of `certId`. */
  readonly certIdDer?: Buffer;
  readonly certStatus: OcspCertStatus;
  /** Signs the response: the issuing CA itself or a responder it delegated to. */
  readonly responder: Credential;
  readonly thisUpdate?: Date;
  /** How long the answer may be cached, in seconds (absent: no nextUpdate). */
  readonly validForSeconds?: number;
}

const HASH_OID: Readonly<Record<HashAlgorithm, string>> = { SHA256: '2.16.840.1.101.3.4.2.1', SHA384: '2.16.840.1.101.3.4.2.2', SHA512: '2.16.840.1.101.3.4.2.3' };
const ID_PKIX_OCSP_BASIC = '1.3.6.1.5.5.7.48.1.1';
const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';

const algorithmIdentifier = (oid: string, withNullParameters: boolean): Buffer => der.sequence(der.oid(oid), ...(withNullParameters ? [der.nullValue()] : []));

function certStatus(status: OcspCertStatus): Buffer {
  switch (status.status) {
    case 'good':
      return der.implicitPrimitive(0, Buffer.alloc(0));
    case 'unknown':
      return der.implicitPrimitive(2, Buffer.alloc(0));
    case 'revoked':
      return der.encode(0xa1, der.generalizedTime(status.revokedAt));
  }
}

/** The DER CertID of OCPP hash data. */
export function certIdDer(certId: CertificateHashData): Buffer {
  const serial = certId.serialNumber.replace(/^0x/i, '');
  return der.sequence(
    algorithmIdentifier(HASH_OID[certId.hashAlgorithm], true),
    der.octetString(Buffer.from(certId.issuerNameHash, 'hex')),
    der.octetString(Buffer.from(certId.issuerKeyHash, 'hex')),
    der.integer(Buffer.from(serial.length % 2 ? `0${serial}` : serial, 'hex')),
  );
}

/** A DER OCSPResponse (status successful, a BasicOCSPResponse signed by the responder, responder certificate included). */
export function ocspResponse(answer: OcspAnswer): Buffer {
  const now = answer.thisUpdate ?? new Date();
  const responderDer = Buffer.from(answer.responder.certificate.rawData);
  const responderSubject = createHash('sha1').update(certificateParts(responderDer).subjectPublicKey).digest();
  const single = der.sequence(
    answer.certIdDer ?? certIdDer(answer.certId),
    certStatus(answer.certStatus),
    der.generalizedTime(now),
    ...(answer.validForSeconds === undefined ? [] : [der.explicit(0, der.generalizedTime(new Date(now.getTime() + answer.validForSeconds * 1000)))]),
  );
  const tbsResponseData = der.sequence(der.explicit(2, der.octetString(responderSubject)), der.generalizedTime(now), der.sequence(single));
  const rsa = answer.responder.algorithm === 'rsa';
  const signature = sign('sha256', tbsResponseData, { key: createPrivateKey(answer.responder.privateKeyPem), dsaEncoding: 'der' });
  const basic = der.sequence(tbsResponseData, algorithmIdentifier(rsa ? SHA256_WITH_RSA : ECDSA_WITH_SHA256, rsa), der.bitString(signature), der.explicit(0, der.sequence(responderDer)));
  return der.sequence(der.enumerated(0), der.explicit(0, der.sequence(der.oid(ID_PKIX_OCSP_BASIC), der.octetString(basic))));
}

/** OCSPResponse status `unauthorized` (6): the answer a responder gives for a CertID it does not serve. */
export function ocspUnauthorized(): Buffer {
  return der.sequence(der.enumerated(6));
}
